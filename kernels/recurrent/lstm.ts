// LSTM layer, one direction, all time steps in one call (PyTorch's equations, gate order i, f, g, o):
//   [i, f, g, o] = [σ, σ, tanh, σ](x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh)
//   c' = f ⊙ c + i ⊙ g        h' = o ⊙ tanh(c')
// Sequences are [batch, steps, width] at element offsets; `reverse` = 1 walks time backwards.
import { at } from '../memory';
import { sigmoidGate as sigmoidV, tanhGate as tanhV } from './gate-math';
import { BIAS, OVERWRITE, stepGemm } from './step-gemm';
import { PRODUCTS, forwardWork, layerGradients, projectInputs } from './layer';
import { addTo, copyFloats, ld, rowAt, st, stateToStep, timeAt, transposeInto } from './sequence';

/**
 * Forward. x [B,T,I]; wih [4H,I], whh [4H,H]; bih, bhh [4H]; h0, c0 [B,H]. Writes out rows (b,t) at
 * out + (b·T+t)·outWidth [H], hn, cn [B,H], hprev and cprev [B,T,H] (the states entering each step)
 * and saved [B,T,5H] = i, f, g, o, tanh(c'). work: B·T·4H + max(I,H)·4H + B·4H floats.
 */
export function lstmForward(
  batch: i32, steps: i32, inputs: i32, hidden: i32, reverse: i32, x: i32, wih: i32, whh: i32, bih: i32, bhh: i32,
  h0: i32, c0: i32, out: i32, outWidth: i32, hn: i32, cn: i32, hprev: i32, cprev: i32, saved: i32, work: i32,
): void {
  const g = 4 * hidden;
  const w = forwardWork(work, batch * steps, batch, inputs, hidden, g);
  projectInputs(batch * steps, inputs, g, x, wih, w.xw, w.weightT); // xw = x·W_ihᵀ [B,T,4H]
  const xw = w.xw;
  const wt = at(w.weightT); // W_hhᵀ [H, 4H]
  const acc = at(w.acc); // h·W_hhᵀ + b_hh of this step [B, 4H]
  transposeInto(at(whh), wt, g, hidden);
  const t0 = timeAt(0, steps, reverse);
  stateToStep(h0, hprev, t0, batch, steps, hidden);
  stateToStep(c0, cprev, t0, batch, steps, hidden);
  for (let s = 0; s < steps; s++) {
    const t = timeAt(s, steps, reverse);
    stepGemm(rowAt(hprev, 0, t, steps, hidden), steps * hidden, 1, wt, g, acc, g, batch, g, hidden, BIAS, at(bhh));
    const last = s + 1 == steps;
    const tn = timeAt(s + 1, steps, reverse);
    for (let b = 0; b < batch; b++) {
      const hNext = last ? at(hn + b * hidden) : rowAt(hprev, b, tn, steps, hidden);
      const cNext = last ? at(cn + b * hidden) : rowAt(cprev, b, tn, steps, hidden);
      lstmRow(
        rowAt(xw, b, t, steps, g), acc + ((<usize>(b * g)) << 2), at(bih), rowAt(cprev, b, t, steps, hidden),
        rowAt(saved, b, t, steps, 5 * hidden), rowAt(out, b, t, steps, outWidth), hNext, cNext, hidden,
      );
    }
  }
}

// One batch row of one step: gate math over the hidden units, 4 lanes at a time.
function lstmRow(xw: usize, acc: usize, bih: usize, c: usize, saved: usize, out: usize, hNext: usize, cNext: usize, hidden: i32): void {
  const gb = (<usize>hidden) << 2;
  let j = 0;
  for (; j + 4 <= hidden; j += 4) lstmLanes(xw, acc, bih, c, saved, out, hNext, cNext, gb, (<usize>j) << 2, 4);
  for (; j < hidden; j++) lstmLanes(xw, acc, bih, c, saved, out, hNext, cNext, gb, (<usize>j) << 2, 1);
}

// The pre-activation of the gate whose block starts at byte `ob` of the row.
// @ts-ignore: decorator
@inline function pre(xw: usize, acc: usize, bih: usize, ob: usize, lanes: i32): v128 {
  return f32x4.add(f32x4.add(ld(xw + ob, lanes), ld(bih + ob, lanes)), ld(acc + ob, lanes));
}

// @ts-ignore: decorator
@inline function lstmLanes(xw: usize, acc: usize, bih: usize, c: usize, saved: usize, out: usize, hNext: usize, cNext: usize, gb: usize, jb: usize, lanes: i32): void {
  const i = sigmoidV(pre(xw, acc, bih, jb, lanes));
  const f = sigmoidV(pre(xw, acc, bih, jb + gb, lanes));
  const gg = tanhV(pre(xw, acc, bih, jb + 2 * gb, lanes));
  const o = sigmoidV(pre(xw, acc, bih, jb + 3 * gb, lanes));
  const cNew = f32x4.add(f32x4.mul(f, ld(c + jb, lanes)), f32x4.mul(i, gg));
  const tc = tanhV(cNew);
  const hNew = f32x4.mul(o, tc);
  st(saved + jb, i, lanes);
  st(saved + jb + gb, f, lanes);
  st(saved + jb + 2 * gb, gg, lanes);
  st(saved + jb + 3 * gb, o, lanes);
  st(saved + jb + 4 * gb, tc, lanes);
  st(out + jb, hNew, lanes);
  st(hNext + jb, hNew, lanes);
  st(cNext + jb, cNew, lanes);
}

/**
 * Backward. dout rows (b,t) at dout + (b·T+t)·outWidth [H]; dhn, dcn [B,H]: gradients of the final
 * states. Writes dh0, dc0 [B,H] and accumulates, as `needs` asks (layer.ts), into dx [B,T,I], dwih,
 * dwhh, dbih, dbhh. The gate pre-activation gradients serve both sides (x and h, b_ih and b_hh).
 * work: B·T·4H + 4H + 2·B·H floats.
 */
export function lstmBackward(
  batch: i32, steps: i32, inputs: i32, hidden: i32, reverse: i32, x: i32, wih: i32, whh: i32, saved: i32, hprev: i32,
  cprev: i32, dout: i32, outWidth: i32, dhn: i32, dcn: i32, needs: i32, dx: i32, dwih: i32, dwhh: i32, dbih: i32,
  dbhh: i32, dh0: i32, dc0: i32, work: i32,
): void {
  const g = 4 * hidden;
  const rows = batch * steps;
  const p = PRODUCTS;
  p.x = x;
  p.hprev = hprev;
  p.dgx = work; // d(gate pre-activations) [B,T,4H]
  p.dgh = work;
  p.dbx = work + rows * g;
  p.dbh = p.dbx;
  const dh = at(p.dbx + g); // gradient reaching h between steps [B, H]
  const dc = dh + ((<usize>(batch * hidden)) << 2); // … and c [B, H]
  copyFloats(at(dhn), dh, batch * hidden);
  copyFloats(at(dcn), dc, batch * hidden);
  memory.fill(at(p.dbx), 0, (<usize>g) << 2);
  for (let s = steps - 1; s >= 0; s--) {
    const t = timeAt(s, steps, reverse);
    for (let b = 0; b < batch; b++) {
      const ob = (<usize>(b * hidden)) << 2;
      lstmBackRow(
        rowAt(dout, b, t, steps, outWidth), dh + ob, dc + ob, rowAt(saved, b, t, steps, 5 * hidden),
        rowAt(cprev, b, t, steps, hidden), rowAt(p.dgx, b, t, steps, g), at(p.dbx), hidden,
      );
    }
    stepGemm(rowAt(p.dgx, 0, t, steps, g), steps * g, 1, at(whh), hidden, dh, hidden, batch, hidden, g, OVERWRITE, 0);
  }
  copyFloats(dh, at(dh0), batch * hidden);
  copyFloats(dc, at(dc0), batch * hidden);
  layerGradients(needs, rows, inputs, hidden, g, p, wih, dx, dwih, dwhh, dbih, dbhh);
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
