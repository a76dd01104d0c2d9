// The quality floor: `rgan demo` (sines, the demo's budget) produces samples whose per-feature
// mean, standard deviation and lag-1 autocorrelation are within 10% of the real data's.
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryTerminal } from '../../src/cli/terminal.js';

it('rgan demo trains sines to samples within 10% on mean, std and lag-1 ACF', async () => {
  const out = join(await mkdtemp(join(tmpdir(), 'rgan-demo-')), 'demo');
  const terminal = memoryTerminal();
  expect(await main(['demo', '--out', out, '--json'], terminal)).toBe(0);
  const result = JSON.parse(terminal.stdout.trim().split('\n').pop()!);
  expect((await readdir(out)).sort()).toEqual(['model', 'samples.csv', 'summary.txt']);
  expect(result.worstRelativeDifference.mean).toBeLessThan(0.1);
  expect(result.worstRelativeDifference.std).toBeLessThan(0.1);
  expect(result.worstRelativeDifference.lag1).toBeLessThan(0.1);
}, 300_000);
