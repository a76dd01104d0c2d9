// Float64 references for the elementwise kernels.
import type { FloatArray } from '../memory.js';

export function axpy(h: FloatArray, n: number, alpha: number, x: number, y: number): void {
  for (let i = 0; i < n; i++) h[y + i] += alpha * h[x + i];
}
