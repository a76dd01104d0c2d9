import { describe, expect, it } from 'vitest';
import { visualisation } from '../../src/metrics/index.js';
import { sines, uniformNoise } from './fixtures.js';

describe('visualisation (TimeGAN §5)', () => {
  const real = sines(1, 150);
  const noise = uniformNoise(2, 150);

  it('reduces one shared sample of both sets to per-step feature means, and projects with a PCA fitted on real', () => {
    const v = visualisation(real, noise, { maxSamples: 100, seed: 5, tsne: false });
    expect(new Set(v.indices).size).toBe(100);
    const k = v.indices[7];
    const step3 = [0, 1, 2, 3, 4].reduce((s, d) => s + real.data[(k * 24 + 3) * 5 + d], 0) / 5;
    expect(v.realVectors[7 * 24 + 3]).toBeCloseTo(step3, 6);
    expect([v.pca.real.length, v.pca.synthetic.length, v.tsne]).toEqual([200, 200, null]);
    const meanX = v.pca.real.reduce((s, x, i) => (i % 2 === 0 ? s + x : s), 0) / 100;
    expect(meanX).toBeCloseTo(0, 8); // centred on the real mean
  });

  it('runs t-SNE on the stacked vectors, where noise lands apart from sines', () => {
    const v = visualisation(real, noise, { maxSamples: 100, seed: 5, tsne: { iterations: 300 } });
    const { real: a, synthetic: b } = v.tsne!;
    const points = [...Array(100).keys()].flatMap((i) => [[a[2 * i], a[2 * i + 1], 0], [b[2 * i], b[2 * i + 1], 1]]);
    let agree = 0;
    for (const p of points) {
      let best = points[0];
      let bestD = Infinity;
      for (const q of points) {
        const d = q === p ? Infinity : (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2;
        if (d < bestD) [best, bestD] = [q, d];
      }
      if (best[2] === p[2]) agree++;
    }
    expect(agree / points.length).toBeGreaterThan(0.95);
  });
});
