// Elementwise maps y = f(x) and their backward rules dx += dy · f'(…), SIMD with the fast
// transcendental functions of simd-math.ts. Each backward takes what the op saved: the output y
// where f' is cheaper from it (sigmoid, tanh, relu, sqrt), else the input x.
import { at } from './memory';
import { accumulateBinary, mapUnary } from './map';
import { expV, logV, sigmoidV, tanhV } from './simd-math';

// @ts-ignore: decorator
@final @unmanaged class Sigmoid { @inline v(x: v128): v128 { return sigmoidV(x); } }
// @ts-ignore: decorator
@final @unmanaged class Tanh { @inline v(x: v128): v128 { return tanhV(x); } }
// @ts-ignore: decorator
@final @unmanaged class Relu { @inline v(x: v128): v128 { return f32x4.pmax(x, f32x4.splat(0)); } }
// @ts-ignore: decorator
@final @unmanaged class Sqrt { @inline v(x: v128): v128 { return f32x4.sqrt(x); } }
// @ts-ignore: decorator
@final @unmanaged class Abs { @inline v(x: v128): v128 { return f32x4.abs(x); } }
// @ts-ignore: decorator
@final @unmanaged class Square { @inline v(x: v128): v128 { return f32x4.mul(x, x); } }
// @ts-ignore: decorator
@final @unmanaged class Exp { @inline v(x: v128): v128 { return expV(x); } }
// @ts-ignore: decorator
@final @unmanaged class Log { @inline v(x: v128): v128 { return logV(x); } }

/** dy · y(1 − y), from y = σ(x). */
// @ts-ignore: decorator
@final @unmanaged class SigmoidGrad {
  // @ts-ignore: decorator
  @inline v(y: v128, dy: v128): v128 { return f32x4.mul(dy, f32x4.mul(y, f32x4.sub(f32x4.splat(1), y))); }
}
/** dy · (1 − y²), from y = tanh(x). */
// @ts-ignore: decorator
@final @unmanaged class TanhGrad {
  // @ts-ignore: decorator
  @inline v(y: v128, dy: v128): v128 { return f32x4.mul(dy, f32x4.sub(f32x4.splat(1), f32x4.mul(y, y))); }
}
/** dy where y > 0. */
// @ts-ignore: decorator
@final @unmanaged class ReluGrad {
  // @ts-ignore: decorator
  @inline v(y: v128, dy: v128): v128 { return v128.and(dy, f32x4.gt(y, f32x4.splat(0))); }
}
/** dy / (2y), from y = √x. */
// @ts-ignore: decorator
@final @unmanaged class SqrtGrad {
  // @ts-ignore: decorator
  @inline v(y: v128, dy: v128): v128 { return f32x4.div(f32x4.mul(dy, f32x4.splat(0.5)), y); }
}
/** dy · sign(x), sign(0) = 0. */
// @ts-ignore: decorator
@final @unmanaged class AbsGrad {
  // @ts-ignore: decorator
  @inline v(x: v128, dy: v128): v128 {
    const sign = v128.or(v128.and(x, f32x4.splat(-0.0)), f32x4.splat(1)); // ±1 with x's sign
    return v128.and(f32x4.mul(dy, sign), f32x4.ne(x, f32x4.splat(0)));
  }
}
/** 2x · dy. */
// @ts-ignore: decorator
@final @unmanaged class SquareGrad {
  // @ts-ignore: decorator
  @inline v(x: v128, dy: v128): v128 { return f32x4.mul(f32x4.add(x, x), dy); }
}
/** dy / x. */
// @ts-ignore: decorator
@final @unmanaged class LogGrad {
  // @ts-ignore: decorator
  @inline v(x: v128, dy: v128): v128 { return f32x4.div(dy, x); }
}

/** out = σ(x). */
export function sigmoid(n: i32, x: i32, out: i32): void { mapUnary<Sigmoid>(n, x, out); }
/** dx += dy · y(1 − y). */
export function sigmoidBackward(n: i32, y: i32, dy: i32, dx: i32): void { accumulateBinary<SigmoidGrad>(n, y, dy, dx); }

/** out = tanh(x). */
export function tanh(n: i32, x: i32, out: i32): void { mapUnary<Tanh>(n, x, out); }
/** dx += dy · (1 − y²). */
export function tanhBackward(n: i32, y: i32, dy: i32, dx: i32): void { accumulateBinary<TanhGrad>(n, y, dy, dx); }

/** out = max(x, 0). */
export function relu(n: i32, x: i32, out: i32): void { mapUnary<Relu>(n, x, out); }
/** dx += dy where y > 0. */
export function reluBackward(n: i32, y: i32, dy: i32, dx: i32): void { accumulateBinary<ReluGrad>(n, y, dy, dx); }

/** out = √x. */
function sqrtMap(n: i32, x: i32, out: i32): void { mapUnary<Sqrt>(n, x, out); }
/** dx += dy / (2y). */
export function sqrtBackward(n: i32, y: i32, dy: i32, dx: i32): void { accumulateBinary<SqrtGrad>(n, y, dy, dx); }

/** out = |x|. */
function absMap(n: i32, x: i32, out: i32): void { mapUnary<Abs>(n, x, out); }
/** dx += dy · sign(x). */
export function absBackward(n: i32, x: i32, dy: i32, dx: i32): void { accumulateBinary<AbsGrad>(n, x, dy, dx); }

/** out = x². */
export function square(n: i32, x: i32, out: i32): void { mapUnary<Square>(n, x, out); }
/** dx += 2x · dy. */
export function squareBackward(n: i32, x: i32, dy: i32, dx: i32): void { accumulateBinary<SquareGrad>(n, x, dy, dx); }

/** out = eˣ, x clamped to [−87, 88]. Backward: addProduct(dy, y). */
function expMap(n: i32, x: i32, out: i32): void { mapUnary<Exp>(n, x, out); }

/** out = ln x. */
function logMap(n: i32, x: i32, out: i32): void { mapUnary<Log>(n, x, out); }
/** dx += dy / x. */
export function logBackward(n: i32, x: i32, dy: i32, dx: i32): void { accumulateBinary<LogGrad>(n, x, dy, dx); }

// these names would shadow AssemblyScript's builtins inside this file
export { sqrtMap as sqrt, absMap as abs, expMap as exp, logMap as log };

/** out = min(max(x, low), high). */
export function clamp(n: i32, low: f32, high: f32, x: i32, out: i32): void {
  const lo = f32x4.splat(low), hi = f32x4.splat(high);
  const xb = at(x), ob = at(out);
  const end = (<usize>n) << 2;
  let i: usize = 0;
  for (; i + 16 <= end; i += 16) v128.store(ob + i, f32x4.pmin(f32x4.pmax(v128.load(xb + i), lo), hi));
  for (; i < end; i += 4) store<f32>(ob + i, min(max(load<f32>(xb + i), low), high));
}

/** dx += dy where low < x < high (the gradient is 0 where clamp saturates). */
export function clampBackward(n: i32, low: f32, high: f32, x: i32, dy: i32, dx: i32): void {
  const lo = f32x4.splat(low), hi = f32x4.splat(high);
  const xb = at(x), gb = at(dy), db = at(dx);
  const end = (<usize>n) << 2;
  let i: usize = 0;
  for (; i + 16 <= end; i += 16) {
    const xv = v128.load(xb + i);
    const inside = v128.and(f32x4.gt(xv, lo), f32x4.lt(xv, hi));
    v128.store(db + i, f32x4.add(v128.load(db + i), v128.and(v128.load(gb + i), inside)));
  }
  for (; i < end; i += 4) {
    const xv = load<f32>(xb + i);
    if (xv > low && xv < high) store<f32>(db + i, load<f32>(db + i) + load<f32>(gb + i));
  }
}
