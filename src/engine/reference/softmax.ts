// Float64 references for softmax and log-softmax over the rows of [rows, n].
import type { FloatArray } from '../memory.js';

/** ln Σ_j e^x[j] over the n values from offset x, stable. */
export function logSumExp(h: FloatArray, x: number, n: number): number {
  let m = -Infinity;
  for (let j = 0; j < n; j++) m = Math.max(m, h[x + j]);
  let s = 0;
  for (let j = 0; j < n; j++) s += Math.exp(h[x + j] - m);
  return m + Math.log(s);
}

export function softmax(h: FloatArray, rows: number, n: number, x: number, out: number): void {
  for (let r = 0; r < rows; r++) {
    const lse = logSumExp(h, x + r * n, n);
    for (let j = 0; j < n; j++) h[out + r * n + j] = Math.exp(h[x + r * n + j] - lse);
  }
}

export function softmaxBackward(h: FloatArray, rows: number, n: number, y: number, dy: number, dx: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * n;
    let s = 0;
    for (let j = 0; j < n; j++) s += h[dy + o + j] * h[y + o + j];
    for (let j = 0; j < n; j++) h[dx + o + j] += h[y + o + j] * (h[dy + o + j] - s);
  }
}

export function logSoftmax(h: FloatArray, rows: number, n: number, x: number, out: number): void {
  for (let r = 0; r < rows; r++) {
    const lse = logSumExp(h, x + r * n, n);
    for (let j = 0; j < n; j++) h[out + r * n + j] = h[x + r * n + j] - lse;
  }
}

export function logSoftmaxBackward(h: FloatArray, rows: number, n: number, y: number, dy: number, dx: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * n;
    let s = 0;
    for (let j = 0; j < n; j++) s += h[dy + o + j];
    for (let j = 0; j < n; j++) h[dx + o + j] += h[dy + o + j] - Math.exp(h[y + o + j]) * s;
  }
}
