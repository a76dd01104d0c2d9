// A training run killed with SIGKILL and resumed with --resume ends with the same model files,
// byte for byte, as a run that was never interrupted.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const script = fileURLToPath(new URL('./rgan-process.mts', import.meta.url));

function rganArgs(data: string, out: string): string[] {
  return ['--import', 'tsx', script, 'train', '--data', data, '--out', out, '--seq-len', '8', '--hidden', '4', '--layers', '1',
    '--batch', '8', '--noise-size', '2', '--iterations', '4000', '--checkpoint-every', '50', '--seed', '11'];
}

async function checkpointIteration(out: string): Promise<number> {
  try {
    return JSON.parse(await readFile(join(out, 'checkpoint', 'model.json'), 'utf8')).training.iteration;
  } catch {
    return 0;
  }
}

it('resumes after kill -9 and reproduces the uninterrupted run bit for bit', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rgan-kill-'));
  const data = join(dir, 'wave.csv');
  await writeFile(data, ['v,w', ...Array.from({ length: 60 }, (_, t) => `${Math.sin(t / 4)},${Math.cos(t / 7)}`)].join('\n'));

  const whole = join(dir, 'whole');
  expect(spawnSync(process.execPath, rganArgs(data, whole)).status).toBe(0);

  const killed = join(dir, 'killed');
  const child = spawn(process.execPath, rganArgs(data, killed), { stdio: 'ignore' });
  let running = true;
  const exited = new Promise((resolve) => child.on('exit', () => resolve((running = false))));
  while (running && (await checkpointIteration(killed)) < 100) await new Promise((r) => setTimeout(r, 20));
  expect(running, 'the training process ended before it could be killed').toBe(true);
  child.kill('SIGKILL');
  await exited;
  const reached = await checkpointIteration(killed);
  expect(reached).toBeGreaterThanOrEqual(100);
  expect(reached).toBeLessThan(4000); // it really was interrupted

  const resumed = spawnSync(process.execPath, [...rganArgs(data, killed), '--resume'], { encoding: 'utf8' });
  // The killed run could not release its lock: the resumed run takes it over and says so.
  expect(resumed.stderr).toMatch(new RegExp(`^--out ${killed}: taking over the lock of rgan pid ${child.pid} \\(since [0-9T:.Z-]+\\), which is no longer running\\n$`));
  expect(resumed.status).toBe(0);
  for (const file of ['weights.bin', 'model.json']) {
    expect((await readFile(join(killed, file))).equals(await readFile(join(whole, file))), file).toBe(true);
  }
}, 120_000);
