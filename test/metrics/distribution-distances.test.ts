import { describe, expect, it } from 'vitest';
import {
  autocorrelationCurves,
  autocorrelationDistance,
  correlationDistance,
  featureCorrelations,
  kolmogorovSmirnovStatistic,
  marginalDistances,
  maximumMeanDiscrepancy,
  wasserstein1,
} from '../../src/metrics/index.js';
import { mapValues, range, sines, uniformNoise } from './fixtures.js';

const real = sines(1, 600);

describe('MMD²', () => {
  it('is about 0 for identical sets and for two samples of one distribution', () => {
    expect(Math.abs(maximumMeanDiscrepancy(real, real).mmd2)).toBeLessThan(0.01);
    const halves = maximumMeanDiscrepancy(range(real, 0, 300), range(real, 300, 600));
    expect(Math.abs(halves.mmd2)).toBeLessThan(0.01);
    expect(halves.bandwidth).toBeGreaterThan(0);
  });

  it('grows clearly for shifted or noisy sets', () => {
    const shifted = maximumMeanDiscrepancy(real, mapValues(real, (v) => v + 0.1)).mmd2;
    const noise = maximumMeanDiscrepancy(real, uniformNoise(2, 600)).mmd2;
    expect(shifted).toBeGreaterThan(0.1);
    expect(noise).toBeGreaterThan(0.2);
  });

  it('subsamples at most maxSamples per side, reproducibly from the seed', () => {
    const a = maximumMeanDiscrepancy(real, uniformNoise(2, 600), { maxSamples: 100, seed: 3 });
    const b = maximumMeanDiscrepancy(real, uniformNoise(2, 600), { maxSamples: 100, seed: 3 });
    expect([a.realSamples, a.syntheticSamples]).toEqual([100, 100]);
    expect(a).toEqual(b);
  });

  it('rejects sets of different shapes', () => {
    expect(() => maximumMeanDiscrepancy(real, sines(1, 10, 24, 4))).toThrow(/24 × 5.*24 × 4/);
  });
});

describe('marginal distances', () => {
  it('are 0 for identical sets', () => {
    const m = marginalDistances(real, real);
    expect([m.meanWasserstein, m.meanKolmogorovSmirnov]).toEqual([0, 0]);
  });

  it('give the shift as W₁ and see a clear KS gap', () => {
    const m = marginalDistances(real, mapValues(real, (v) => v + 0.05));
    for (const w of m.wasserstein) expect(w).toBeCloseTo(0.05, 5);
    expect(m.meanKolmogorovSmirnov).toBeGreaterThan(0.1);
  });

  it('match hand-computed values on tiny samples, ties included', () => {
    const a = Float64Array.of(0, 1, 2);
    const b = Float64Array.of(1, 1, 3, 5);
    // F − G: on [0,1) 1/3; [1,2) 2/3 − 1/2; [2,3) 1 − 1/2; [3,5) 1 − 3/4
    expect(wasserstein1(a, b)).toBeCloseTo(1 / 3 + 1 / 6 + 1 / 2 + 2 * (1 / 4), 12);
    expect(kolmogorovSmirnovStatistic(a, b)).toBeCloseTo(1 / 2, 12);
    expect(wasserstein1(Float64Array.of(0), Float64Array.of(0, 0))).toBe(0);
  });
});

describe('autocorrelation', () => {
  it('is a distance of 0 for identical sets, with curves [D, ⌊T/2⌋] starting high for smooth sines', () => {
    const c = autocorrelationDistance(real, real);
    expect([c.distance, c.maxLag, c.real.length]).toEqual([0, 12, 5 * 12]);
    expect(c.real[0]).toBeGreaterThan(0.7); // lag 1 of a near-linear trend
  });

  it('is clearly larger against white noise, whose ACF is near 0', () => {
    const noise = uniformNoise(2, 600);
    const curves = autocorrelationCurves(noise);
    expect(Math.abs(curves[0] + 1 / 24)).toBeLessThan(0.03); // E r(1) ≈ −1/T for white noise
    expect(autocorrelationDistance(real, noise).distance).toBeGreaterThan(0.2);
  });

  it('skips constant sequences and has no lags for T = 1', () => {
    const flat = mapValues(sines(1, 4, 6, 1), () => 0.5);
    expect(Array.from(autocorrelationCurves(flat))).toEqual([0, 0, 0]);
    expect(autocorrelationDistance(sines(1, 4, 1, 2), sines(2, 4, 1, 2)).distance).toBe(0);
  });
});

describe('cross-feature correlation', () => {
  it('is 0 for identical sets and for one feature', () => {
    expect(correlationDistance(real, real).distance).toBe(0);
    expect(correlationDistance(sines(1, 50, 24, 1), uniformNoise(2, 50, 24, 1)).distance).toBe(0);
  });

  it('finds a perfect correlation, and its loss in independent noise', () => {
    // feature 1 = 1 − feature 0: correlation −1
    const linked = mapValues(uniformNoise(3, 200, 24, 2), (v) => v);
    for (let i = 0; i < linked.data.length; i += 2) linked.data[i + 1] = 1 - linked.data[i];
    expect(featureCorrelations(linked)[1]).toBeCloseTo(-1, 6);
    expect(correlationDistance(linked, uniformNoise(4, 200, 24, 2)).distance).toBeGreaterThan(0.9);
  });
});
