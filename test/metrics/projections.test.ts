import { describe, expect, it } from 'vitest';
import { Random } from '../../src/engine/random.js';
import { fitPca, projectPca, symmetricEigen, tsne } from '../../src/metrics/index.js';

describe('symmetricEigen', () => {
  it('decomposes a symmetric matrix into orthonormal eigenvectors, largest value first', () => {
    const n = 6;
    const rng = new Random(1);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = rng.normal();
    const { values, vectors } = symmetricEigen(a, n);
    for (let k = 1; k < n; k++) expect(values[k]).toBeLessThanOrEqual(values[k - 1]);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let rebuilt = 0;
        let dot = 0;
        for (let k = 0; k < n; k++) {
          rebuilt += values[k] * vectors[k * n + i] * vectors[k * n + j];
          dot += vectors[i * n + k] * vectors[j * n + k];
        }
        expect(rebuilt).toBeCloseTo(a[i * n + j], 10);
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 10);
      }
    }
  });
});

describe('PCA', () => {
  it('recovers a known dominant direction and centres the fitted data', () => {
    const dim = 24;
    const rng = new Random(2);
    const u = new Float64Array(dim).map((_, j) => Math.sin(j / 4) + 0.5); // the direction, normalised below
    const norm = Math.hypot(...u);
    u.forEach((v, j) => (u[j] = v / norm));
    const n = 500;
    const rows = new Float64Array(n * dim);
    for (let i = 0; i < n; i++) {
      const along = 3 * rng.normal();
      for (let j = 0; j < dim; j++) rows[i * dim + j] = 1 + along * u[j] + 0.05 * rng.normal();
    }
    const fit = fitPca(rows, n, dim);
    const cosine = fit.components.subarray(0, dim).reduce((s, c, j) => s + c * u[j], 0);
    expect(Math.abs(cosine)).toBeGreaterThan(0.999);
    expect(fit.explainedVarianceRatio[0]).toBeGreaterThan(0.9);
    const xy = projectPca(fit, rows);
    expect(xy.length).toBe(2 * n);
    const meanX = xy.reduce((s, v, k) => (k % 2 === 0 ? s + v : s), 0) / n;
    expect(meanX).toBeCloseTo(0, 10);
  });
});

describe('t-SNE', () => {
  it('separates two well-separated clusters', () => {
    const n = 120;
    const dim = 10;
    const rng = new Random(3);
    const rows = new Float64Array(n * dim);
    for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) rows[i * dim + j] = (i < n / 2 ? 0 : 5) + rng.normal();
    const xy = tsne(rows, n, dim, { perplexity: 15, seed: 4 });
    const cluster = (i: number): number => (i < n / 2 ? 0 : 1);
    let sameLabelNeighbours = 0;
    for (let i = 0; i < n; i++) {
      let best = -1;
      let bestD = Infinity;
      for (let j = 0; j < n; j++) {
        const d = j === i ? Infinity : (xy[2 * i] - xy[2 * j]) ** 2 + (xy[2 * i + 1] - xy[2 * j + 1]) ** 2;
        if (d < bestD) [best, bestD] = [j, d];
      }
      if (cluster(best) === cluster(i)) sameLabelNeighbours++;
    }
    expect(sameLabelNeighbours).toBe(n);
    expect(xy.every(Number.isFinite)).toBe(true);
    expect(tsne(rows, n, dim, { perplexity: 15, seed: 4 })).toEqual(xy); // seeded: reproducible
  });
});
