// Vanilla (Elman) RNN layer, one direction, all time steps in one call (PyTorch's equation):
//   h' = tanh(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh)
// Sequences are [batch, steps, width] at element offsets; `reverse` = 1 walks time backwards.
import { at } from '../memory';
import { tanhGate } from './gate-math';
import { ACCUMULATE, OVERWRITE, stridedGemm, transpose } from '../gemm';
import { carryAt, dbxAt, layerGradients, projectInputs, weightTAt } from './layer';
import { addTo, copyFloats, ld, rowAt, st, stateToStep, timeAt } from './sequence';

/**
 * Forward. x [B,T,I]; wih [H,I], whh [H,H]; bih, bhh [H]; h0 [B,H]. Writes out rows (b,t) at
 * out + (b·T+t)·outWidth [H], hn [B,H], hprev [B,T,H] (the state entering each step) and
 * saved [B,T,H] = h'. work: forwardWorkSize(B, T, I, H, H) floats (layer.ts).
 */
export function rnnForward(
  batch: i32, steps: i32, inputs: i32, hidden: i32, reverse: i32, x: i32, wih: i32, whh: i32, bih: i32, bhh: i32,
  h0: i32, out: i32, outWidth: i32, hn: i32, hprev: i32, saved: i32, work: i32,
): void {
  const rows = batch * steps;
  projectInputs(rows, inputs, hidden, hidden, x, wih, bih, bhh, hidden, work);
  const pre = work; // x·W_ihᵀ + b_ih + b_hh [B,T,H]; each step adds h·W_hhᵀ in place
  const wt = at(weightTAt(work, rows, hidden)); // W_hhᵀ [H, H]
  transpose(at(whh), wt, hidden, hidden);
  stateToStep(h0, hprev, timeAt(0, steps, reverse), batch, steps, hidden);
  for (let s = 0; s < steps; s++) {
    const t = timeAt(s, steps, reverse);
    const tn = timeAt(s + 1, steps, reverse);
    for (let b0 = 0; b0 < batch; b0 += 4) {
      const four = min(4, batch - b0);
      const p = rowAt(pre, b0, t, steps, hidden);
      stridedGemm(rowAt(hprev, b0, t, steps, hidden), steps * hidden, 1, wt, hidden, p, steps * hidden, four, hidden, hidden, ACCUMULATE, 0);
      for (let b = b0; b < b0 + four; b++) {
        const next = s + 1 < steps ? rowAt(hprev, b, tn, steps, hidden) : at(hn + b * hidden);
        rnnRow(rowAt(pre, b, t, steps, hidden), rowAt(saved, b, t, steps, hidden), rowAt(out, b, t, steps, outWidth), next, hidden);
      }
    }
  }
}

function rnnRow(pre: usize, saved: usize, out: usize, next: usize, hidden: i32): void {
  let j = 0;
  for (; j + 4 <= hidden; j += 4) rnnLanes(pre, saved, out, next, (<usize>j) << 2, 4);
  for (; j < hidden; j++) rnnLanes(pre, saved, out, next, (<usize>j) << 2, 1);
}

// @ts-ignore: decorator
@inline function rnnLanes(pre: usize, saved: usize, out: usize, next: usize, jb: usize, lanes: i32): void {
  const h = tanhGate(ld(pre + jb, lanes));
  st(saved + jb, h, lanes);
  st(out + jb, h, lanes);
  st(next + jb, h, lanes);
}

/**
 * Backward. dout rows (b,t) at dout + (b·T+t)·outWidth [H]; dhn [B,H]: gradient of the final state.
 * Writes dh0 [B,H] and accumulates, as `needs` asks (layer.ts), into dx [B,T,I], dwih, dwhh, dbih,
 * dbhh. The pre-activation gradients serve both sides (x and h, b_ih and b_hh).
 * work: backwardWorkSize(B, T, I, H, H, 0, 1) floats (layer.ts).
 */
export function rnnBackward(
  batch: i32, steps: i32, inputs: i32, hidden: i32, reverse: i32, x: i32, wih: i32, whh: i32, saved: i32, hprev: i32,
  dout: i32, outWidth: i32, dhn: i32, needs: i32, dx: i32, dwih: i32, dwhh: i32, dbih: i32, dbhh: i32, dh0: i32, work: i32,
): void {
  const rows = batch * steps;
  const dg = work; // d(pre-activations) [B,T,H]
  const db = at(dbxAt(work, rows, hidden, false));
  const dh = at(carryAt(work, rows, hidden, inputs, false)); // gradient reaching the state between steps [B, H]
  copyFloats(at(dhn), dh, batch * hidden);
  memory.fill(db, 0, (<usize>hidden) << 2);
  for (let s = steps - 1; s >= 0; s--) {
    const t = timeAt(s, steps, reverse);
    for (let b0 = 0; b0 < batch; b0 += 4) { // four rows at a time, so their gradients are still in L1
      const four = min(4, batch - b0);
      for (let b = b0; b < b0 + four; b++) {
        rnnBackRow(
          rowAt(dout, b, t, steps, outWidth), dh + ((<usize>(b * hidden)) << 2),
          rowAt(saved, b, t, steps, hidden), rowAt(dg, b, t, steps, hidden), db, hidden,
        );
      }
      const dhb = dh + ((<usize>(b0 * hidden)) << 2);
      stridedGemm(rowAt(dg, b0, t, steps, hidden), steps * hidden, 1, at(whh), hidden, dhb, hidden, four, hidden, hidden, OVERWRITE, 0);
    }
  }
  copyFloats(dh, at(dh0), batch * hidden);
  layerGradients(needs, rows, inputs, hidden, hidden, false, work, x, hprev, wih, dx, dwih, dwhh, dbih, dbhh);
}

function rnnBackRow(dout: usize, dh: usize, saved: usize, dg: usize, db: usize, hidden: i32): void {
  let j = 0;
  for (; j + 4 <= hidden; j += 4) rnnBackLanes(dout, dh, saved, dg, db, (<usize>j) << 2, 4);
  for (; j < hidden; j++) rnnBackLanes(dout, dh, saved, dg, db, (<usize>j) << 2, 1);
}

// @ts-ignore: decorator
@inline function rnnBackLanes(dout: usize, dh: usize, saved: usize, dg: usize, db: usize, jb: usize, lanes: i32): void {
  const h = ld(saved + jb, lanes);
  const d = f32x4.add(ld(dout + jb, lanes), ld(dh + jb, lanes));
  const dp = f32x4.mul(d, f32x4.sub(f32x4.splat(1), f32x4.mul(h, h)));
  st(dg + jb, dp, lanes);
  addTo(db + jb, dp, lanes);
}
