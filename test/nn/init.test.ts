// Initialisers: the distributions and the orthogonality they promise.
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/engine/random.js';
import { glorotUniform, normal, orthogonal, uniform } from '../../src/nn/init.js';

function gram(w: Float64Array, rows: number, cols: number, byColumns: boolean): number[][] {
  const n = byColumns ? cols : rows;
  const at = (i: number, k: number) => (byColumns ? w[k * cols + i] : w[i * cols + k]);
  const len = byColumns ? rows : cols;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let s = 0;
      for (let k = 0; k < len; k++) s += at(i, k) * at(j, k);
      return s;
    }),
  );
}

function expectIdentity(g: number[][]): void {
  g.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(i === j ? 1 : 0, 10)));
}

describe('initialisers', () => {
  it('glorotUniform stays within ±√(6/(in+out)) with the uniform variance', () => {
    const w = glorotUniform(300, 100, new Random(1));
    const bound = Math.sqrt(6 / 400);
    expect(w.length).toBe(30000);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(bound);
    const variance = w.reduce((s, v) => s + v * v, 0) / w.length;
    expect(variance).toBeCloseTo((bound * bound) / 3, 4);
  });

  it('orthogonal gives QᵀQ = I for tall, QQᵀ = I for wide, both for square', () => {
    expectIdentity(gram(orthogonal(6, 4, new Random(2)), 6, 4, true));
    expectIdentity(gram(orthogonal(4, 6, new Random(3)), 4, 6, false));
    const q = orthogonal(5, 5, new Random(4));
    expectIdentity(gram(q, 5, 5, true));
    expectIdentity(gram(q, 5, 5, false));
  });

  it('uniform and normal have the requested range and spread', () => {
    const u = uniform(10000, -2, 3, new Random(5));
    expect(Math.min(...u)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...u)).toBeLessThan(3);
    const n = normal(20000, 0.5, new Random(6));
    const sd = Math.sqrt(n.reduce((s, v) => s + v * v, 0) / n.length);
    expect(sd).toBeCloseTo(0.5, 1);
  });

  it('the same seed gives the same values', () => {
    expect(orthogonal(3, 7, new Random(8))).toEqual(orthogonal(3, 7, new Random(8)));
  });
});
