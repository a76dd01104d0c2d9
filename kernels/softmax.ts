// Softmax and log-softmax over the last axis of a [rows, n] matrix, numerically stable (the row
// max is subtracted before exp), with their backward rules. Also the row log-sum-exp that the
// cross-entropy loss shares.
import { at } from './memory';
import { expV, logS, maxLanes, sumLanes } from './simd-math';

/** max_j x[j] over one row at byte address xb, n ≥ 1. */
// @ts-ignore: decorator
@inline function rowMax(xb: usize, end: usize): f32 {
  let m = f32x4.splat(-Infinity);
  let j: usize = 0;
  for (; j + 16 <= end; j += 16) m = f32x4.pmax(m, v128.load(xb + j));
  let s = maxLanes(m);
  for (; j < end; j += 4) s = max(s, load<f32>(xb + j));
  return s;
}

/** out[j] = e^(x[j] − shift); returns Σ_j out[j]. */
// @ts-ignore: decorator
@inline function expShifted(xb: usize, ob: usize, end: usize, shift: f32): f32 {
  const sv = f32x4.splat(shift);
  let acc = f32x4.splat(0);
  let j: usize = 0;
  for (; j + 16 <= end; j += 16) {
    const e = expV(f32x4.sub(v128.load(xb + j), sv));
    v128.store(ob + j, e);
    acc = f32x4.add(acc, e);
  }
  let s = sumLanes(acc);
  for (; j < end; j += 4) {
    const e = f32x4.extract_lane(expV(f32x4.splat(load<f32>(xb + j) - shift)), 0);
    store<f32>(ob + j, e);
    s += e;
  }
  return s;
}

/** Σ_j a[j] · b[j] over one row. */
// @ts-ignore: decorator
@inline function rowDot(ab: usize, bb: usize, end: usize): f32 {
  let acc = f32x4.splat(0);
  let j: usize = 0;
  for (; j + 16 <= end; j += 16) acc = f32x4.add(acc, f32x4.mul(v128.load(ab + j), v128.load(bb + j)));
  let s = sumLanes(acc);
  for (; j < end; j += 4) s += load<f32>(ab + j) * load<f32>(bb + j);
  return s;
}

/** ln Σ_j e^x[j] of the row at xb, using `tmp` (n floats) for the exponentials. */
// @ts-ignore: decorator
@inline export function rowLogSumExp(xb: usize, tmp: usize, end: usize): f32 {
  const m = rowMax(xb, end);
  return m + logS(expShifted(xb, tmp, end, m));
}

/** out[r, :] = softmax(x[r, :]). */
export function softmax(rows: i32, n: i32, x: i32, out: i32): void {
  const end = (<usize>n) << 2;
  for (let r = 0; r < rows; r++) {
    const xb = at(x + r * n), ob = at(out + r * n);
    const inv = f32x4.splat(<f32>1 / expShifted(xb, ob, end, rowMax(xb, end)));
    let j: usize = 0;
    for (; j + 16 <= end; j += 16) v128.store(ob + j, f32x4.mul(v128.load(ob + j), inv));
    for (; j < end; j += 4) store<f32>(ob + j, load<f32>(ob + j) * f32x4.extract_lane(inv, 0));
  }
}

/** dx += y ⊙ (dy − Σ_j dy[j]·y[j]), row by row, from y = softmax(x). */
export function softmaxBackward(rows: i32, n: i32, y: i32, dy: i32, dx: i32): void {
  const end = (<usize>n) << 2;
  for (let r = 0; r < rows; r++) {
    const yb = at(y + r * n), gb = at(dy + r * n), db = at(dx + r * n);
    const s = rowDot(yb, gb, end);
    const sv = f32x4.splat(s);
    let j: usize = 0;
    for (; j + 16 <= end; j += 16) {
      const t = f32x4.mul(v128.load(yb + j), f32x4.sub(v128.load(gb + j), sv));
      v128.store(db + j, f32x4.add(v128.load(db + j), t));
    }
    for (; j < end; j += 4) store<f32>(db + j, load<f32>(db + j) + load<f32>(yb + j) * (load<f32>(gb + j) - s));
  }
}

/** out[r, :] = x[r, :] − ln Σ_j e^x[r, j]. */
export function logSoftmax(rows: i32, n: i32, x: i32, out: i32): void {
  const end = (<usize>n) << 2;
  for (let r = 0; r < rows; r++) {
    const xb = at(x + r * n), ob = at(out + r * n);
    const lse = rowLogSumExp(xb, ob, end); // ob holds the exponentials until overwritten below
    const lv = f32x4.splat(lse);
    let j: usize = 0;
    for (; j + 16 <= end; j += 16) v128.store(ob + j, f32x4.sub(v128.load(xb + j), lv));
    for (; j < end; j += 4) store<f32>(ob + j, load<f32>(xb + j) - lse);
  }
}

/** dx += dy − e^y · Σ_j dy[j], row by row, from y = logSoftmax(x). */
export function logSoftmaxBackward(rows: i32, n: i32, y: i32, dy: i32, dx: i32): void {
  const end = (<usize>n) << 2;
  for (let r = 0; r < rows; r++) {
    const yb = at(y + r * n), gb = at(dy + r * n), db = at(dx + r * n);
    let acc = f32x4.splat(0);
    let j: usize = 0;
    for (; j + 16 <= end; j += 16) acc = f32x4.add(acc, v128.load(gb + j));
    let s = sumLanes(acc);
    for (; j < end; j += 4) s += load<f32>(gb + j);
    const sv = f32x4.splat(s);
    for (j = 0; j + 16 <= end; j += 16) {
      const t = f32x4.sub(v128.load(gb + j), f32x4.mul(expV(v128.load(yb + j)), sv));
      v128.store(db + j, f32x4.add(v128.load(db + j), t));
    }
    for (; j < end; j += 4) {
      const e = f32x4.extract_lane(expV(f32x4.splat(load<f32>(yb + j))), 0);
      store<f32>(db + j, load<f32>(db + j) + load<f32>(gb + j) - e * s);
    }
  }
}
