// Shared pieces of the float64 recurrent references: time order, row addressing in
// [batch, steps, width] sequences, the per-step products with W_hh, and the activations.
import type { FloatArray } from '../memory.js';

/** The time index of processing step s (backwards for the reverse direction). */
export function timeAt(s: number, steps: number, reverse: number): number {
  return reverse ? steps - 1 - s : s;
}

/** Element offset of row (b, t) of a [batch, steps, width] sequence starting at `base`. */
export function rowOf(base: number, b: number, t: number, steps: number, width: number): number {
  return base + (b * steps + t) * width;
}

/** h·Wᵀ + bias for one state row h at `state` (W [g, hidden] at `w`): a fresh [g] array. */
export function stateTimesWeightT(h: FloatArray, state: number, w: number, bias: number, g: number, hidden: number): Float64Array {
  const acc = new Float64Array(g);
  for (let j = 0; j < g; j++) {
    let s = h[bias + j];
    for (let k = 0; k < hidden; k++) s += h[state + k] * h[w + j * hidden + k];
    acc[j] = s;
  }
  return acc;
}

/** d·W for one gradient row d [g] at `grad` (W [g, hidden] at `w`): a fresh [hidden] array. */
export function gradTimesWeight(h: FloatArray, grad: number, w: number, g: number, hidden: number): Float64Array {
  const out = new Float64Array(hidden);
  for (let j = 0; j < g; j++) for (let k = 0; k < hidden; k++) out[k] += h[grad + j] * h[w + j * hidden + k];
  return out;
}

/** Copies n values from offset src to offset dst of the heap. */
export function copyValues(h: FloatArray, src: number, dst: number, n: number): void {
  for (let i = 0; i < n; i++) h[dst + i] = h[src + i];
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** out[j] = Σ_r rows[r, j] over the [count, width] rows at `rows` (bias-gradient column sums). */
export function columnSums(h: FloatArray, count: number, width: number, rows: number, out: number): void {
  for (let j = 0; j < width; j++) {
    let s = 0;
    for (let r = 0; r < count; r++) s += h[rows + r * width + j];
    h[out + j] = s;
  }
}
