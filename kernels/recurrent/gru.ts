// GRU layer, one direction, all time steps in one call (PyTorch's equations, gate order r, z, n):
//   r = σ(x·W_irᵀ + b_ir + h·W_hrᵀ + b_hr)     z = σ(… same with z …)
//   n = tanh(x·W_inᵀ + b_in + r ⊙ (h·W_hnᵀ + b_hn))     h' = (1 − z) ⊙ n + z ⊙ h
// Sequences are [batch, steps, width] at element offsets; `reverse` = 1 walks time backwards.
import { at } from '../memory';
import { activate, tanhGate } from './gate-math';
import { ACCUMULATE, BIAS, stridedGemm, transpose } from '../gemm';
import { accAt, carryAt, dbhAt, dbxAt, dghAt, layerGradients, projectInputs, weightTAt } from './layer';
import { addTo, copyFloats, ld, rowAt, st, stateToStep, timeAt } from './sequence';

/**
 * Forward. x [B,T,I]; wih [3H,I], whh [3H,H]; bih, bhh [3H]; h0 [B,H]. Writes out rows (b,t) at
 * out + (b·T+t)·outWidth [H], hn [B,H], hprev [B,T,H] (the state entering each step) and
 * saved [B,T,4H] = r, z, n, h·W_hnᵀ + b_hn. work: forwardWorkSize(B, T, I, H, 3H) floats (layer.ts).
 */
export function gruForward(
  batch: i32, steps: i32, inputs: i32, hidden: i32, reverse: i32, x: i32, wih: i32, whh: i32, bih: i32, bhh: i32,
  h0: i32, out: i32, outWidth: i32, hn: i32, hprev: i32, saved: i32, work: i32,
): void {
  const g = 3 * hidden;
  const rows = batch * steps;
  projectInputs(rows, inputs, hidden, g, x, wih, bih, bhh, 2 * hidden, work);
  const pre = work; // x·W_ihᵀ + b_ih + [b_hr, b_hz, 0] [B,T,3H]; steps add h·W_hrᵀ, h·W_hzᵀ in place
  const wt = at(weightTAt(work, rows, g)); // W_hhᵀ [H, 3H]: K-major for the step product
  const hhn = at(accAt(work, rows, inputs, hidden, g)); // h·W_hnᵀ + b_hn of four rows of this step [4, H]
  const nBlock = (<usize>(2 * hidden)) << 2; // byte offset of the n gate's columns
  transpose(at(whh), wt, g, hidden);
  stateToStep(h0, hprev, timeAt(0, steps, reverse), batch, steps, hidden);
  for (let s = 0; s < steps; s++) {
    const t = timeAt(s, steps, reverse);
    const tn = timeAt(s + 1, steps, reverse);
    for (let b0 = 0; b0 < batch; b0 += 4) {
      const four = min(4, batch - b0);
      const h = rowAt(hprev, b0, t, steps, hidden);
      stridedGemm(h, steps * hidden, 1, wt, g, rowAt(pre, b0, t, steps, g), steps * g, four, 2 * hidden, hidden, ACCUMULATE, 0);
      stridedGemm(h, steps * hidden, 1, wt + nBlock, g, hhn, hidden, four, hidden, hidden, BIAS, at(bhh) + nBlock);
      for (let b = b0; b < b0 + four; b++) {
        const next = s + 1 < steps ? rowAt(hprev, b, tn, steps, hidden) : at(hn + b * hidden);
        gruRow(
          rowAt(pre, b, t, steps, g), hhn + ((<usize>((b - b0) * hidden)) << 2), rowAt(hprev, b, t, steps, hidden),
          rowAt(saved, b, t, steps, 4 * hidden), rowAt(out, b, t, steps, outWidth), next, hidden,
        );
      }
    }
  }
}

// One batch row of one step: r and z in a pass each (gate-math.ts), then n and h', 4 lanes at a time.
function gruRow(pre: usize, hh: usize, h: usize, saved: usize, out: usize, next: usize, hidden: i32): void {
  const gb = (<usize>hidden) << 2;
  activate(pre, saved, hidden, false); // r
  activate(pre + gb, saved + gb, hidden, false); // z
  let j = 0;
  for (; j + 4 <= hidden; j += 4) gruLanes(pre, hh, h, saved, out, next, gb, (<usize>j) << 2, 4);
  for (; j < hidden; j++) gruLanes(pre, hh, h, saved, out, next, gb, (<usize>j) << 2, 1);
}

// n and h' from r and z (already in `saved`).
// @ts-ignore: decorator
@inline function gruLanes(pre: usize, hhp: usize, h: usize, saved: usize, out: usize, next: usize, gb: usize, jb: usize, lanes: i32): void {
  const zb = jb + gb;
  const nb = zb + gb;
  const r = ld(saved + jb, lanes);
  const z = ld(saved + zb, lanes);
  const hh = ld(hhp + jb, lanes);
  const n = tanhGate(f32x4.add(ld(pre + nb, lanes), f32x4.mul(r, hh)));
  const hNew = f32x4.add(n, f32x4.mul(z, f32x4.sub(ld(h + jb, lanes), n)));
  st(saved + nb, n, lanes);
  st(saved + nb + gb, hh, lanes);
  st(out + jb, hNew, lanes);
  st(next + jb, hNew, lanes);
}

/**
 * Backward. dout rows (b,t) at dout + (b·T+t)·outWidth [H]; dhn [B,H]: gradient of the final state.
 * Writes dh0 [B,H] and accumulates, as `needs` asks (layer.ts), into dx [B,T,I], dwih, dwhh, dbih,
 * dbhh. work: backwardWorkSize(B, T, I, H, 3H, 1, 1) floats (layer.ts).
 */
export function gruBackward(
  batch: i32, steps: i32, inputs: i32, hidden: i32, reverse: i32, x: i32, wih: i32, whh: i32, saved: i32, hprev: i32,
  dout: i32, outWidth: i32, dhn: i32, needs: i32, dx: i32, dwih: i32, dwhh: i32, dbih: i32, dbhh: i32, dh0: i32, work: i32,
): void {
  const g = 3 * hidden;
  const rows = batch * steps;
  const dgx = work; // d(x·W_ihᵀ + b_ih) [B,T,3H]
  const dgh = dghAt(work, rows, g, true); // d(h·W_hhᵀ + b_hh) [B,T,3H]: the n block is r ⊙ dn
  const dbx = at(dbxAt(work, rows, g, true));
  const dbh = at(dbhAt(work, rows, g, true));
  const dh = at(carryAt(work, rows, g, inputs, true)); // gradient reaching the state between steps [B, H]
  copyFloats(at(dhn), dh, batch * hidden);
  memory.fill(dbx, 0, (<usize>(2 * g)) << 2);
  for (let s = steps - 1; s >= 0; s--) {
    const t = timeAt(s, steps, reverse);
    for (let b0 = 0; b0 < batch; b0 += 4) { // four rows at a time, so their dgh is still in L1
      const four = min(4, batch - b0);
      for (let b = b0; b < b0 + four; b++) {
        gruBackRow(
          rowAt(dout, b, t, steps, outWidth), dh + ((<usize>(b * hidden)) << 2), rowAt(saved, b, t, steps, 4 * hidden),
          rowAt(hprev, b, t, steps, hidden), rowAt(dgx, b, t, steps, g), rowAt(dgh, b, t, steps, g), dbx, dbh, hidden,
        );
      }
      // dh (already z ⊙ dh) += dgh_t · W_hh
      const dhb = dh + ((<usize>(b0 * hidden)) << 2);
      stridedGemm(rowAt(dgh, b0, t, steps, g), steps * g, 1, at(whh), hidden, dhb, hidden, four, hidden, g, ACCUMULATE, 0);
    }
  }
  copyFloats(dh, at(dh0), batch * hidden);
  layerGradients(needs, rows, inputs, hidden, g, true, work, x, hprev, wih, dx, dwih, dwhh, dbih, dbhh);
}

function gruBackRow(dout: usize, dh: usize, saved: usize, h: usize, dgx: usize, dgh: usize, dbx: usize, dbh: usize, hidden: i32): void {
  const gb = (<usize>hidden) << 2;
  let j = 0;
  for (; j + 4 <= hidden; j += 4) gruBackLanes(dout, dh, saved, h, dgx, dgh, dbx, dbh, gb, (<usize>j) << 2, 4);
  for (; j < hidden; j++) gruBackLanes(dout, dh, saved, h, dgx, dgh, dbx, dbh, gb, (<usize>j) << 2, 1);
}

// @ts-ignore: decorator
@inline function gruBackLanes(dout: usize, dhp: usize, saved: usize, h: usize, dgx: usize, dgh: usize, dbx: usize, dbh: usize, gb: usize, jb: usize, lanes: i32): void {
  const zb = jb + gb;
  const nb = zb + gb;
  const one = f32x4.splat(1);
  const r = ld(saved + jb, lanes);
  const z = ld(saved + zb, lanes);
  const n = ld(saved + nb, lanes);
  const hh = ld(saved + nb + gb, lanes);
  const dh = f32x4.add(ld(dout + jb, lanes), ld(dhp + jb, lanes));
  const dn = f32x4.mul(f32x4.mul(dh, f32x4.sub(one, z)), f32x4.sub(one, f32x4.mul(n, n))); // through tanh
  const dz = f32x4.mul(f32x4.mul(dh, f32x4.sub(ld(h + jb, lanes), n)), f32x4.mul(z, f32x4.sub(one, z)));
  const dr = f32x4.mul(f32x4.mul(dn, hh), f32x4.mul(r, f32x4.sub(one, r)));
  st(dgx + jb, dr, lanes);
  st(dgx + zb, dz, lanes);
  st(dgx + nb, dn, lanes);
  st(dgh + jb, dr, lanes);
  st(dgh + zb, dz, lanes);
  const dhn = f32x4.mul(dn, r);
  st(dgh + nb, dhn, lanes);
  st(dhp + jb, f32x4.mul(dh, z), lanes);
  addTo(dbx + jb, dr, lanes);
  addTo(dbx + zb, dz, lanes);
  addTo(dbx + nb, dn, lanes);
  addTo(dbh + jb, dr, lanes);
  addTo(dbh + zb, dz, lanes);
  addTo(dbh + nb, dhn, lanes);
}
