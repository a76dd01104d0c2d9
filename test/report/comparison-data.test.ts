// Reading the two sides of a comparison: real data windowed and scaled as TimeGAN does, and a
// synthetic sample file mapped onto the real scale, with every shape mistake a one-line error.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeNpy } from '../../src/data/index.js';
import { UserError } from '../../src/errors.js';
import { loadRealSequences, loadSyntheticSequences, SCALE_EPSILON, type RealSequences } from '../../src/report/index.js';

let dir: string;
let realCsv: string;
let real: RealSequences;

/** 12 rows of a (0 … 11, range 11) and b (100 … 210 by 10, range 110). */
function realRows(): string {
  const rows = ['a,b'];
  for (let r = 0; r < 12; r++) rows.push(`${r},${100 + 10 * r}`);
  return `${rows.join('\n')}\n`;
}

/** `count` sequences of `length` steps in sample-CSV form, a = 11, b = 100 everywhere. */
function sampleCsv(count: number, length: number, columns = ['a', 'b']): string {
  const rows = [['seq', 't', ...columns].join(',')];
  for (let n = 0; n < count; n++) for (let t = 0; t < length; t++) rows.push([n, t, 11, 100].slice(0, 2 + columns.length).join(','));
  return `${rows.join('\n')}\n`;
}

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

function messageOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'no error',
    (e: unknown) => (e instanceof UserError ? e.message : `not a UserError: ${String(e)}`),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rgan-report-data-'));
  realCsv = await file('real.csv', realRows());
  real = await loadRealSequences(realCsv, { seqLen: 4, seed: 3 });
});

describe('loadRealSequences', () => {
  it('windows a file at stride 1 (every start, R − T + 1 windows) and scales each column by (x − min) / (max − min + 1e-7)', () => {
    expect(real.set).toMatchObject({ count: 9, length: 4, features: 2 });
    expect(real.columns).toEqual(['a', 'b']);
    expect(real.ranges).toEqual([{ min: 0, max: 11 }, { min: 100, max: 210 }]);
    const firstSteps = new Set<number>();
    for (let n = 0; n < 9; n++) {
      const a0 = real.set.data[n * 8];
      firstSteps.add(Math.round(a0 * (11 + SCALE_EPSILON)));
      for (let t = 1; t < 4; t++) expect(real.set.data[(n * 4 + t) * 2]).toBeCloseTo(a0 + t / (11 + SCALE_EPSILON), 6); // consecutive rows
    }
    expect([...firstSteps].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]); // every start, once
    expect(Math.max(...real.set.data)).toBeLessThanOrEqual(1); // 11 / (11 + 1e-7) is 1 in float32
  });

  it('shuffles the windows with the seed', async () => {
    const firstA = (r: RealSequences): number[] => Array.from({ length: 9 }, (_, n) => r.set.data[n * 8]);
    const again = await loadRealSequences(realCsv, { seqLen: 4, seed: 3 });
    expect(firstA(again)).toEqual(firstA(real));
    expect(firstA(real)).not.toEqual([...firstA(real)].sort((x, y) => x - y));
  });

  it('gives the built-in benchmarks TimeGAN windows: sines unscaled, stocks with column ranges', async () => {
    const sines = await loadRealSequences('sines', { seqLen: 24, seed: 0 });
    expect(sines.set).toMatchObject({ count: 10_000, length: 24, features: 5 });
    expect(sines.ranges).toBeNull();
    const stocks = await loadRealSequences('stocks', { seqLen: 24, seed: 0 });
    expect(stocks.set.count).toBe(3661);
    expect(stocks.ranges).toHaveLength(6);
    expect(stocks.ranges?.every(({ min, max }) => max > min)).toBe(true);
  });

  it('rejects --id for a built-in dataset and label columns in a file', async () => {
    expect(await messageOf(loadRealSequences('stocks', { seqLen: 24, seed: 0, id: 'x' }))).toBe('--id: applies to a real file, not the built-in dataset stocks');
    const labels = await file('labels.csv', 'x,kind\n1,a\n2,b\n3,a\n');
    expect(await messageOf(loadRealSequences(labels, { seqLen: 2, seed: 0 }))).toMatch(/column "kind": holds labels; eval compares numeric columns only$/);
  });
});

describe('loadSyntheticSequences', () => {
  it('groups a sample CSV by seq and maps it with the real ranges', async () => {
    const synthetic = await loadSyntheticSequences(await file('s.csv', sampleCsv(3, 4)), real);
    expect(synthetic.set).toMatchObject({ count: 3, length: 4, features: 2 });
    expect(synthetic.set.data[0]).toBeCloseTo(11 / (11 + SCALE_EPSILON), 6);
    expect(synthetic.set.data[1]).toBe(0);
  });

  it('matches columns by name, whatever their order', async () => {
    const synthetic = await loadSyntheticSequences(await file('swapped.csv', 'seq,t,b,a\n0,0,210,0\n0,1,210,0\n0,2,210,0\n0,3,210,0\n'), real);
    expect(synthetic.set.data[0]).toBe(0); // a
    expect(synthetic.set.data[1]).toBeCloseTo(1, 6); // b
  });

  it('names a missing or renamed column, and the real columns', async () => {
    const narrower = await file('narrow.csv', sampleCsv(2, 4, ['a']));
    expect(await messageOf(loadSyntheticSequences(narrower, real))).toBe(`--synthetic, ${narrower}: lacks the real column "b" (the real columns are a, b)`);
    const renamed = await file('renamed.csv', sampleCsv(2, 4, ['a', 'B']));
    expect(await messageOf(loadSyntheticSequences(renamed, real))).toBe(
      `--synthetic, ${renamed}: lacks the real column "b"; has "B", which the real data lacks (the real columns are a, b)`,
    );
  });

  it('reads the index columns seq_ and t_ that sample writes beside data columns called seq and t', async () => {
    const seqReal = { ...real, columns: ['seq', 't'] }; // seq scaled over 0 … 11, t over 100 … 210
    const rows = ['t_,seq_,t,seq', '1,0,100,11', '0,0,210,0', '0,1,100,0', '1,1,100,0', '2,0,100,0', '3,0,100,0', '2,1,100,0', '3,1,100,0'];
    const synthetic = await loadSyntheticSequences(await file('clash.csv', `${rows.join('\n')}\n`), seqReal);
    expect(synthetic.set).toMatchObject({ count: 2, length: 4, features: 2 });
    // sequence 0, step 0 (seq 0, t 210), then step 1 (seq 11, t 100), in the real columns' order
    expect(Array.from(synthetic.set.data.subarray(0, 4), (v) => Number(v.toFixed(5)))).toEqual([0, 1, 1, 0]);
  });

  it('reads .npy [N, T, D] by position', async () => {
    const data = new Float32Array(2 * 4 * 2).fill(5.5);
    const synthetic = await loadSyntheticSequences(await file('s.npy', encodeNpy(data, [2, 4, 2])), real);
    expect(synthetic.set).toMatchObject({ count: 2, length: 4, features: 2 });
    expect(synthetic.set.data[0]).toBeCloseTo(0.5, 6);
  });

  it('names both shapes when steps or features differ', async () => {
    const shorter = await file('short.csv', sampleCsv(2, 3));
    expect(await messageOf(loadSyntheticSequences(shorter, real))).toBe(
      `--synthetic, ${shorter}: synthetic sequences are 3 × 2 (steps × features) but real ones are 4 × 2`,
    );
    const narrower = await file('narrow.npy', encodeNpy(new Float32Array(2 * 4), [2, 4, 1]));
    expect(await messageOf(loadSyntheticSequences(narrower, real))).toBe(
      `--synthetic, ${narrower}: synthetic sequences are 4 × 1 (steps × features) but real ones are 4 × 2`,
    );
    const noSeq = await file('rows.csv', 'a,b\n1,2\n3,4\n5,6\n7,8\n9,10\n');
    expect(await messageOf(loadSyntheticSequences(noSeq, real))).toMatch(/are 5 × 2 .* real ones are 4 × 2; a CSV needs a seq column/);
  });

  it('reports a missing value with its place', async () => {
    const gap = await file('gap.csv', 'seq,t,a,b\n0,0,1,2\n0,1,,2\n0,2,1,2\n0,3,1,2\n');
    expect(await messageOf(loadSyntheticSequences(gap, real))).toBe(`--synthetic, ${gap}, row 3, column "a": missing or non-finite value`);
  });
});
