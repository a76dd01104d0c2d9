// Reductions over one axis of a tensor seen as [outer, len, inner] (the reduced axis in the
// middle), their broadcasting duals, population variance and the sum of squares. SIMD runs over
// `inner` when it is wide, else over the contiguous `len` (inner = 1: the last axis).
import { at } from './memory';
import { sumLanes } from './simd-math';

/** Σ_k x[k] for len contiguous floats at xb. */
// @ts-ignore: decorator
@inline function contiguousSum(xb: usize, len: i32): f32 {
  const end = (<usize>len) << 2;
  let a = f32x4.splat(0), b = f32x4.splat(0);
  let k: usize = 0;
  for (; k + 32 <= end; k += 32) {
    a = f32x4.add(a, v128.load(xb + k));
    b = f32x4.add(b, v128.load(xb + k, 16));
  }
  for (; k + 16 <= end; k += 16) a = f32x4.add(a, v128.load(xb + k));
  let s = sumLanes(f32x4.add(a, b));
  for (; k < end; k += 4) s += load<f32>(xb + k);
  return s;
}

/** out (+)= alpha · s, four lanes at byte address ob. */
// @ts-ignore: decorator
@inline function storeScaled(ob: usize, s: v128, alpha: v128, accumulate: i32): void {
  s = f32x4.mul(alpha, s);
  v128.store(ob, accumulate ? f32x4.add(s, v128.load(ob)) : s);
}

/**
 * out[i] (+)= alpha · Σ_k x[k, i] over a [len, inner] slab at xb (byte addresses). Blocks of
 * 16 columns fill a cache line per row and keep four accumulators in flight.
 */
export function columnSums(xb: usize, len: i32, inner: i32, alpha: f32, ob: usize, accumulate: i32): void {
  const stride = (<usize>inner) << 2;
  const av = f32x4.splat(alpha);
  let i: usize = 0;
  for (; i + 64 <= stride; i += 64) {
    let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
    let p = xb + i;
    for (let k = 0; k < len; k++) {
      s0 = f32x4.add(s0, v128.load(p));
      s1 = f32x4.add(s1, v128.load(p, 16));
      s2 = f32x4.add(s2, v128.load(p, 32));
      s3 = f32x4.add(s3, v128.load(p, 48));
      p += stride;
    }
    storeScaled(ob + i, s0, av, accumulate);
    storeScaled(ob + i + 16, s1, av, accumulate);
    storeScaled(ob + i + 32, s2, av, accumulate);
    storeScaled(ob + i + 48, s3, av, accumulate);
  }
  for (; i + 16 <= stride; i += 16) {
    let s = f32x4.splat(0);
    for (let k = 0; k < len; k++) s = f32x4.add(s, v128.load(xb + i + (<usize>k) * stride));
    storeScaled(ob + i, s, av, accumulate);
  }
  for (; i < stride; i += 4) {
    let s: f32 = 0;
    for (let k = 0; k < len; k++) s += load<f32>(xb + i + (<usize>k) * stride);
    store<f32>(ob + i, (accumulate ? load<f32>(ob + i) : 0) + alpha * s);
  }
}

/** out[o, i] (+)= alpha · Σ_k x[o, k, i]. */
export function sumAxis(outer: i32, len: i32, inner: i32, alpha: f32, x: i32, out: i32, accumulate: i32): void {
  for (let o = 0; o < outer; o++) {
    const xb = at(x + o * len * inner), ob = at(out + o * inner);
    if (inner == 1) {
      const s = alpha * contiguousSum(xb, len);
      store<f32>(ob, accumulate ? load<f32>(ob) + s : s);
    } else {
      columnSums(xb, len, inner, alpha, ob, accumulate);
    }
  }
}

/** out[o, k, i] (+)= alpha · x[o, i] for k < len: the dual of sumAxis. */
export function broadcastAxis(outer: i32, len: i32, inner: i32, alpha: f32, x: i32, out: i32, accumulate: i32): void {
  const rowBytes = (<usize>inner) << 2;
  const av = f32x4.splat(alpha);
  for (let o = 0; o < outer; o++) {
    const xb = at(x + o * inner);
    if (inner == 1) {
      fillRun(at(out + o * len), len, alpha * load<f32>(xb), accumulate); // SIMD over k instead
      continue;
    }
    for (let k = 0; k < len; k++) {
      const ob = at(out + (o * len + k) * inner);
      let i: usize = 0;
      for (; i + 16 <= rowBytes; i += 16) {
        let s = f32x4.mul(av, v128.load(xb + i));
        if (accumulate) s = f32x4.add(s, v128.load(ob + i));
        v128.store(ob + i, s);
      }
      for (; i < rowBytes; i += 4) store<f32>(ob + i, (accumulate ? load<f32>(ob + i) : 0) + alpha * load<f32>(xb + i));
    }
  }
}

/** out[k] (+)= v for k < len. */
// @ts-ignore: decorator
@inline function fillRun(ob: usize, len: i32, v: f32, accumulate: i32): void {
  const end = (<usize>len) << 2;
  const vv = f32x4.splat(v);
  let k: usize = 0;
  if (accumulate) {
    for (; k + 16 <= end; k += 16) v128.store(ob + k, f32x4.add(v128.load(ob + k), vv));
    for (; k < end; k += 4) store<f32>(ob + k, load<f32>(ob + k) + v);
  } else {
    for (; k + 16 <= end; k += 16) v128.store(ob + k, vv);
    for (; k < end; k += 4) store<f32>(ob + k, v);
  }
}

/** mean[o, i] = Σ_k x[o, k, i] / len; out[o, i] = Σ_k (x[o, k, i] − mean[o, i])² / len. */
export function variance(outer: i32, len: i32, inner: i32, x: i32, mean: i32, out: i32): void {
  sumAxis(outer, len, inner, <f32>1 / <f32>len, x, mean, 0);
  const stride = (<usize>inner) << 2;
  const inv = <f32>1 / <f32>len;
  for (let o = 0; o < outer; o++) {
    const xb = at(x + o * len * inner), mb = at(mean + o * inner), ob = at(out + o * inner);
    let i: usize = 0;
    for (; i + 16 <= stride; i += 16) {
      const m = v128.load(mb + i);
      let s = f32x4.splat(0);
      for (let k = 0; k < len; k++) {
        const d = f32x4.sub(v128.load(xb + i + (<usize>k) * stride), m);
        s = f32x4.add(s, f32x4.mul(d, d));
      }
      v128.store(ob + i, f32x4.mul(s, f32x4.splat(inv)));
    }
    for (; i < stride; i += 4) {
      const m = load<f32>(mb + i);
      let s: f32 = 0;
      for (let k = 0; k < len; k++) {
        const d = load<f32>(xb + i + (<usize>k) * stride) - m;
        s += d * d;
      }
      store<f32>(ob + i, s * inv);
    }
  }
}

/** dx[o, k, i] += dy[o, i] · 2 (x[o, k, i] − mean[o, i]) / len. */
export function varianceBackward(outer: i32, len: i32, inner: i32, x: i32, mean: i32, dy: i32, dx: i32): void {
  const stride = (<usize>inner) << 2;
  const c = <f32>2 / <f32>len;
  for (let o = 0; o < outer; o++) {
    const base = o * len * inner;
    const mb = at(mean + o * inner), gb = at(dy + o * inner);
    for (let k = 0; k < len; k++) {
      const xb = at(x + base + k * inner), db = at(dx + base + k * inner);
      let i: usize = 0;
      for (; i + 16 <= stride; i += 16) {
        const g = f32x4.mul(f32x4.mul(v128.load(gb + i), f32x4.splat(c)), f32x4.sub(v128.load(xb + i), v128.load(mb + i)));
        v128.store(db + i, f32x4.add(v128.load(db + i), g));
      }
      for (; i < stride; i += 4) {
        store<f32>(db + i, load<f32>(db + i) + load<f32>(gb + i) * c * (load<f32>(xb + i) - load<f32>(mb + i)));
      }
    }
  }
}

/** out[0] (+)= Σ_i x[i]² (for the global gradient norm). */
export function sumSquares(n: i32, x: i32, out: i32, accumulate: i32): void {
  const xb = at(x);
  const end = (<usize>n) << 2;
  let a = f32x4.splat(0), b = f32x4.splat(0);
  let i: usize = 0;
  for (; i + 32 <= end; i += 32) {
    const u = v128.load(xb + i), w = v128.load(xb + i, 16);
    a = f32x4.add(a, f32x4.mul(u, u));
    b = f32x4.add(b, f32x4.mul(w, w));
  }
  for (; i + 16 <= end; i += 16) {
    const u = v128.load(xb + i);
    a = f32x4.add(a, f32x4.mul(u, u));
  }
  let s = sumLanes(f32x4.add(a, b));
  for (; i < end; i += 4) s += load<f32>(xb + i) * load<f32>(xb + i);
  const ob = at(out);
  store<f32>(ob, accumulate ? load<f32>(ob) + s : s);
}
