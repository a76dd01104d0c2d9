// Float64 references for reductions over the middle axis of [outer, len, inner].
import type { FloatArray } from '../memory.js';

export function sumAxis(h: FloatArray, outer: number, len: number, inner: number, alpha: number, x: number, out: number, accumulate: number): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let s = 0;
      for (let k = 0; k < len; k++) s += h[x + (o * len + k) * inner + i];
      const at = out + o * inner + i;
      h[at] = (accumulate ? h[at] : 0) + alpha * s;
    }
  }
}

export function broadcastAxis(h: FloatArray, outer: number, len: number, inner: number, alpha: number, x: number, out: number, accumulate: number): void {
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < len; k++) {
      for (let i = 0; i < inner; i++) {
        const at = out + (o * len + k) * inner + i;
        h[at] = (accumulate ? h[at] : 0) + alpha * h[x + o * inner + i];
      }
    }
  }
}

export function variance(h: FloatArray, outer: number, len: number, inner: number, x: number, mean: number, out: number): void {
  sumAxis(h, outer, len, inner, 1 / len, x, mean, 0);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const m = h[mean + o * inner + i];
      let s = 0;
      for (let k = 0; k < len; k++) s += (h[x + (o * len + k) * inner + i] - m) ** 2;
      h[out + o * inner + i] = s / len;
    }
  }
}

export function varianceBackward(h: FloatArray, outer: number, len: number, inner: number, x: number, mean: number, dy: number, dx: number): void {
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < len; k++) {
      for (let i = 0; i < inner; i++) {
        const at = (o * len + k) * inner + i;
        h[dx + at] += (h[dy + o * inner + i] * 2 * (h[x + at] - h[mean + o * inner + i])) / len;
      }
    }
  }
}

export function sumSquares(h: FloatArray, n: number, x: number, out: number, accumulate: number): void {
  let s = 0;
  for (let i = 0; i < n; i++) s += h[x + i] * h[x + i];
  h[out] = accumulate ? h[out] + s : s;
}
