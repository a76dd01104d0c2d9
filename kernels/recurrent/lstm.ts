// LSTM layer, one direction, all time steps in one call (PyTorch's equations, gate order i, f, g, o):
//   [i, f, g, o] = [σ, σ, tanh, σ](x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh)
//   c' = f ⊙ c + i ⊙ g        h' = o ⊙ tanh(c')
// Sequences are [batch, steps, width] at element offsets; `reverse` = 1 walks time backwards.
import { at } from '../memory';
import { activate, tanhGate } from './gate-math';
import { ACCUMULATE, OVERWRITE, stridedGemm, transpose } from '../gemm';
import { carryAt, dbxAt, layerGradients, projectInputs, weightTAt } from './layer';
import { addTo, copyFloats, ld, rowAt, st, stateToStep, timeAt } from './sequence';

/**
 * Forward. x [B,T,I]; wih [4H,I], whh [4H,H]; bih, bhh [4H]; h0, c0 [B,H]. Writes out rows (b,t) at
 * out + (b·T+t)·outWidth [H], hn, cn [B,H], hprev and cprev [B,T,H] (the states entering each step)
 * and saved [B,T,5H] = i, f, g, o, tanh(c'). work: forwardWorkSize(B, T, I, H, 4H) floats (layer.ts).
 */
export function lstmForward(
  batch: i32, steps: i32, inputs: i32, hidden: i32, reverse: i32, x: i32, wih: i32, whh: i32, bih: i32, bhh: i32,
  h0: i32, c0: i32, out: i32, outWidth: i32, hn: i32, cn: i32, hprev: i32, cprev: i32, saved: i32, work: i32,
): void {
  const g = 4 * hidden;
  const rows = batch * steps;
  projectInputs(rows, inputs, hidden, g, x, wih, bih, bhh, g, work);
  const pre = work; // x·W_ihᵀ + b_ih + b_hh [B,T,4H]; each step adds h·W_hhᵀ in place
  const wt = at(weightTAt(work, rows, g)); // W_hhᵀ [H, 4H]
  transpose(at(whh), wt, g, hidden);
  const t0 = timeAt(0, steps, reverse);
  stateToStep(h0, hprev, t0, batch, steps, hidden);
  stateToStep(c0, cprev, t0, batch, steps, hidden);
  for (let s = 0; s < steps; s++) {
    const t = timeAt(s, steps, reverse);
    const last = s + 1 == steps;
    const tn = timeAt(s + 1, steps, reverse);
    for (let b0 = 0; b0 < batch; b0 += 4) {
      const four = min(4, batch - b0);
      const p = rowAt(pre, b0, t, steps, g);
      stridedGemm(rowAt(hprev, b0, t, steps, hidden), steps * hidden, 1, wt, g, p, steps * g, four, g, hidden, ACCUMULATE, 0);
      for (let b = b0; b < b0 + four; b++) {
        const hNext = last ? at(hn + b * hidden) : rowAt(hprev, b, tn, steps, hidden);
        const cNext = last ? at(cn + b * hidden) : rowAt(cprev, b, tn, steps, hidden);
        lstmRow(
          rowAt(pre, b, t, steps, g), rowAt(cprev, b, t, steps, hidden),
          rowAt(saved, b, t, steps, 5 * hidden), rowAt(out, b, t, steps, outWidth), hNext, cNext, hidden,
        );
      }
    }
  }
}

// One batch row of one step. The four gates go one pass each (the same work as one fused pass, but
// a single activation's constants fit the vector registers; four at once spill to the stack),
// then the memory update reads them back from `saved` (still in L1).
function lstmRow(pre: usize, c: usize, saved: usize, out: usize, hNext: usize, cNext: usize, hidden: i32): void {
  const gb = (<usize>hidden) << 2;
  activate(pre, saved, hidden, false); // i
  activate(pre + gb, saved + gb, hidden, false); // f
  activate(pre + 2 * gb, saved + 2 * gb, hidden, true); // g
  activate(pre + 3 * gb, saved + 3 * gb, hidden, false); // o
  let j = 0;
  for (; j + 4 <= hidden; j += 4) memoryLanes(c, saved, out, hNext, cNext, gb, (<usize>j) << 2, 4);
  for (; j < hidden; j++) memoryLanes(c, saved, out, hNext, cNext, gb, (<usize>j) << 2, 1);
}

// c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c'), from the gates in `saved`; saves tanh(c').
// @ts-ignore: decorator
@inline function memoryLanes(c: usize, saved: usize, out: usize, hNext: usize, cNext: usize, gb: usize, jb: usize, lanes: i32): void {
  const i = ld(saved + jb, lanes);
  const f = ld(saved + jb + gb, lanes);
  const gg = ld(saved + jb + 2 * gb, lanes);
  const o = ld(saved + jb + 3 * gb, lanes);
  const cNew = f32x4.add(f32x4.mul(f, ld(c + jb, lanes)), f32x4.mul(i, gg));
  const tc = tanhGate(cNew);
  const hNew = f32x4.mul(o, tc);
  st(saved + jb + 4 * gb, tc, lanes);
  st(out + jb, hNew, lanes);
  st(hNext + jb, hNew, lanes);
  st(cNext + jb, cNew, lanes);
}

/**
 * Backward. dout rows (b,t) at dout + (b·T+t)·outWidth [H]; dhn, dcn [B,H]: gradients of the final
 * states. Writes dh0, dc0 [B,H] and accumulates, as `needs` asks (layer.ts), into dx [B,T,I], dwih,
 * dwhh, dbih, dbhh. The gate pre-activation gradients serve both sides (x and h, b_ih and b_hh).
 * work: backwardWorkSize(B, T, I, H, 4H, 0, 2) floats (layer.ts).
 */
export function lstmBackward(
  batch: i32, steps: i32, inputs: i32, hidden: i32, reverse: i32, x: i32, wih: i32, whh: i32, saved: i32, hprev: i32,
  cprev: i32, dout: i32, outWidth: i32, dhn: i32, dcn: i32, needs: i32, dx: i32, dwih: i32, dwhh: i32, dbih: i32,
  dbhh: i32, dh0: i32, dc0: i32, work: i32,
): void {
  const g = 4 * hidden;
  const rows = batch * steps;
  const dg = work; // d(gate pre-activations) [B,T,4H]
  const db = at(dbxAt(work, rows, g, false));
  const dh = at(carryAt(work, rows, g, inputs, false)); // gradient reaching h between steps [B, H]
  const dc = dh + ((<usize>(batch * hidden)) << 2); // … and c [B, H]
  copyFloats(at(dhn), dh, batch * hidden);
  copyFloats(at(dcn), dc, batch * hidden);
  memory.fill(db, 0, (<usize>g) << 2);
  for (let s = steps - 1; s >= 0; s--) {
    const t = timeAt(s, steps, reverse);
    for (let b0 = 0; b0 < batch; b0 += 4) { // four rows at a time, so their gradients are still in L1
      const four = min(4, batch - b0);
      for (let b = b0; b < b0 + four; b++) {
        const ob = (<usize>(b * hidden)) << 2;
        lstmBackRow(
          rowAt(dout, b, t, steps, outWidth), dh + ob, dc + ob, rowAt(saved, b, t, steps, 5 * hidden),
          rowAt(cprev, b, t, steps, hidden), rowAt(dg, b, t, steps, g), db, hidden,
        );
      }
      const dhb = dh + ((<usize>(b0 * hidden)) << 2);
      stridedGemm(rowAt(dg, b0, t, steps, g), steps * g, 1, at(whh), hidden, dhb, hidden, four, hidden, g, OVERWRITE, 0);
    }
  }
  copyFloats(dh, at(dh0), batch * hidden);
  copyFloats(dc, at(dc0), batch * hidden);
  layerGradients(needs, rows, inputs, hidden, g, false, work, x, hprev, wih, dx, dwih, dwhh, dbih, dbhh);
}

function lstmBackRow(dout: usize, dh: usize, dc: usize, saved: usize, c: usize, dg: usize, db: usize, hidden: i32): void {
  const gb = (<usize>hidden) << 2;
  let j = 0;
  for (; j + 4 <= hidden; j += 4) lstmBackLanes(dout, dh, dc, saved, c, dg, db, gb, (<usize>j) << 2, 4);
  for (; j < hidden; j++) lstmBackLanes(dout, dh, dc, saved, c, dg, db, gb, (<usize>j) << 2, 1);
}

// Writes one gate's pre-activation gradient and adds it to the bias-gradient column sums.
// @ts-ignore: decorator
@inline function gateGrad(dg: usize, db: usize, ob: usize, v: v128, lanes: i32): void {
  st(dg + ob, v, lanes);
  addTo(db + ob, v, lanes);
}

// @ts-ignore: decorator
@inline function lstmBackLanes(dout: usize, dhp: usize, dcp: usize, saved: usize, c: usize, dg: usize, db: usize, gb: usize, jb: usize, lanes: i32): void {
  const one = f32x4.splat(1);
  const i = ld(saved + jb, lanes);
  const f = ld(saved + jb + gb, lanes);
  const gg = ld(saved + jb + 2 * gb, lanes);
  const o = ld(saved + jb + 3 * gb, lanes);
  const tc = ld(saved + jb + 4 * gb, lanes);
  const dh = f32x4.add(ld(dout + jb, lanes), ld(dhp + jb, lanes));
  const dc = f32x4.add(ld(dcp + jb, lanes), f32x4.mul(f32x4.mul(dh, o), f32x4.sub(one, f32x4.mul(tc, tc))));
  gateGrad(dg, db, jb, f32x4.mul(f32x4.mul(dc, gg), f32x4.mul(i, f32x4.sub(one, i))), lanes);
  gateGrad(dg, db, jb + gb, f32x4.mul(f32x4.mul(dc, ld(c + jb, lanes)), f32x4.mul(f, f32x4.sub(one, f))), lanes);
  gateGrad(dg, db, jb + 2 * gb, f32x4.mul(f32x4.mul(dc, i), f32x4.sub(one, f32x4.mul(gg, gg))), lanes);
  gateGrad(dg, db, jb + 3 * gb, f32x4.mul(f32x4.mul(dh, tc), f32x4.mul(o, f32x4.sub(one, o))), lanes);
  st(dcp + jb, f32x4.mul(dc, f), lanes);
}
