// Mean losses over n elements (or rows), each writing a scalar out[0], and their backward rules,
// which read the loss gradient dy[0] from the heap and add into dx.
import { at } from './memory';
import { rowLogSumExp } from './softmax';
import { expV, logV, sigmoidV, sumLanes } from './simd-math';

/** max(x, 0) − x·t + ln(1 + e^−|x|): BCE on logits, stable for any x. */
// @ts-ignore: decorator
@inline function bceV(x: v128, t: v128): v128 {
  const soft = logV(f32x4.add(f32x4.splat(1), expV(f32x4.neg(f32x4.abs(x)))));
  return f32x4.add(f32x4.sub(f32x4.pmax(x, f32x4.splat(0)), f32x4.mul(x, t)), soft);
}

/** out[0] = mean_i bce(x[i], t[i·tStride]); tStride 0 broadcasts one target. */
export function bceWithLogits(n: i32, x: i32, t: i32, tStride: i32, out: i32): void {
  const xb = at(x), tb = at(t);
  const end = (<usize>n) << 2;
  let acc = f32x4.splat(0);
  let i: usize = 0;
  if (tStride == 0) {
    const tv = v128.load32_splat(tb);
    for (; i + 16 <= end; i += 16) acc = f32x4.add(acc, bceV(v128.load(xb + i), tv));
  } else {
    for (; i + 16 <= end; i += 16) acc = f32x4.add(acc, bceV(v128.load(xb + i), v128.load(tb + i)));
  }
  let s = sumLanes(acc);
  for (; i < end; i += 4) {
    const tv = f32x4.splat(load<f32>(tb + (tStride ? i : 0)));
    s += f32x4.extract_lane(bceV(f32x4.splat(load<f32>(xb + i)), tv), 0);
  }
  store<f32>(at(out), s / <f32>n);
}

/** dx[i] += dy[0]/n · (σ(x[i]) − t[i·tStride]). */
export function bceWithLogitsBackward(n: i32, x: i32, t: i32, tStride: i32, dy: i32, dx: i32): void {
  const xb = at(x), tb = at(t), db = at(dx);
  const g = load<f32>(at(dy)) / <f32>n;
  const gv = f32x4.splat(g);
  const end = (<usize>n) << 2;
  let i: usize = 0;
  for (; i + 16 <= end; i += 16) {
    const tv = tStride ? v128.load(tb + i) : v128.load32_splat(tb);
    const d = f32x4.mul(gv, f32x4.sub(sigmoidV(v128.load(xb + i)), tv));
    v128.store(db + i, f32x4.add(v128.load(db + i), d));
  }
  for (; i < end; i += 4) {
    const s = f32x4.extract_lane(sigmoidV(f32x4.splat(load<f32>(xb + i))), 0);
    store<f32>(db + i, load<f32>(db + i) + g * (s - load<f32>(tb + (tStride ? i : 0))));
  }
}

/** out[0] = mean_i (a[i] − b[i])². */
export function mseLoss(n: i32, a: i32, b: i32, out: i32): void {
  const ab = at(a), bb = at(b);
  const end = (<usize>n) << 2;
  let acc = f32x4.splat(0);
  let i: usize = 0;
  for (; i + 16 <= end; i += 16) {
    const d = f32x4.sub(v128.load(ab + i), v128.load(bb + i));
    acc = f32x4.add(acc, f32x4.mul(d, d));
  }
  let s = sumLanes(acc);
  for (; i < end; i += 4) {
    const d = load<f32>(ab + i) - load<f32>(bb + i);
    s += d * d;
  }
  store<f32>(at(out), s / <f32>n);
}

/** dx[i] += dy[0] · 2 (a[i] − b[i]) / n (call with a and b swapped for b's gradient). */
export function mseLossBackward(n: i32, a: i32, b: i32, dy: i32, dx: i32): void {
  const ab = at(a), bb = at(b), db = at(dx);
  const g = load<f32>(at(dy)) * <f32>2 / <f32>n;
  const gv = f32x4.splat(g);
  const end = (<usize>n) << 2;
  let i: usize = 0;
  for (; i + 16 <= end; i += 16) {
    const d = f32x4.mul(gv, f32x4.sub(v128.load(ab + i), v128.load(bb + i)));
    v128.store(db + i, f32x4.add(v128.load(db + i), d));
  }
  for (; i < end; i += 4) store<f32>(db + i, load<f32>(db + i) + g * (load<f32>(ab + i) - load<f32>(bb + i)));
}

/** out[0] = mean_i |a[i] − b[i]|. */
export function maeLoss(n: i32, a: i32, b: i32, out: i32): void {
  const ab = at(a), bb = at(b);
  const end = (<usize>n) << 2;
  let acc = f32x4.splat(0);
  let i: usize = 0;
  for (; i + 16 <= end; i += 16) acc = f32x4.add(acc, f32x4.abs(f32x4.sub(v128.load(ab + i), v128.load(bb + i))));
  let s = sumLanes(acc);
  for (; i < end; i += 4) s += Mathf.abs(load<f32>(ab + i) - load<f32>(bb + i));
  store<f32>(at(out), s / <f32>n);
}

/** dx[i] += dy[0] · sign(a[i] − b[i]) / n, sign(0) = 0. */
export function maeLossBackward(n: i32, a: i32, b: i32, dy: i32, dx: i32): void {
  const ab = at(a), bb = at(b), db = at(dx);
  const g = load<f32>(at(dy)) / <f32>n;
  const end = (<usize>n) << 2;
  for (let i: usize = 0; i < end; i += 4) {
    const d = load<f32>(ab + i) - load<f32>(bb + i);
    const s: f32 = d > 0 ? g : d < 0 ? -g : 0;
    store<f32>(db + i, load<f32>(db + i) + s);
  }
}

/**
 * out[0] = mean_r (lse[r] − x[r, t_r]) over rows of logits x [rows, v]; writes lse[r] = ln Σ_j e^x[r,j]
 * for the backward. `probs` [v] is scratch.
 */
export function crossEntropy(rows: i32, v: i32, x: i32, targets: i32, lse: i32, probs: i32, out: i32): void {
  const end = (<usize>v) << 2;
  let s: f32 = 0;
  for (let r = 0; r < rows; r++) {
    const xb = at(x + r * v);
    const l = rowLogSumExp(xb, at(probs), end);
    store<f32>(at(lse + r), l);
    const t = <i32>load<f32>(at(targets + r));
    s += l - load<f32>(xb + ((<usize>t) << 2));
  }
  store<f32>(at(out), s / <f32>rows);
}

/** dx[r, j] += dy[0]/rows · (e^(x[r,j] − lse[r]) − [j = t_r]). */
export function crossEntropyBackward(rows: i32, v: i32, x: i32, targets: i32, lse: i32, dy: i32, dx: i32): void {
  const g = load<f32>(at(dy)) / <f32>rows;
  const gv = f32x4.splat(g);
  const end = (<usize>v) << 2;
  for (let r = 0; r < rows; r++) {
    const xb = at(x + r * v), db = at(dx + r * v);
    const lv = f32x4.splat(load<f32>(at(lse + r)));
    let j: usize = 0;
    for (; j + 16 <= end; j += 16) {
      const p = expV(f32x4.sub(v128.load(xb + j), lv));
      v128.store(db + j, f32x4.add(v128.load(db + j), f32x4.mul(gv, p)));
    }
    for (; j < end; j += 4) {
      const p = f32x4.extract_lane(expV(f32x4.sub(f32x4.splat(load<f32>(xb + j)), lv)), 0);
      store<f32>(db + j, load<f32>(db + j) + g * p);
    }
    const tb = db + ((<usize>(<i32>load<f32>(at(targets + r)))) << 2);
    store<f32>(tb, load<f32>(tb) - g);
  }
}
