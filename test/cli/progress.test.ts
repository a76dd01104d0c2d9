import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createProgress } from '../../src/cli/progress.js';
import { memoryTerminal } from '../../src/cli/terminal.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** The progress lines of `rgan train … --json`, run in-process into a scratch directory. */
async function trainProgress(...flags: string[]): Promise<Array<Record<string, unknown>>> {
  const dir = await mkdtemp(join(tmpdir(), 'rgan-progress-'));
  dirs.push(dir);
  const terminal = memoryTerminal();
  const code = await main(['train', ...flags, '--out', join(dir, 'model'), '--json'], terminal);
  expect(terminal.stderr).toBe('');
  expect(code).toBe(0);
  const lines = terminal.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  return lines.filter((line) => line.type === 'progress');
}

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

describe('progress of a training run', () => {
  it('names each TimeGAN phase, its number and its own iteration count in the JSON lines', async () => {
    const lines = await trainProgress('--model', 'timegan', '--data', 'stocks', '--iterations', '20', '--log-every', '10', '--hidden', '4', '--layers', '1', '--batch', '8');
    const where = lines.map((l) => [l.phase, l.phaseIndex, l.phases, l.phaseIteration, l.phaseIterations, l.iteration, l.iterations]);
    expect(where).toEqual([
      ['embedding', 1, 3, 10, 20, 10, 60],
      ['embedding', 1, 3, 20, 20, 20, 60],
      ['supervised', 2, 3, 10, 20, 30, 60],
      ['supervised', 2, 3, 20, 20, 40, 60],
      ['joint', 3, 3, 10, 20, 50, 60],
      ['joint', 3, 3, 20, 20, 60, 60],
    ]);
    expect(Object.keys(lines[0])).toEqual(['type', 'phase', 'phaseIndex', 'phases', 'phaseIteration', 'phaseIterations', 'iteration', 'iterations', 'losses', 'iterationsPerSecond', 'etaSeconds']);
    expect(lines.map((l) => Object.keys(l.losses as object).join('+'))).toEqual(['embedding', 'embedding', 'supervised', 'supervised', 'discriminator+generator+embedder', 'discriminator+generator+embedder']);
    expect(lines.every((l) => typeof l.etaSeconds === 'number' && l.etaSeconds >= 0)).toBe(true);
    expect(lines.at(-1)?.etaSeconds).toBe(0);
  });

  it('gives the recurrent GAN its one adversarial phase', async () => {
    const lines = await trainProgress('--data', 'sines', '--iterations', '4', '--log-every', '2', '--hidden', '4', '--layers', '1', '--batch', '8');
    expect(lines.map((l) => [l.phase, l.phaseIndex, l.phases, l.phaseIteration, l.phaseIterations, l.iteration])).toEqual([
      ['adversarial', 1, 1, 2, 4, 2],
      ['adversarial', 1, 1, 4, 4, 4],
    ]);
  });
});

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

  it('draws the phase and its own iteration count for a phased run', () => {
    const tty = fakeTty();
    const progress = createProgress(memoryTerminal({ progressStream: tty }));
    const phase = { phase: 'joint', phaseIndex: 3, phases: 3, phaseIteration: 40, phaseIterations: 100 };
    progress.update({ ...phase, iteration: 240, iterations: 300, losses: { generator: 2 }, iterationsPerSecond: 4, etaSeconds: 15 });
    progress.stop();
    expect(tty.drawn).toContain('joint (phase 3/3) · iteration 40/100');
    expect(tty.drawn).toContain('generator 2 | 4 it/s | ETA 15s');
  });
});
