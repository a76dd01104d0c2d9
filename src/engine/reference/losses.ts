// Float64 references for the mean losses and their backward rules.
import type { FloatArray } from '../memory.js';
import { logSumExp } from './softmax.js';

export function bceWithLogits(h: FloatArray, n: number, x: number, t: number, tStride: number, out: number): void {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = h[x + i];
    s += Math.max(v, 0) - v * h[t + i * tStride] + Math.log1p(Math.exp(-Math.abs(v)));
  }
  h[out] = s / n;
}

export function bceWithLogitsBackward(h: FloatArray, n: number, x: number, t: number, tStride: number, dy: number, dx: number): void {
  const g = h[dy] / n;
  for (let i = 0; i < n; i++) h[dx + i] += g * (1 / (1 + Math.exp(-h[x + i])) - h[t + i * tStride]);
}

export function mseLoss(h: FloatArray, n: number, a: number, b: number, out: number): void {
  let s = 0;
  for (let i = 0; i < n; i++) s += (h[a + i] - h[b + i]) ** 2;
  h[out] = s / n;
}

export function mseLossBackward(h: FloatArray, n: number, a: number, b: number, dy: number, dx: number): void {
  const g = (2 * h[dy]) / n;
  for (let i = 0; i < n; i++) h[dx + i] += g * (h[a + i] - h[b + i]);
}

export function maeLoss(h: FloatArray, n: number, a: number, b: number, out: number): void {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(h[a + i] - h[b + i]);
  h[out] = s / n;
}

export function maeLossBackward(h: FloatArray, n: number, a: number, b: number, dy: number, dx: number): void {
  const g = h[dy] / n;
  for (let i = 0; i < n; i++) h[dx + i] += g * Math.sign(h[a + i] - h[b + i]);
}

export function crossEntropy(h: FloatArray, rows: number, v: number, x: number, targets: number, lse: number, _probs: number, out: number): void {
  let s = 0;
  for (let r = 0; r < rows; r++) {
    h[lse + r] = logSumExp(h, x + r * v, v);
    s += h[lse + r] - h[x + r * v + Math.trunc(h[targets + r])];
  }
  h[out] = s / rows;
}

export function crossEntropyBackward(h: FloatArray, rows: number, v: number, x: number, targets: number, lse: number, dy: number, dx: number): void {
  const g = h[dy] / rows;
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < v; j++) h[dx + r * v + j] += g * Math.exp(h[x + r * v + j] - h[lse + r]);
    h[dx + r * v + Math.trunc(h[targets + r])] -= g;
  }
}
