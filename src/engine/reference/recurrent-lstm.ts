// Float64 reference of the LSTM kernels (kernels/recurrent/lstm.ts): the same arguments, computed
// step by step and row by row. Gate order i, f, g, o; saved [B,T,5H] = i, f, g, o, tanh(c').
import type { FloatArray } from '../memory.js';
import { copyValues, gradTimesWeight, layerGradients, projectInputs, rowOf, sigmoid, stateTimesWeightT, timeAt } from './recurrent-common.js';

export function lstmForward(
  h: FloatArray, batch: number, steps: number, inputs: number, hidden: number, reverse: number, x: number, wih: number,
  whh: number, bih: number, bhh: number, h0: number, c0: number, out: number, outWidth: number, hn: number, cn: number,
  hprev: number, cprev: number, saved: number, work: number,
): void {
  const H = hidden;
  const xw = work; // x·W_ihᵀ [B,T,4H]
  projectInputs(h, batch * steps, inputs, 4 * H, x, wih, xw);
  const t0 = timeAt(0, steps, reverse);
  for (let b = 0; b < batch; b++) copyValues(h, h0 + b * H, rowOf(hprev, b, t0, steps, H), H);
  for (let b = 0; b < batch; b++) copyValues(h, c0 + b * H, rowOf(cprev, b, t0, steps, H), H);
  for (let s = 0; s < steps; s++) {
    const t = timeAt(s, steps, reverse);
    const last = s + 1 === steps;
    for (let b = 0; b < batch; b++) {
      const acc = stateTimesWeightT(h, rowOf(hprev, b, t, steps, H), whh, bhh, 4 * H, H);
      const x = rowOf(xw, b, t, steps, 4 * H);
      const pre = (k: number): number => h[x + k] + h[bih + k] + acc[k];
      const c = rowOf(cprev, b, t, steps, H);
      const sv = rowOf(saved, b, t, steps, 5 * H);
      const hNext = last ? hn + b * H : rowOf(hprev, b, timeAt(s + 1, steps, reverse), steps, H);
      const cNext = last ? cn + b * H : rowOf(cprev, b, timeAt(s + 1, steps, reverse), steps, H);
      for (let j = 0; j < H; j++) {
        const [i, f, g, o] = [sigmoid(pre(j)), sigmoid(pre(H + j)), Math.tanh(pre(2 * H + j)), sigmoid(pre(3 * H + j))];
        const cNew = f * h[c + j] + i * g;
        const tc = Math.tanh(cNew);
        [h[sv + j], h[sv + H + j], h[sv + 2 * H + j], h[sv + 3 * H + j], h[sv + 4 * H + j]] = [i, f, g, o, tc];
        h[rowOf(out, b, t, steps, outWidth) + j] = o * tc;
        h[hNext + j] = o * tc;
        h[cNext + j] = cNew;
      }
    }
  }
}

export function lstmBackward(
  h: FloatArray, batch: number, steps: number, inputs: number, hidden: number, reverse: number, x: number, wih: number,
  whh: number, saved: number, hprev: number, cprev: number, dout: number, outWidth: number, dhn: number, dcn: number,
  needs: number, dx: number, dwih: number, dwhh: number, dbih: number, dbhh: number, dh0: number, dc0: number, work: number,
): void {
  const H = hidden;
  const dg = work; // d(gate pre-activations) [B,T,4H], for both sides
  const rows = (at: number): Float64Array[] =>
    Array.from({ length: batch }, (_, b) => Float64Array.from(h.subarray(at + b * H, at + (b + 1) * H)));
  const dhCarry = rows(dhn);
  const dcCarry = rows(dcn);
  for (let s = steps - 1; s >= 0; s--) {
    const t = timeAt(s, steps, reverse);
    for (let b = 0; b < batch; b++) {
      const sv = rowOf(saved, b, t, steps, 5 * H);
      const c = rowOf(cprev, b, t, steps, H);
      const d = rowOf(dg, b, t, steps, 4 * H);
      for (let j = 0; j < H; j++) {
        const [i, f, g, o, tc] = [h[sv + j], h[sv + H + j], h[sv + 2 * H + j], h[sv + 3 * H + j], h[sv + 4 * H + j]];
        const dh = h[rowOf(dout, b, t, steps, outWidth) + j] + dhCarry[b][j];
        const dc = dcCarry[b][j] + dh * o * (1 - tc * tc);
        h[d + j] = dc * g * i * (1 - i);
        h[d + H + j] = dc * h[c + j] * f * (1 - f);
        h[d + 2 * H + j] = dc * i * (1 - g * g);
        h[d + 3 * H + j] = dh * tc * o * (1 - o);
        dcCarry[b][j] = dc * f;
      }
      dhCarry[b] = gradTimesWeight(h, d, whh, 4 * H, H);
    }
  }
  dhCarry.forEach((v, b) => h.set(v, dh0 + b * H));
  dcCarry.forEach((v, b) => h.set(v, dc0 + b * H));
  layerGradients(h, needs, batch * steps, inputs, H, 4 * H, { x, hprev, dgx: dg, dgh: dg }, wih, dx, dwih, dwhh, dbih, dbhh);
}
