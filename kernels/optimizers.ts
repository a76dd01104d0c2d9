// Fused optimizer updates: one pass per parameter reads the gradient, updates the moments and
// the parameter, and zeroes the gradient for the next step.
import { at } from './memory';

/**
 * Adam, in PyTorch's arithmetic order:
 *   m ← m + (1 − β1)(g − m);  v ← β2 v + (1 − β2) g²;
 *   p ← p − stepSize · (m / (√v / sqrtBc2 + ε));  g ← 0
 * with stepSize = lr / (1 − β1^t), sqrtBc2 = √(1 − β2^t) and 1 − β computed by the caller in
 * double precision (1 − β2 in float32 would lose five digits).
 */
export function adamUpdate(
  n: i32, param: i32, grad: i32, m: i32, v: i32,
  stepSize: f32, oneMinusBeta1: f32, beta2: f32, oneMinusBeta2: f32, sqrtBc2: f32, epsilon: f32,
): void {
  const pb = at(param), gb = at(grad), mb = at(m), vb = at(v);
  const c1 = f32x4.splat(oneMinusBeta1), b2 = f32x4.splat(beta2), c2 = f32x4.splat(oneMinusBeta2);
  const step = f32x4.splat(stepSize), bc = f32x4.splat(sqrtBc2), eps = f32x4.splat(epsilon);
  const zero = f32x4.splat(0);
  const end = (<usize>n) << 2;
  let i: usize = 0;
  for (; i + 16 <= end; i += 16) {
    const g = v128.load(gb + i);
    let mi = v128.load(mb + i);
    mi = f32x4.add(mi, f32x4.mul(c1, f32x4.sub(g, mi)));
    const vi = f32x4.add(f32x4.mul(b2, v128.load(vb + i)), f32x4.mul(c2, f32x4.mul(g, g)));
    const denom = f32x4.add(f32x4.div(f32x4.sqrt(vi), bc), eps);
    v128.store(pb + i, f32x4.sub(v128.load(pb + i), f32x4.mul(step, f32x4.div(mi, denom))));
    v128.store(mb + i, mi);
    v128.store(vb + i, vi);
    v128.store(gb + i, zero);
  }
  for (; i < end; i += 4) {
    const g = load<f32>(gb + i);
    let mi = load<f32>(mb + i);
    mi = mi + oneMinusBeta1 * (g - mi);
    const vi = beta2 * load<f32>(vb + i) + oneMinusBeta2 * (g * g);
    const denom = Mathf.sqrt(vi) / sqrtBc2 + epsilon;
    store<f32>(pb + i, load<f32>(pb + i) - stepSize * (mi / denom));
    store<f32>(mb + i, mi);
    store<f32>(vb + i, vi);
    store<f32>(gb + i, 0);
  }
}

/** SGD with momentum (PyTorch's form): b ← μ b + g; p ← p − lr · b; g ← 0. μ = 0 skips b. */
export function sgdUpdate(n: i32, param: i32, grad: i32, velocity: i32, learningRate: f32, momentum: f32): void {
  const pb = at(param), gb = at(grad), bb = at(velocity);
  const lr = f32x4.splat(learningRate), mu = f32x4.splat(momentum), zero = f32x4.splat(0);
  const end = (<usize>n) << 2;
  const useMomentum = momentum != 0;
  let i: usize = 0;
  for (; i + 16 <= end; i += 16) {
    let b = v128.load(gb + i);
    if (useMomentum) {
      b = f32x4.add(f32x4.mul(mu, v128.load(bb + i)), b);
      v128.store(bb + i, b);
    }
    v128.store(pb + i, f32x4.sub(v128.load(pb + i), f32x4.mul(lr, b)));
    v128.store(gb + i, zero);
  }
  for (; i < end; i += 4) {
    let b = load<f32>(gb + i);
    if (useMomentum) {
      b = momentum * load<f32>(bb + i) + b;
      store<f32>(bb + i, b);
    }
    store<f32>(pb + i, load<f32>(pb + i) - learningRate * b);
    store<f32>(gb + i, 0);
  }
}
