// Row broadcasts and column sums over row-major [rows, n] matrices (SIMD over n): the bias-like
// forms of add, sub and mul, where a vector v[n] meets every row.
import { at } from './memory';
import { columnSums } from './reduce';

// @ts-ignore: decorator
@final @unmanaged class Add { @inline v(a: v128, b: v128): v128 { return f32x4.add(a, b); } }
// @ts-ignore: decorator
@final @unmanaged class Sub { @inline v(a: v128, b: v128): v128 { return f32x4.sub(a, b); } }
// @ts-ignore: decorator
@final @unmanaged class Mul { @inline v(a: v128, b: v128): v128 { return f32x4.mul(a, b); } }

/** out[r, j] = Op.v(x[r, j], v[j]). */
// @ts-ignore: decorator
@inline function mapRows<Op>(rows: i32, n: i32, x: i32, v: i32, out: i32): void {
  const op = changetype<Op>(0);
  const vb = at(v);
  const end = (<usize>n) << 2;
  for (let r = 0; r < rows; r++) {
    const xr = at(x + r * n);
    const or = at(out + r * n);
    let j: usize = 0;
    for (; j + 16 <= end; j += 16) v128.store(or + j, op.v(v128.load(xr + j), v128.load(vb + j)));
    for (; j < end; j += 4) {
      const y = op.v(f32x4.splat(load<f32>(xr + j)), f32x4.splat(load<f32>(vb + j)));
      store<f32>(or + j, f32x4.extract_lane(y, 0));
    }
  }
}

/** out[r, j] = x[r, j] + v[j] (out may equal x). */
export function addRowVector(rows: i32, n: i32, x: i32, v: i32, out: i32): void {
  mapRows<Add>(rows, n, x, v, out);
}

/** out[r, j] = x[r, j] − v[j]. */
export function subRowVector(rows: i32, n: i32, x: i32, v: i32, out: i32): void {
  mapRows<Sub>(rows, n, x, v, out);
}

/** out[r, j] = x[r, j] · v[j]. */
export function mulRowVector(rows: i32, n: i32, x: i32, v: i32, out: i32): void {
  mapRows<Mul>(rows, n, x, v, out);
}

/** out[j] (+)= Σ_r x[r, j]. */
export function sumRows(rows: i32, n: i32, x: i32, out: i32, accumulate: i32): void {
  columnSums(at(x), rows, n, 1, at(out), accumulate);
}
