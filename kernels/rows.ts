// Row/column broadcasts and reductions over row-major [rows, n] matrices (SIMD over n).
import { at } from './memory';

/** out[r, j] = x[r, j] + v[j]. */
export function addRowVector(rows: i32, n: i32, x: i32, v: i32, out: i32): void {
  const vb = at(v);
  for (let r = 0; r < rows; r++) {
    const xr = at(x + r * n);
    const or = at(out + r * n);
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const jb = (<usize>j) << 2;
      v128.store(or + jb, f32x4.add(v128.load(xr + jb), v128.load(vb + jb)));
    }
    for (; j < n; j++) {
      const jb = (<usize>j) << 2;
      store<f32>(or + jb, load<f32>(xr + jb) + load<f32>(vb + jb));
    }
  }
}

/** out[j] (+)= Σ_r x[r, j]. */
export function sumRows(rows: i32, n: i32, x: i32, out: i32, accumulate: i32): void {
  const ob = at(out);
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const jb = (<usize>j) << 2;
    let s = accumulate ? v128.load(ob + jb) : f32x4.splat(0);
    for (let r = 0; r < rows; r++) s = f32x4.add(s, v128.load(at(x + r * n) + jb));
    v128.store(ob + jb, s);
  }
  for (; j < n; j++) {
    const jb = (<usize>j) << 2;
    let s: f32 = accumulate ? load<f32>(ob + jb) : 0;
    for (let r = 0; r < rows; r++) s += load<f32>(at(x + r * n) + jb);
    store<f32>(ob + jb, s);
  }
}
