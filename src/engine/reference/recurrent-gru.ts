// Float64 reference of the GRU kernels (kernels/recurrent/gru.ts): the same arguments, computed
// step by step and row by row. Gate order r, z, n; saved [B,T,4H] = r, z, n, h·W_hnᵀ + b_hn.
import type { FloatArray } from '../memory.js';
import { copyValues, gradTimesWeight, layerGradients, projectInputs, rowOf, sigmoid, stateTimesWeightT, timeAt } from './recurrent-common.js';

export function gruForward(
  h: FloatArray, batch: number, steps: number, inputs: number, hidden: number, reverse: number, x: number, wih: number,
  whh: number, bih: number, bhh: number, h0: number, out: number, outWidth: number, hn: number, hprev: number,
  saved: number, work: number,
): void {
  const H = hidden;
  const xw = work; // x·W_ihᵀ [B,T,3H]
  projectInputs(h, batch * steps, inputs, 3 * H, x, wih, xw);
  for (let b = 0; b < batch; b++) copyValues(h, h0 + b * H, rowOf(hprev, b, timeAt(0, steps, reverse), steps, H), H);
  for (let s = 0; s < steps; s++) {
    const t = timeAt(s, steps, reverse);
    for (let b = 0; b < batch; b++) {
      const state = rowOf(hprev, b, t, steps, H);
      const acc = stateTimesWeightT(h, state, whh, bhh, 3 * H, H);
      const x = rowOf(xw, b, t, steps, 3 * H);
      const sv = rowOf(saved, b, t, steps, 4 * H);
      const next = s + 1 < steps ? rowOf(hprev, b, timeAt(s + 1, steps, reverse), steps, H) : hn + b * H;
      for (let j = 0; j < H; j++) {
        const r = sigmoid(h[x + j] + h[bih + j] + acc[j]);
        const z = sigmoid(h[x + H + j] + h[bih + H + j] + acc[H + j]);
        const n = Math.tanh(h[x + 2 * H + j] + h[bih + 2 * H + j] + r * acc[2 * H + j]);
        const v = (1 - z) * n + z * h[state + j];
        [h[sv + j], h[sv + H + j], h[sv + 2 * H + j], h[sv + 3 * H + j]] = [r, z, n, acc[2 * H + j]];
        h[rowOf(out, b, t, steps, outWidth) + j] = v;
        h[next + j] = v;
      }
    }
  }
}

export function gruBackward(
  h: FloatArray, batch: number, steps: number, inputs: number, hidden: number, reverse: number, x: number, wih: number,
  whh: number, saved: number, hprev: number, dout: number, outWidth: number, dhn: number, needs: number, dx: number,
  dwih: number, dwhh: number, dbih: number, dbhh: number, dh0: number, work: number,
): void {
  const H = hidden;
  const dgx = work; // d(x·W_ihᵀ + b_ih) [B,T,3H]
  const dgh = work + batch * steps * 3 * H; // d(h·W_hhᵀ + b_hh) [B,T,3H]
  const carry: Float64Array[] = Array.from({ length: batch }, (_, b) => Float64Array.from(h.subarray(dhn + b * H, dhn + (b + 1) * H)));
  for (let s = steps - 1; s >= 0; s--) {
    const t = timeAt(s, steps, reverse);
    for (let b = 0; b < batch; b++) {
      const sv = rowOf(saved, b, t, steps, 4 * H);
      const state = rowOf(hprev, b, t, steps, H);
      const gx = rowOf(dgx, b, t, steps, 3 * H);
      const gh = rowOf(dgh, b, t, steps, 3 * H);
      const direct = new Float64Array(H);
      for (let j = 0; j < H; j++) {
        const [r, z, n, hh] = [h[sv + j], h[sv + H + j], h[sv + 2 * H + j], h[sv + 3 * H + j]];
        const dh = h[rowOf(dout, b, t, steps, outWidth) + j] + carry[b][j];
        const dn = dh * (1 - z) * (1 - n * n);
        const dz = dh * (h[state + j] - n) * z * (1 - z);
        const dr = dn * hh * r * (1 - r);
        [h[gx + j], h[gx + H + j], h[gx + 2 * H + j]] = [dr, dz, dn];
        [h[gh + j], h[gh + H + j], h[gh + 2 * H + j]] = [dr, dz, dn * r];
        direct[j] = dh * z;
      }
      const through = gradTimesWeight(h, gh, whh, 3 * H, H);
      carry[b] = direct.map((d, k) => d + through[k]);
    }
  }
  carry.forEach((c, b) => h.set(c, dh0 + b * H));
  layerGradients(h, needs, batch * steps, inputs, H, 3 * H, { x, hprev, dgx, dgh }, wih, dx, dwih, dwhh, dbih, dbhh);
}
