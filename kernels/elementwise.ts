// Elementwise arithmetic over flat float32 arrays of n elements (SIMD body, scalar tail).
// Forward kernels overwrite `out` (which may equal an input); axpy and addProduct add into it.
import { at } from './memory';
import { accumulateBinary, mapBinary } from './map';

// @ts-ignore: decorator
@final @unmanaged class Add { @inline v(a: v128, b: v128): v128 { return f32x4.add(a, b); } }
// @ts-ignore: decorator
@final @unmanaged class Sub { @inline v(a: v128, b: v128): v128 { return f32x4.sub(a, b); } }
// @ts-ignore: decorator
@final @unmanaged class Mul { @inline v(a: v128, b: v128): v128 { return f32x4.mul(a, b); } }

/** out[i] = a[i] + b[i]. */
export function add(n: i32, a: i32, b: i32, out: i32): void {
  mapBinary<Add>(n, a, b, out);
}

/** out[i] = a[i] − b[i]. */
export function sub(n: i32, a: i32, b: i32, out: i32): void {
  mapBinary<Sub>(n, a, b, out);
}

/** out[i] = a[i] · b[i]. */
export function mul(n: i32, a: i32, b: i32, out: i32): void {
  mapBinary<Mul>(n, a, b, out);
}

/** out[i] += a[i] · b[i] (the backward of mul and exp). */
export function addProduct(n: i32, a: i32, b: i32, out: i32): void {
  accumulateBinary<Mul>(n, a, b, out);
}

/** y[i] += alpha · x[i]. */
export function axpy(n: i32, alpha: f32, x: i32, y: i32): void {
  const xb = at(x), yb = at(y);
  const a = f32x4.splat(alpha);
  const end = (<usize>n) << 2;
  let i: usize = 0;
  for (; i + 16 <= end; i += 16) v128.store(yb + i, f32x4.add(v128.load(yb + i), f32x4.mul(a, v128.load(xb + i))));
  for (; i < end; i += 4) store<f32>(yb + i, load<f32>(yb + i) + alpha * load<f32>(xb + i));
}

/** out[i] = alpha · x[i]. */
export function scale(n: i32, alpha: f32, x: i32, out: i32): void {
  const xb = at(x), ob = at(out);
  const a = f32x4.splat(alpha);
  const end = (<usize>n) << 2;
  let i: usize = 0;
  for (; i + 16 <= end; i += 16) v128.store(ob + i, f32x4.mul(a, v128.load(xb + i)));
  for (; i < end; i += 4) store<f32>(ob + i, alpha * load<f32>(xb + i));
}

/** out[i] = x[i] + s. */
export function addScalar(n: i32, s: f32, x: i32, out: i32): void {
  const xb = at(x), ob = at(out);
  const sv = f32x4.splat(s);
  const end = (<usize>n) << 2;
  let i: usize = 0;
  for (; i + 16 <= end; i += 16) v128.store(ob + i, f32x4.add(v128.load(xb + i), sv));
  for (; i < end; i += 4) store<f32>(ob + i, load<f32>(xb + i) + s);
}
