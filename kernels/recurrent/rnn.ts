// Vanilla (Elman) RNN layer, one direction, all time steps in one call (PyTorch's equation):
//   h' = tanh(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh)
// Sequences are [batch, steps, width] at element offsets; `reverse` = 1 walks time backwards.
import { at } from '../memory';
import { tanhGate as tanhV } from './gate-math';
import { BIAS, OVERWRITE, stepGemm } from './step-gemm';
import { PRODUCTS, forwardWork, layerGradients, projectInputs } from './layer';
import { addTo, copyFloats, ld, rowAt, st, stateToStep, timeAt, transposeInto } from './sequence';

/**
 * Forward. x [B,T,I]; wih [H,I], whh [H,H]; bih, bhh [H]; h0 [B,H]. Writes out rows (b,t) at
 * out + (b·T+t)·outWidth [H], hn [B,H], hprev [B,T,H] (the state entering each step) and
 * saved [B,T,H] = h'. work: B·T·H + max(I,H)·H + B·H floats.
 */
export function rnnForward(
  batch: i32, steps: i32, inputs: i32, hidden: i32, reverse: i32, x: i32, wih: i32, whh: i32, bih: i32, bhh: i32,
  h0: i32, out: i32, outWidth: i32, hn: i32, hprev: i32, saved: i32, work: i32,
): void {
  const w = forwardWork(work, batch * steps, batch, inputs, hidden, hidden);
  projectInputs(batch * steps, inputs, hidden, x, wih, w.xw, w.weightT); // xw = x·W_ihᵀ [B,T,H]
  const xw = w.xw;
  const wt = at(w.weightT); // W_hhᵀ [H, H]
  const acc = at(w.acc); // h·W_hhᵀ + b_hh of this step [B, H]
  transposeInto(at(whh), wt, hidden, hidden);
  stateToStep(h0, hprev, timeAt(0, steps, reverse), batch, steps, hidden);
  for (let s = 0; s < steps; s++) {
    const t = timeAt(s, steps, reverse);
    stepGemm(rowAt(hprev, 0, t, steps, hidden), steps * hidden, 1, wt, hidden, acc, hidden, batch, hidden, hidden, BIAS, at(bhh));
    const tn = timeAt(s + 1, steps, reverse);
    for (let b = 0; b < batch; b++) {
      const next = s + 1 < steps ? rowAt(hprev, b, tn, steps, hidden) : at(hn + b * hidden);
      rnnRow(
        rowAt(xw, b, t, steps, hidden), acc + ((<usize>(b * hidden)) << 2), at(bih),
        rowAt(saved, b, t, steps, hidden), rowAt(out, b, t, steps, outWidth), next, hidden,
      );
    }
  }
}

function rnnRow(xw: usize, acc: usize, bih: usize, saved: usize, out: usize, next: usize, hidden: i32): void {
  let j = 0;
  for (; j + 4 <= hidden; j += 4) rnnLanes(xw, acc, bih, saved, out, next, (<usize>j) << 2, 4);
  for (; j < hidden; j++) rnnLanes(xw, acc, bih, saved, out, next, (<usize>j) << 2, 1);
}

// @ts-ignore: decorator
@inline function rnnLanes(xw: usize, acc: usize, bih: usize, saved: usize, out: usize, next: usize, jb: usize, lanes: i32): void {
  const h = tanhV(f32x4.add(f32x4.add(ld(xw + jb, lanes), ld(bih + jb, lanes)), ld(acc + jb, lanes)));
  st(saved + jb, h, lanes);
  st(out + jb, h, lanes);
  st(next + jb, h, lanes);
}

/**
 * Backward. dout rows (b,t) at dout + (b·T+t)·outWidth [H]; dhn [B,H]: gradient of the final state.
 * Writes dh0 [B,H] and accumulates, as `needs` asks (layer.ts), into dx [B,T,I], dwih, dwhh, dbih,
 * dbhh. The pre-activation gradients serve both sides (x and h, b_ih and b_hh).
 * work: B·T·H + H + B·H floats.
 */
export function rnnBackward(
  batch: i32, steps: i32, inputs: i32, hidden: i32, reverse: i32, x: i32, wih: i32, whh: i32, saved: i32, hprev: i32,
  dout: i32, outWidth: i32, dhn: i32, needs: i32, dx: i32, dwih: i32, dwhh: i32, dbih: i32, dbhh: i32, dh0: i32, work: i32,
): void {
  const rows = batch * steps;
  const p = PRODUCTS;
  p.x = x;
  p.hprev = hprev;
  p.dgx = work; // d(pre-activations) [B,T,H]
  p.dgh = work;
  p.dbx = work + rows * hidden;
  p.dbh = p.dbx;
  const dh = at(p.dbx + hidden); // gradient reaching the state between steps [B, H]
  copyFloats(at(dhn), dh, batch * hidden);
  memory.fill(at(p.dbx), 0, (<usize>hidden) << 2);
  for (let s = steps - 1; s >= 0; s--) {
    const t = timeAt(s, steps, reverse);
    for (let b = 0; b < batch; b++) {
      rnnBackRow(
        rowAt(dout, b, t, steps, outWidth), dh + ((<usize>(b * hidden)) << 2),
        rowAt(saved, b, t, steps, hidden), rowAt(p.dgx, b, t, steps, hidden), at(p.dbx), hidden,
      );
    }
    stepGemm(rowAt(p.dgx, 0, t, steps, hidden), steps * hidden, 1, at(whh), hidden, dh, hidden, batch, hidden, hidden, OVERWRITE, 0);
  }
  copyFloats(dh, at(dh0), batch * hidden);
  layerGradients(needs, rows, inputs, hidden, hidden, p, wih, dx, dwih, dwhh, dbih, dbhh);
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
