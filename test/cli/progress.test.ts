import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import { memoryTerminal } from '../../src/cli/terminal.js';

/** A writable that claims to be a terminal and keeps what is drawn on it. */
function fakeTty(): Writable & { isTTY: boolean; columns: number; drawn: string } {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      stream.drawn += String(chunk);
      done();
    },
  }) as Writable & { isTTY: boolean; columns: number; drawn: string };
  return Object.assign(stream, { isTTY: true, columns: 120, drawn: '' });
}

describe('progress', () => {
  it('writes JSON lines with rate and ETA under --json', () => {
    const terminal = memoryTerminal();
    let now = 100;
    const progress = createProgress(terminal, { json: true, clock: () => now });
    progress.update({ iteration: 0, iterations: 100, losses: {} });
    now += 2;
    progress.update({ iteration: 50, iterations: 100, losses: { discriminator: 1.25, generator: 0.5 } });
    progress.stop();
    const lines = terminal.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { type: 'progress', iteration: 0, iterations: 100, losses: {}, iterationsPerSecond: 0, etaSeconds: null },
      {
        type: 'progress',
        iteration: 50,
        iterations: 100,
        losses: { discriminator: 1.25, generator: 0.5 },
        iterationsPerSecond: 25,
        etaSeconds: 2,
      },
    ]);
  });

  it('uses the rate and ETA the training loop measured when given', () => {
    const terminal = memoryTerminal();
    const progress = createProgress(terminal, { json: true });
    progress.update({ iteration: 10, iterations: 20, losses: { g: 1 }, iterationsPerSecond: 4, etaSeconds: 2.5 });
    expect(JSON.parse(terminal.stdout)).toMatchObject({ iterationsPerSecond: 4, etaSeconds: 2.5 });
  });

  it('stays silent when stderr is not a terminal', () => {
    const terminal = memoryTerminal();
    const progress = createProgress(terminal);
    progress.update({ iteration: 1, iterations: 2, losses: { g: 1 } });
    progress.stop();
    expect(terminal.stdout + terminal.stderr).toBe('');
  });

  it('draws a bar with iteration, losses, it/s and ETA on a terminal', () => {
    const tty = fakeTty();
    const terminal = memoryTerminal({ progressStream: tty });
    let now = 0;
    const progress = createProgress(terminal, { clock: () => now });
    progress.update({ iteration: 0, iterations: 1000, losses: {} });
    now = 10;
    progress.update({ iteration: 500, iterations: 1000, losses: { discriminator: 1.386294, generator: 0.693147 } });
    progress.stop();
    expect(terminal.stdout + terminal.stderr).toBe('');
    expect(tty.drawn).toContain('iteration 500/1,000');
    expect(tty.drawn).toContain('discriminator 1.386  generator 0.6931 | 50 it/s | ETA 10s');
  });
});
