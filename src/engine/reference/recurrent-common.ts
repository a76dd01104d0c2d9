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

/** xw [rows, g] = x [rows, I] · W_ihᵀ (W_ih [g, I]), written at offset `xw`. */
export function projectInputs(h: FloatArray, rows: number, inputs: number, g: number, x: number, wih: number, xw: number): void {
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < g; j++) {
      let s = 0;
      for (let k = 0; k < inputs; k++) s += h[x + r * inputs + k] * h[wih + j * inputs + k];
      h[xw + r * g + j] = s;
    }
  }
}

/** Offsets of what backprop through time produced: d(x-side) and d(h-side) pre-activations [rows, g]. */
export interface GateGradients {
  x: number;
  hprev: number;
  dgx: number;
  dgh: number;
}

/** Bits of `needs` (see kernels/recurrent/layer.ts). */
const NEED = { weightIh: 1, weightHh: 2, biasIh: 4, biasHh: 8, input: 16 };

/** Accumulates dW_ih += dgxᵀ·x, dW_hh += dghᵀ·hprev, d b_ih += Σ dgx, d b_hh += Σ dgh, dx += dgx·W_ih, as `needs` asks. */
export function layerGradients(
  h: FloatArray, needs: number, rows: number, inputs: number, hidden: number, g: number, p: GateGradients,
  wih: number, dx: number, dwih: number, dwhh: number, dbih: number, dbhh: number,
): void {
  const outer = (d: number, v: number, width: number, out: number): void => {
    for (let j = 0; j < g; j++) {
      for (let k = 0; k < width; k++) {
        let s = 0;
        for (let r = 0; r < rows; r++) s += h[d + r * g + j] * h[v + r * width + k];
        h[out + j * width + k] += s;
      }
    }
  };
  const sums = (d: number, out: number): void => {
    for (let j = 0; j < g; j++) for (let r = 0; r < rows; r++) h[out + j] += h[d + r * g + j];
  };
  if (needs & NEED.weightIh) outer(p.dgx, p.x, inputs, dwih);
  if (needs & NEED.weightHh) outer(p.dgh, p.hprev, hidden, dwhh);
  if (needs & NEED.biasIh) sums(p.dgx, dbih);
  if (needs & NEED.biasHh) sums(p.dgh, dbhh);
  if (needs & NEED.input) {
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < inputs; k++) {
        let s = 0;
        for (let j = 0; j < g; j++) s += h[p.dgx + r * g + j] * h[wih + j * inputs + k];
        h[dx + r * inputs + k] += s;
      }
    }
  }
}
