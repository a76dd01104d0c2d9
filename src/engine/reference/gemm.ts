// Float64 reference for gemm: the plain triple loop, for tests to check the SIMD kernel against.
import type { FloatArray } from '../memory.js';

export function gemm(
  h: FloatArray,
  transA: number,
  transB: number,
  m: number,
  n: number,
  k: number,
  a: number,
  b: number,
  c: number,
  accumulate: number,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) {
        const av = transA ? h[a + p * m + i] : h[a + i * k + p];
        const bv = transB ? h[b + j * k + p] : h[b + p * n + j];
        s += av * bv;
      }
      h[c + i * n + j] = accumulate ? h[c + i * n + j] + s : s;
    }
  }
}
