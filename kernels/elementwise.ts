// Elementwise kernels over flat float32 arrays (SIMD, scalar tail).
import { at } from './memory';

/** y[i] += alpha · x[i] for i < n. */
export function axpy(n: i32, alpha: f32, x: i32, y: i32): void {
  const xb = at(x);
  const yb = at(y);
  const a = f32x4.splat(alpha);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const ib = (<usize>i) << 2;
    v128.store(yb + ib, f32x4.add(v128.load(yb + ib), f32x4.mul(a, v128.load(xb + ib))));
  }
  for (; i < n; i++) {
    const ib = (<usize>i) << 2;
    store<f32>(yb + ib, load<f32>(yb + ib) + alpha * load<f32>(xb + ib));
  }
}
