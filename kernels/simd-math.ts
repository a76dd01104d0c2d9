// Fast f32x4 transcendental functions (Cephes single-precision range reduction + polynomial,
// relative error ~1e-7) shared by the elementwise, row and recurrent kernels. Import, do not
// re-export from index.ts: v128 values cannot cross the JS boundary.
//
//   import { sigmoidV, tanhV } from './simd-math';
//   const g = sigmoidV(v128.load(p));        // four gates at once
//
// Each vector function has a scalar twin (`expS`, …) that runs the same lanes on one value, so
// a loop's scalar tail gives bit-identical results to its SIMD body.
//
// The constants live in a static table, fetched with one load each: V8 rebuilds every
// v128.const at each use (3–4 instructions, never hoisted out of a loop), which made these
// functions several times slower.

const EXP_LO = 0;
const EXP_HI = 1;
const LOG2E = 2;
const ROUND = 3;
const LN2_HI = 4;
const LN2_LO = 5;
const E5 = 6;
const E4 = 7;
const E3 = 8;
const E2 = 9;
const E1 = 10;
const E0 = 11;
const ONE = 12;
const TWO = 13;
const HALF = 14;
const T_SMALL = 15;
const T4 = 16;
const T3 = 17;
const T2 = 18;
const T1 = 19;
const T0 = 20;
const L8 = 21;
const L7 = 22;
const L6 = 23;
const L5 = 24;
const L4 = 25;
const L3 = 26;
const L2 = 27;
const L1 = 28;
const L0 = 29;
const NEG_INF = 30;
const POS_INF = 31;
const NAN = 32;
const SIGN = 33;

// Each constant four times: one 16-byte row per index above.
const TABLE = memory.data<f32>([
  -87.0, -87.0, -87.0, -87.0, // EXP_LO
  88.0, 88.0, 88.0, 88.0, // EXP_HI
  1.44269504088896341, 1.44269504088896341, 1.44269504088896341, 1.44269504088896341, // LOG2E
  12582912.0, 12582912.0, 12582912.0, 12582912.0, // ROUND
  0.693359375, 0.693359375, 0.693359375, 0.693359375, // LN2_HI
  -2.12194440e-4, -2.12194440e-4, -2.12194440e-4, -2.12194440e-4, // LN2_LO
  1.9875691500e-4, 1.9875691500e-4, 1.9875691500e-4, 1.9875691500e-4, // E5
  1.3981999507e-3, 1.3981999507e-3, 1.3981999507e-3, 1.3981999507e-3, // E4
  8.3334519073e-3, 8.3334519073e-3, 8.3334519073e-3, 8.3334519073e-3, // E3
  4.1665795894e-2, 4.1665795894e-2, 4.1665795894e-2, 4.1665795894e-2, // E2
  1.6666665459e-1, 1.6666665459e-1, 1.6666665459e-1, 1.6666665459e-1, // E1
  5.0000001201e-1, 5.0000001201e-1, 5.0000001201e-1, 5.0000001201e-1, // E0
  1.0, 1.0, 1.0, 1.0, // ONE
  2.0, 2.0, 2.0, 2.0, // TWO
  0.5, 0.5, 0.5, 0.5, // HALF
  0.625, 0.625, 0.625, 0.625, // T_SMALL
  -5.70498872745e-3, -5.70498872745e-3, -5.70498872745e-3, -5.70498872745e-3, // T4
  2.06390887954e-2, 2.06390887954e-2, 2.06390887954e-2, 2.06390887954e-2, // T3
  -5.37397155531e-2, -5.37397155531e-2, -5.37397155531e-2, -5.37397155531e-2, // T2
  1.33314422036e-1, 1.33314422036e-1, 1.33314422036e-1, 1.33314422036e-1, // T1
  -3.33332819422e-1, -3.33332819422e-1, -3.33332819422e-1, -3.33332819422e-1, // T0
  7.0376836292e-2, 7.0376836292e-2, 7.0376836292e-2, 7.0376836292e-2, // L8
  -1.1514610310e-1, -1.1514610310e-1, -1.1514610310e-1, -1.1514610310e-1, // L7
  1.1676998740e-1, 1.1676998740e-1, 1.1676998740e-1, 1.1676998740e-1, // L6
  -1.2420140846e-1, -1.2420140846e-1, -1.2420140846e-1, -1.2420140846e-1, // L5
  1.4249322787e-1, 1.4249322787e-1, 1.4249322787e-1, 1.4249322787e-1, // L4
  -1.6668057665e-1, -1.6668057665e-1, -1.6668057665e-1, -1.6668057665e-1, // L3
  2.0000714765e-1, 2.0000714765e-1, 2.0000714765e-1, 2.0000714765e-1, // L2
  -2.4999993993e-1, -2.4999993993e-1, -2.4999993993e-1, -2.4999993993e-1, // L1
  3.3333331174e-1, 3.3333331174e-1, 3.3333331174e-1, 3.3333331174e-1, // L0
  -Infinity, -Infinity, -Infinity, -Infinity, // NEG_INF
  Infinity, Infinity, Infinity, Infinity, // POS_INF
  NaN, NaN, NaN, NaN, // NAN
  -0.0, -0.0, -0.0, -0.0, // SIGN
], 16);

// Integer constants, likewise: the exponent bias, √½'s bits, the mantissa mask.
const BIAS = 0;
const SQRT_HALF_BITS = 1;
const MANTISSA = 2;
const INTS = memory.data<i32>([
  127, 127, 127, 127,
  0x3f3504f3, 0x3f3504f3, 0x3f3504f3, 0x3f3504f3,
  0x007fffff, 0x007fffff, 0x007fffff, 0x007fffff,
], 16);

// @ts-ignore: decorator
@inline function ki(i: i32): v128 {
  return v128.load(INTS + ((<usize>i) << 4));
}

/** The constant at row i, splatted. */
// @ts-ignore: decorator
@inline function k(i: i32): v128 {
  return v128.load(TABLE + ((<usize>i) << 4));
}

/** a·b + c per lane. */
// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  return f32x4.add(f32x4.mul(a, b), c);
}

/**
 * e^x per lane; x is clamped to [−87, 88], so the result is finite and normal (exp overflows
 * float32 past 88.72 and leaves normal numbers below −87.33).
 */
// @ts-ignore: decorator
@inline export function expV(x: v128): v128 {
  x = f32x4.pmin(f32x4.pmax(x, k(EXP_LO)), k(EXP_HI)); // pmin/pmax: one instruction each; NaN stays NaN
  // x = n·ln2 + r, |r| ≤ ln2/2. Adding 1.5·2^23 rounds x·log2(e) to an integer n that also sits
  // in the low mantissa bits of t, so 2^n is (bits(t) + 127) << 23 without a float→int convert.
  const t = madd(x, k(LOG2E), k(ROUND));
  const n = f32x4.sub(t, k(ROUND));
  let r = f32x4.sub(x, f32x4.mul(n, k(LN2_HI)));
  r = f32x4.sub(r, f32x4.mul(n, k(LN2_LO)));
  let p = madd(k(E5), r, k(E4));
  p = madd(p, r, k(E3));
  p = madd(p, r, k(E2));
  p = madd(p, r, k(E1));
  p = madd(p, r, k(E0));
  p = f32x4.add(madd(p, f32x4.mul(r, r), r), k(ONE));
  return f32x4.mul(p, i32x4.shl(i32x4.add(t, ki(BIAS)), 23));
}

/** σ(x) = 1 / (1 + e^−x) per lane (relative accuracy holds for very negative x too). */
// @ts-ignore: decorator
@inline export function sigmoidV(x: v128): v128 {
  const one = k(ONE);
  return f32x4.div(one, f32x4.add(one, expV(f32x4.neg(x))));
}

/**
 * tanh(x) per lane: an odd polynomial for |x| < 0.625 (no cancellation near 0), else
 * sign(x)·(1 − 2 / (1 + e^{2|x|})).
 */
// @ts-ignore: decorator
@inline export function tanhV(x: v128): v128 {
  const ax = f32x4.abs(x);
  const one = k(ONE);
  const big = f32x4.sub(one, f32x4.div(k(TWO), f32x4.add(one, expV(f32x4.add(ax, ax)))));
  const signed = v128.or(big, v128.and(x, k(SIGN))); // copy x's sign bit
  const z = f32x4.mul(x, x);
  let p = madd(k(T4), z, k(T3));
  p = madd(p, z, k(T2));
  p = madd(p, z, k(T1));
  p = madd(p, z, k(T0));
  const small = madd(f32x4.mul(p, z), x, x);
  return v128.bitselect(small, signed, f32x4.lt(ax, k(T_SMALL)));
}

/** ln(x) per lane; ln 0 = −∞, ln(x < 0) = NaN, ln ∞ = ∞ (denormal inputs are not exact). */
// @ts-ignore: decorator
@inline export function logV(x: v128): v128 {
  // x = m·2^e with m in [√½, √2): m from the mantissa bits, e from the exponent bits
  const bits = i32x4.sub(x, ki(SQRT_HALF_BITS));
  const e = f32x4.convert_i32x4_s(i32x4.shr_s(bits, 23));
  const m = i32x4.add(v128.and(bits, ki(MANTISSA)), ki(SQRT_HALF_BITS));
  const t = f32x4.sub(m, k(ONE)); // t in [−0.29, 0.41]
  const z = f32x4.mul(t, t);
  let p = madd(k(L8), t, k(L7));
  p = madd(p, t, k(L6));
  p = madd(p, t, k(L5));
  p = madd(p, t, k(L4));
  p = madd(p, t, k(L3));
  p = madd(p, t, k(L2));
  p = madd(p, t, k(L1));
  p = madd(p, t, k(L0));
  let y = madd(e, k(LN2_LO), f32x4.mul(f32x4.mul(p, t), z));
  y = f32x4.sub(y, f32x4.mul(z, k(HALF)));
  y = madd(e, k(LN2_HI), f32x4.add(t, y));
  y = v128.bitselect(k(NEG_INF), y, f32x4.eq(x, f32x4.splat(0)));
  y = v128.bitselect(k(NAN), y, f32x4.lt(x, f32x4.splat(0)));
  return v128.bitselect(x, y, f32x4.eq(x, k(POS_INF)));
}

/** Scalar twins: the vector routine on one lane, so SIMD bodies and scalar tails agree. */
// @ts-ignore: decorator
@inline export function expS(x: f32): f32 {
  return f32x4.extract_lane(expV(f32x4.splat(x)), 0);
}

// @ts-ignore: decorator
@inline export function sigmoidS(x: f32): f32 {
  return f32x4.extract_lane(sigmoidV(f32x4.splat(x)), 0);
}

// @ts-ignore: decorator
@inline export function tanhS(x: f32): f32 {
  return f32x4.extract_lane(tanhV(f32x4.splat(x)), 0);
}

// @ts-ignore: decorator
@inline export function logS(x: f32): f32 {
  return f32x4.extract_lane(logV(f32x4.splat(x)), 0);
}

/** Σ of the four lanes. */
// @ts-ignore: decorator
@inline export function sumLanes(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

/** max of the four lanes. */
// @ts-ignore: decorator
@inline export function maxLanes(v: v128): f32 {
  return max(max(f32x4.extract_lane(v, 0), f32x4.extract_lane(v, 1)), max(f32x4.extract_lane(v, 2), f32x4.extract_lane(v, 3)));
}
