// `rgan eval` end to end, in-process: a real CSV against a synthetic sample CSV, as a table and
// as one JSON document; shape mistakes are one-line errors with exit code 1.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryTerminal } from '../../src/cli/terminal.js';

async function rgan(...argv: string[]) {
  const terminal = memoryTerminal();
  const code = await main(argv, terminal);
  return { code, stdout: terminal.stdout, stderr: terminal.stderr };
}

/** Short post-hoc training, so a whole evaluation takes well under a second. */
const QUICK = ['--repeats', '2', '--discriminative-iterations', '10', '--predictive-iterations', '10', '--seq-len', '6'];

let dir: string;
let realCsv: string;
let syntheticCsv: string;

/** 40 daily rows of price and volume. */
function realRows(): string {
  const rows = ['price,volume'];
  for (let r = 0; r < 40; r++) rows.push(`${100 + 10 * Math.sin(r / 4)},${1000 + 37 * ((r * 7) % 11)}`);
  return `${rows.join('\n')}\n`;
}

/** 20 sample sequences of 6 steps as rgan sample writes them, in the data's units. */
function sampleRows(): string {
  const rows = ['seq,t,price,volume'];
  for (let n = 0; n < 20; n++) for (let t = 0; t < 6; t++) rows.push(`${n},${t},${95 + ((n * 3 + t) % 20)},${1100 + 20 * ((n + t) % 9)}`);
  return `${rows.join('\n')}\n`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rgan-eval-'));
  realCsv = join(dir, 'real.csv');
  syntheticCsv = join(dir, 'synthetic.csv');
  await writeFile(realCsv, realRows());
  await writeFile(syntheticCsv, sampleRows());
});

describe('rgan eval', () => {
  it('prints a table of every metric', async () => {
    const r = await rgan('eval', '--real', realCsv, '--synthetic', syntheticCsv, ...QUICK);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`real       ${realCsv}: 35 sequences of 6 steps × 2 features`);
    expect(r.stdout).toContain(`synthetic  ${syntheticCsv}: 20 sequences of 6 steps × 2 features`);
    for (const metric of ['discriminative score', 'predictive score', 'MMD²', 'marginal Wasserstein-1', 'marginal Kolmogorov–Smirnov', 'ACF distance', 'correlation distance', 'memorisation share']) {
      expect(r.stdout).toMatch(new RegExp(`^${metric} +-?[\\d.]+(e-?\\d+)?( ± [\\d.e-]+)? `, 'm'));
    }
  });

  it('prints one JSON document with every metric under --json', async () => {
    const r = await rgan('eval', '--real', realCsv, '--synthetic', syntheticCsv, ...QUICK, '--json');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.real).toMatchObject({ count: 35, length: 6, features: 2, columns: ['price', 'volume'] });
    expect(doc.settings).toEqual({ seqLen: 6, repeats: 2, seed: 0, discriminativeIterations: 10, predictiveIterations: 10 });
    const m = doc.metrics;
    expect(m.discriminative.values).toHaveLength(2);
    expect(m.predictive.values).toHaveLength(2);
    for (const value of [m.discriminative.mean, m.discriminative.std, m.predictive.mean, m.mmd2, m.wasserstein.mean, m.kolmogorovSmirnov.mean, m.autocorrelation.distance, m.correlation.distance, m.memorisation.closerShare]) {
      expect(typeof value).toBe('number');
    }
    expect(Object.keys(m.wasserstein.perFeature)).toEqual(['price', 'volume']);
  });

  it('draws progress on a terminal, keeping stdout for the one JSON document', async () => {
    let drawn = '';
    const tty = Object.assign(new Writable({ write: (chunk, _encoding, done) => ((drawn += String(chunk)), done()) }), { isTTY: true, columns: 120 });
    const terminal = memoryTerminal({ progressStream: tty });
    const code = await main(['eval', '--real', realCsv, '--synthetic', syntheticCsv, ...QUICK, '--json'], terminal);
    expect(code).toBe(0);
    expect(drawn).toContain('9/9'); // 2 + 2 post-hoc runs and 5 other metrics
    expect(JSON.parse(terminal.stdout).metrics.mmd2).toEqual(expect.any(Number));
  });

  it('gives the same numbers for the same seed', async () => {
    const run = async () => JSON.parse((await rgan('eval', '--real', realCsv, '--synthetic', syntheticCsv, ...QUICK, '--json', '--seed', '4')).stdout);
    expect(await run()).toEqual(await run());
  });

  it('names both shapes, in one line, when the synthetic sequences do not match', async () => {
    const r = await rgan('eval', '--real', realCsv, '--synthetic', syntheticCsv, ...QUICK, '--seq-len', '8');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`--synthetic, ${syntheticCsv}: synthetic sequences are 6 × 2 (steps × features) but real ones are 8 × 2`);
  });

  it('matches synthetic columns to the real ones by name: reordered columns give the same scores', async () => {
    const reordered = join(dir, 'reordered.csv');
    const lines = sampleRows().trim().split('\n').map((line) => line.split(','));
    await writeFile(reordered, `${lines.map(([seq, t, price, volume]) => [volume, t, price, seq].join(',')).join('\n')}\n`);
    const scores = async (synthetic: string) => JSON.parse((await rgan('eval', '--real', realCsv, '--synthetic', synthetic, ...QUICK, '--json', '--seed', '4')).stdout).metrics;
    const ordered = await scores(syntheticCsv);
    expect(ordered.mmd2).toBeGreaterThan(0);
    expect(await scores(reordered)).toEqual(ordered);
  });

  it('names a renamed or missing synthetic column in one line', async () => {
    const renamed = join(dir, 'renamed.csv');
    await writeFile(renamed, sampleRows().replace('seq,t,price,volume', 'seq,t,price,vol'));
    const r = await rgan('eval', '--real', realCsv, '--synthetic', renamed, ...QUICK);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`--synthetic, ${renamed}: lacks the real column "volume"; has "vol", which the real data lacks (the real columns are price, volume)\n`);
  });

  it('names the flag of a missing file or a bad value', async () => {
    const missing = await rgan('eval', '--real', realCsv, '--synthetic', join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^--synthetic.*nope\.csv/);
    const badRepeats = await rgan('eval', '--real', realCsv, '--synthetic', syntheticCsv, '--repeats', '-1');
    expect(badRepeats.code).toBe(1);
    expect(badRepeats.stderr).toMatch(/--repeats: must be a non-negative integer, got -1/);
  });
});
