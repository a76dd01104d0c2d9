// The spec's full-length runs against TimeGAN's published real-data figures (paper, Table 2:
// predictive score of the original data, sines .094 ± .001, stocks .036 ± .001). About 10 s in
// all, kept out of the default run: RGAN_LONG_TESTS=1 npx vitest run test/metrics/timegan-reference.long.test.ts
import { describe, expect, it } from 'vitest';
import { loadBenchmarkWindows } from '../../src/data/index.js';
import { Random } from '../../src/engine/random.js';
import { discriminativeScore, predictiveScore } from '../../src/metrics/index.js';
import { range, sines } from './fixtures.js';

const long = process.env.RGAN_LONG_TESTS === '1';

describe.skipIf(!long)('TimeGAN reference figures at the spec\'s iteration counts', () => {
  it('predictive score of real sines trained on real sines (10,000 × 24 × 5, 5,000 iterations) ≈ 0.094', () => {
    const real = sines(1, 10_000);
    expect(Math.abs(predictiveScore(real, real, { seed: 1 }) - 0.094)).toBeLessThan(0.005);
  }, 120_000);

  it('on stocks (3,661 × 24 × 6): predictive of real on real ≈ 0.036; discriminative of real halves ≈ 0', async () => {
    const stocks = await loadBenchmarkWindows('stocks', { rng: new Random(1) });
    expect(Math.abs(predictiveScore(stocks, stocks, { seed: 1 }) - 0.036)).toBeLessThan(0.004);
    expect(discriminativeScore(range(stocks, 0, 1830), range(stocks, 1830, 3660), { seed: 1 })).toBeLessThan(0.05);
  }, 120_000);
});
