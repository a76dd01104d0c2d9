// Generic SIMD loop drivers: an op is a zero-size functor class whose inline method `v` works on
// four lanes; the scalar tail runs the same `v` on one splatted lane, so every element of a
// tensor gets bit-identical math. Fully inlined at -O3: no calls in the loops.
//
//   @final @unmanaged class Square { @inline v(x: v128): v128 { return f32x4.mul(x, x); } }
//   export function square(n: i32, x: i32, out: i32): void { mapUnary<Square>(n, x, out); }
import { at } from './memory';

// @ts-ignore: decorator
@inline function lane(x: f32): v128 {
  return f32x4.splat(x);
}

/** out[i] = Op.v(x[i]). */
// @ts-ignore: decorator
@inline export function mapUnary<Op>(n: i32, x: i32, out: i32): void {
  const op = changetype<Op>(0);
  const xb = at(x), ob = at(out);
  const end = (<usize>n) << 2;
  let i: usize = 0;
  for (; i + 16 <= end; i += 16) v128.store(ob + i, op.v(v128.load(xb + i)));
  for (; i < end; i += 4) store<f32>(ob + i, f32x4.extract_lane(op.v(lane(load<f32>(xb + i))), 0));
}

/** out[i] = Op.v(a[i], b[i]). */
// @ts-ignore: decorator
@inline export function mapBinary<Op>(n: i32, a: i32, b: i32, out: i32): void {
  const op = changetype<Op>(0);
  const ab = at(a), bb = at(b), ob = at(out);
  const end = (<usize>n) << 2;
  let i: usize = 0;
  for (; i + 16 <= end; i += 16) v128.store(ob + i, op.v(v128.load(ab + i), v128.load(bb + i)));
  for (; i < end; i += 4) {
    const y = op.v(lane(load<f32>(ab + i)), lane(load<f32>(bb + i)));
    store<f32>(ob + i, f32x4.extract_lane(y, 0));
  }
}

/** out[i] += Op.v(a[i], b[i]): backward rules, which accumulate. */
// @ts-ignore: decorator
@inline export function accumulateBinary<Op>(n: i32, a: i32, b: i32, out: i32): void {
  const op = changetype<Op>(0);
  const ab = at(a), bb = at(b), ob = at(out);
  const end = (<usize>n) << 2;
  let i: usize = 0;
  for (; i + 16 <= end; i += 16) {
    v128.store(ob + i, f32x4.add(v128.load(ob + i), op.v(v128.load(ab + i), v128.load(bb + i))));
  }
  for (; i < end; i += 4) {
    const y = op.v(lane(load<f32>(ab + i)), lane(load<f32>(bb + i)));
    store<f32>(ob + i, load<f32>(ob + i) + f32x4.extract_lane(y, 0));
  }
}
