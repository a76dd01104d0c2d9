import { describe, expect, it } from 'vitest';
import { batchIndices, evaluateFidelity, fidelitySummary, trainTestSplit } from '../../src/metrics/index.js';
import { Random } from '../../src/engine/random.js';
import { range, sines, uniformNoise } from './fixtures.js';

describe('evaluateFidelity', () => {
  const real = sines(1, 300);

  it('reports every metric, post-hoc scores as mean ± std over the repeats', () => {
    const f = evaluateFidelity(range(real, 0, 200), range(real, 200, 300), {
      repeats: 2, discriminativeIterations: 30, predictiveIterations: 30, visualisation: 'pca', seed: 1,
    });
    expect(f.discriminative!.values).toHaveLength(2);
    expect(f.predictive!.values).toHaveLength(2);
    expect(f.visualisation!.tsne).toBeNull();
    expect(f.visualisation!.pca.real).toHaveLength(2 * 100);
    const summary = fidelitySummary(f);
    expect(Object.keys(summary)).toEqual([
      'discriminative', 'discriminativeStd', 'predictive', 'predictiveStd', 'mmd2', 'wasserstein',
      'kolmogorovSmirnov', 'autocorrelation', 'correlation', 'memorisationCloserShare', 'memorisationCopies',
    ]);
    expect(Object.values(summary).every(Number.isFinite)).toBe(true);
  });

  it('ranks a faithful set above noise on every distance', () => {
    const options = { repeats: 0, visualisation: false, seed: 2 } as const;
    const good = fidelitySummary(evaluateFidelity(range(real, 0, 150), range(real, 150, 300), options));
    const bad = fidelitySummary(evaluateFidelity(range(real, 0, 150), uniformNoise(3, 150), options));
    for (const key of ['mmd2', 'wasserstein', 'kolmogorovSmirnov', 'autocorrelation', 'correlation'] as const) {
      expect(bad[key]).toBeGreaterThan(good[key]);
    }
    expect(Number.isNaN(good.discriminative)).toBe(true); // repeats: 0 skips the post-hoc scores
  });

  it('rejects a misspelt option rather than ignoring it', () => {
    expect(() => evaluateFidelity(real, real, { repeat: 3 } as never)).toThrow(/unknown option "repeat"/);
  });
});

describe('TimeGAN sampling (§2)', () => {
  it('splits 80/20 by one permutation, and draws batches without repetition', () => {
    const { train, test } = trainTestSplit(11, new Random(1));
    expect([train.length, test.length]).toEqual([8, 3]);
    expect(new Set([...train, ...test]).size).toBe(11);
    const batch = batchIndices(train, 5, new Random(2));
    expect(new Set(batch).size).toBe(5);
    expect([...batch].every((i) => train.includes(i))).toBe(true);
    expect(batchIndices(train, 128, new Random(2))).toHaveLength(8);
  });
});
