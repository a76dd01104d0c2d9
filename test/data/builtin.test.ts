import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  generateSines,
  isBuiltinDataset,
  loadBuiltinDataset,
  loadDataSource,
  packageRoot,
  prepareDataset,
} from '../../src/data/index.js';
import { Random } from '../../src/engine/random.js';

describe('built-in datasets', () => {
  it('are known by name', () => {
    expect(['sines', 'stocks', 'energy', 'stocks.csv', 'Sines'].map(isBuiltinDataset)).toEqual([true, true, true, false, false]);
    expect(existsSync(join(packageRoot(), 'datasets', 'energy.csv.gz'))).toBe(true);
  });

  it('generates sines as TimeGAN does: per sequence and feature f then p ~ U[0, 0.1)', () => {
    const values = generateSines(new Random(7), { count: 3, length: 24, features: 5 });
    const rng = new Random(7);
    for (let n = 0; n < 3; n++) {
      for (let d = 0; d < 5; d++) {
        const f = rng.uniform() * 0.1;
        const p = rng.uniform() * 0.1;
        for (const t of [0, 23]) expect(values[(n * 24 + t) * 5 + d]).toBe((Math.sin(f * t + p) + 1) / 2);
      }
    }
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
  });

  it('loads sines as 10,000 sequences of 24 × 5, reproducibly from the seed', async () => {
    const a = await loadBuiltinDataset('sines', new Random(3));
    expect([a.rowCount, a.columns.length, a.sequenceLengths?.length]).toEqual([240_000, 5, 10_000]);
    const data = prepareDataset(a, { seqLen: 24 });
    expect([data.count, data.length, data.features]).toEqual([10_000, 24, 5]);
    const b = await loadBuiltinDataset('sines', new Random(3), { count: 2 });
    expect(Array.from((b.cells[0] as Float64Array).subarray(0, 48))).toEqual(Array.from((a.cells[0] as Float64Array).subarray(0, 48)));
  });

  it('loads stocks like a file: 3,685 rows of 6 prices, one series in file order', async () => {
    const stocks = await loadDataSource('stocks');
    expect(stocks.columns).toEqual(['Open', 'High', 'Low', 'Close', 'Adj_Close', 'Volume']);
    expect([stocks.rowCount, stocks.file]).toEqual([3685, 'stocks']);
    const data = prepareDataset(stocks, { seqLen: 24 });
    expect([data.count, data.features]).toEqual([3662, 6]);
    const close = data.encoder.decodeWindows(data.windows.subarray(0, 24 * 6), 24).features[3].values;
    expect(close[0]).toBeCloseTo(49.845802, 3); // the oldest row comes first
  });

  it('loads energy with date as its time column: 28 features', async () => {
    const started = performance.now();
    const energy = await loadBuiltinDataset('energy');
    const data = prepareDataset(energy, { seqLen: 24 });
    const seconds = (performance.now() - started) / 1000;
    expect(energy.rowCount).toBe(19_735);
    expect([data.count, data.features]).toEqual([19_712, 28]);
    expect(data.encoder.features.map((f) => f.name)).not.toContain('date');
    expect(data.encoder.features[0]).toEqual({ name: 'Appliances', kind: 'numeric', min: 10, max: 1080 });
    expect(seconds).toBeLessThan(5); // about 1 s; generous for slow CI machines
  });
});
