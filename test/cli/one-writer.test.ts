// Spawned `rgan train` processes: two runs into the same --out (one runs, the other is refused
// naming it), and runs stopped by Ctrl-C or SIGTERM (model and checkpoint saved, exit 130/143,
// a message saying how to resume).
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryTerminal } from '../../src/cli/terminal.js';
import { lockModelDirectory } from '../../src/io/model-lock.js';

const script = fileURLToPath(new URL('./rgan-process.mts', import.meta.url));
const ITERATIONS = 1_000_000; // far more than a test waits for: these runs end by signal

let dir: string;
let data: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rgan-writer-'));
  data = join(dir, 'wave.csv');
  await writeFile(data, ['v,w', ...Array.from({ length: 60 }, (_, t) => `${Math.sin(t / 4)},${Math.cos(t / 7)}`)].join('\n'));
});

function trainArgs(out: string): string[] {
  return ['train', '--data', data, '--out', out, '--seq-len', '8', '--hidden', '4', '--layers', '1', '--batch', '8', '--noise-size', '2',
    '--iterations', String(ITERATIONS), '--checkpoint-every', '50', '--seed', '11'];
}

interface Ended {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `rgan …` in its own process. */
function start(argv: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<Ended>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, ended };
}

async function checkpointIteration(out: string): Promise<number> {
  try {
    return JSON.parse(await readFile(join(out, 'checkpoint', 'model.json'), 'utf8')).training.iteration;
  } catch {
    return 0;
  }
}

async function modelIteration(out: string): Promise<number> {
  return JSON.parse(await readFile(join(out, 'model.json'), 'utf8')).training.iteration;
}

/** Waits until `out` holds a checkpoint of at least `iteration`. */
async function checkpointReached(out: string, iteration: number): Promise<void> {
  while ((await checkpointIteration(out)) < iteration) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function rgan(...argv: string[]) {
  const terminal = memoryTerminal();
  const code = await main(argv, terminal);
  return { code, stdout: terminal.stdout, stderr: terminal.stderr };
}

describe('one writer per model directory', () => {
  it('runs one of two trains started at once into the same --out and refuses the other, naming the holder', async () => {
    const out = join(dir, 'shared');
    const runs = [start(trainArgs(out)), start(trainArgs(out))];
    try {
      // The refused run ends at once; the other trains until it is stopped.
      const loser = await Promise.race(runs.map((run, index) => run.ended.then((ended) => ({ ...ended, index }))));
      const winner = runs[1 - loser.index];
      expect(loser.code).toBe(1);
      expect(loser.stdout).toBe('');
      expect(loser.stderr).toMatch(new RegExp(`^--out, ${out}: is in use by rgan pid ${winner.child.pid} on host ${hostname()} \\(since [0-9T:.Z-]+\\); wait for it to finish, or remove ${join(out, '.rgan.lock')} if that process is gone\\n$`));

      await checkpointReached(out, 100);
      winner.child.kill('SIGTERM');
      expect((await winner.ended).code).toBe(143);
      // The winner's model is whole: it loads, and nothing else was left in the directory.
      expect((await rgan('info', '--model', out)).code).toBe(0);
      expect((await readdir(out)).sort()).toEqual(['checkpoint', 'model.json', 'weights.bin']);
      expect((await readdir(join(out, 'checkpoint'))).sort()).toEqual(['data.json', 'model.json', 'weights.bin']);
    } finally {
      for (const run of runs) run.child.kill('SIGKILL');
    }
  }, 120_000);

  it('makes demo refuse a directory another writer holds, writing nothing there', async () => {
    const out = join(dir, 'demo');
    const other = await lockModelDirectory(out);
    try {
      const r = await rgan('demo', '--out', out, '--iterations', '2');
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`--out, ${out}: is in use by rgan pid ${process.pid} on host ${hostname()} (since ${other.holder.since}); wait for it to finish, or remove ${join(out, '.rgan.lock')} if that process is gone\n`);
      expect(await readdir(out)).toEqual(['.rgan.lock']);
    } finally {
      other.release();
    }
    expect((await rgan('demo', '--out', out, '--iterations', '2')).code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['model', 'samples.csv', 'summary.txt']);
  });
});

describe('stopping train with a signal', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s saves the model and checkpoint, exits %i and says how to resume', async (signal, status) => {
    const out = join(dir, `stopped-${signal}`);
    const run = start(trainArgs(out));
    try {
      await checkpointReached(out, 50);
      run.child.kill(signal);
      const ended = await run.ended;
      expect(ended.code).toBe(status);
      const stopped = await modelIteration(out);
      expect(stopped).toBeGreaterThanOrEqual(50);
      expect(await checkpointIteration(out)).toBe(stopped);
      expect(ended.stdout).toMatch(new RegExp(`^stopped ${stopped} iterations`));
      expect(ended.stderr).toBe(
        `interrupted by ${signal}; stopped after ${stopped} of ${ITERATIONS} iterations, the model and its checkpoint are saved in ${out}; continue with the same command plus --resume\n`,
      );
      expect((await readdir(out)).sort()).toEqual(['checkpoint', 'model.json', 'weights.bin']);

      const resumed = await rgan(...trainArgs(out), '--iterations', String(stopped + 10), '--resume');
      expect(resumed.stderr).toBe('');
      expect(resumed.code).toBe(0);
      expect(await modelIteration(out)).toBe(stopped + 10);
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 120_000);
});
