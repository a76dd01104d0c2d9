import { describe, expect, it } from 'vitest';
import { generateSines, loadBenchmarkWindows, loadBuiltinDataset } from '../../src/data/index.js';
import { Random } from '../../src/engine/random.js';

/** Bit-for-bit equality of two float arrays (faster than a deep equal on 10⁶ values). */
const sameValues = (a: Float32Array, b: Float32Array) => Buffer.from(a.buffer).equals(Buffer.from(b.buffer));

describe('loadBenchmarkWindows (TimeGAN protocol)', () => {
  it('gives stocks as 3,661 × 24 × 6: reversed, scaled with +1e-7, R − T windows, shuffled by rng', async () => {
    const stocks = await loadBenchmarkWindows('stocks', { rng: new Random(11) });
    expect([stocks.count, stocks.length, stocks.features]).toEqual([3661, 24, 6]);
    expect(stocks.columns).toEqual(['Open', 'High', 'Low', 'Close', 'Adj_Close', 'Volume']);
    // unshuffled window 0 is the newest 24 rows, newest first; find where the permutation put it
    const k = Array.from(new Random(11).permutation(3661)).indexOf(0);
    const close = (t: number) => stocks.data[(k * 24 + t) * 6 + 3];
    const source = await loadBuiltinDataset('stocks');
    const closes = (source.cells[3] as string[]).map(Number);
    const [min, max] = [Math.min(...closes), Math.max(...closes)]; // 3,685 values: fine to spread
    expect(close(0)).toBe(Math.fround((1197.25 - min) / (max - min + 1e-7))); // the file's last row
    expect(close(1)).toBe(Math.fround((closes[3683] - min) / (max - min + 1e-7)));
    expect(stocks.data.reduce((a, b) => Math.max(a, b))).toBeLessThanOrEqual(1); // 1 − 1e-7/range rounds to 1 in float32
    expect(stocks.data.reduce((a, b) => Math.min(a, b))).toBe(0);
  });

  it('gives energy as 19,711 × 24 × 28, the same for the same seed', async () => {
    const a = await loadBenchmarkWindows('energy', { rng: new Random(5) });
    expect([a.count, a.length, a.features, a.columns.length]).toEqual([19_711, 24, 28, 28]);
    expect(a.columns[0]).toBe('Appliances');
    const b = await loadBenchmarkWindows('stocks', { seqLen: 10, rng: new Random(5) });
    const c = await loadBenchmarkWindows('stocks', { seqLen: 10, rng: new Random(5) });
    expect(b.count).toBe(3675);
    expect(sameValues(c.data, b.data)).toBe(true);
  });

  it('gives sines as 10,000 × seqLen × 5, unshuffled', async () => {
    const sines = await loadBenchmarkWindows('sines', { seqLen: 12, rng: new Random(2) });
    expect([sines.count, sines.length, sines.features]).toEqual([10_000, 12, 5]);
    expect(sameValues(sines.data, Float32Array.from(generateSines(new Random(2), { length: 12 })))).toBe(true);
  });
});
