// Float64 reference of the vanilla RNN kernels (kernels/recurrent/rnn.ts): the same arguments,
// computed step by step and row by row, for the tests to compare the SIMD kernels against.
import type { FloatArray } from '../memory.js';
import { copyValues, gradTimesWeight, layerGradients, projectInputs, rowOf, stateTimesWeightT, timeAt } from './recurrent-common.js';

export function rnnForward(
  h: FloatArray, batch: number, steps: number, inputs: number, hidden: number, reverse: number, x: number, wih: number,
  whh: number, bih: number, bhh: number, h0: number, out: number, outWidth: number, hn: number, hprev: number,
  saved: number, work: number,
): void {
  const xw = work; // x·W_ihᵀ [B,T,H]
  projectInputs(h, batch * steps, inputs, hidden, x, wih, xw);
  for (let b = 0; b < batch; b++) copyValues(h, h0 + b * hidden, rowOf(hprev, b, timeAt(0, steps, reverse), steps, hidden), hidden);
  for (let s = 0; s < steps; s++) {
    const t = timeAt(s, steps, reverse);
    for (let b = 0; b < batch; b++) {
      const acc = stateTimesWeightT(h, rowOf(hprev, b, t, steps, hidden), whh, bhh, hidden, hidden);
      const next = s + 1 < steps ? rowOf(hprev, b, timeAt(s + 1, steps, reverse), steps, hidden) : hn + b * hidden;
      const x = rowOf(xw, b, t, steps, hidden);
      for (let j = 0; j < hidden; j++) {
        const v = Math.tanh(h[x + j] + h[bih + j] + acc[j]);
        h[rowOf(saved, b, t, steps, hidden) + j] = v;
        h[rowOf(out, b, t, steps, outWidth) + j] = v;
        h[next + j] = v;
      }
    }
  }
}

export function rnnBackward(
  h: FloatArray, batch: number, steps: number, inputs: number, hidden: number, reverse: number, x: number, wih: number,
  whh: number, saved: number, hprev: number, dout: number, outWidth: number, dhn: number, needs: number, dx: number,
  dwih: number, dwhh: number, dbih: number, dbhh: number, dh0: number, work: number,
): void {
  const dg = work; // d(pre-activations) [B,T,H], for both sides
  const carry: Float64Array[] = Array.from({ length: batch }, (_, b) => Float64Array.from(h.subarray(dhn + b * hidden, dhn + (b + 1) * hidden)));
  for (let s = steps - 1; s >= 0; s--) {
    const t = timeAt(s, steps, reverse);
    for (let b = 0; b < batch; b++) {
      const g = rowOf(dg, b, t, steps, hidden);
      for (let j = 0; j < hidden; j++) {
        const v = h[rowOf(saved, b, t, steps, hidden) + j];
        h[g + j] = (h[rowOf(dout, b, t, steps, outWidth) + j] + carry[b][j]) * (1 - v * v);
      }
      carry[b] = gradTimesWeight(h, g, whh, hidden, hidden);
    }
  }
  carry.forEach((c, b) => h.set(c, dh0 + b * hidden));
  const p = { x, hprev, dgx: dg, dgh: dg };
  layerGradients(h, needs, batch * steps, inputs, hidden, hidden, p, wih, dx, dwih, dwhh, dbih, dbhh);
}
