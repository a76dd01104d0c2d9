// Gate activations for the recurrent kernels, f32x4: tanh as Eigen's [13/6] rational function
// (|error| < 4e-7 over all floats, one division, no exp) and σ(x) = ½ + ½·tanh(x/2).
// Why not simd-math's expV-based ones: inside the time loop they cost ~4× as much. V8 rebuilds
// every v128.const at each use (3–4 instructions, never hoisted out of the loop), so the
// constants here live in a static table and are fetched with one load each.

const LO = 0;
const HI = 1;
const HALF = 2;
const A = 3; // numerator α13, α11, α9, α7, α5, α3, α1 (odd powers)
const Q = 10; // denominator β6, β4, β2, β0 (even powers)

// Each constant four times: one 16-byte row per index above.
const TABLE = memory.data<f32>([
  -7.90531110763549805, -7.90531110763549805, -7.90531110763549805, -7.90531110763549805,
  7.90531110763549805, 7.90531110763549805, 7.90531110763549805, 7.90531110763549805,
  0.5, 0.5, 0.5, 0.5,
  -2.76076847742355e-16, -2.76076847742355e-16, -2.76076847742355e-16, -2.76076847742355e-16,
  2.00018790482477e-13, 2.00018790482477e-13, 2.00018790482477e-13, 2.00018790482477e-13,
  -8.60467152213735e-11, -8.60467152213735e-11, -8.60467152213735e-11, -8.60467152213735e-11,
  5.12229709037114e-8, 5.12229709037114e-8, 5.12229709037114e-8, 5.12229709037114e-8,
  1.48572235717979e-5, 1.48572235717979e-5, 1.48572235717979e-5, 1.48572235717979e-5,
  6.37261928875436e-4, 6.37261928875436e-4, 6.37261928875436e-4, 6.37261928875436e-4,
  4.89352455891786e-3, 4.89352455891786e-3, 4.89352455891786e-3, 4.89352455891786e-3,
  1.19825839466702e-6, 1.19825839466702e-6, 1.19825839466702e-6, 1.19825839466702e-6,
  1.18534705686654e-4, 1.18534705686654e-4, 1.18534705686654e-4, 1.18534705686654e-4,
  2.26843463243900e-3, 2.26843463243900e-3, 2.26843463243900e-3, 2.26843463243900e-3,
  4.89352518554385e-3, 4.89352518554385e-3, 4.89352518554385e-3, 4.89352518554385e-3,
], 16);

// @ts-ignore: decorator
@inline function k(i: i32): v128 {
  return v128.load(TABLE + ((<usize>i) << 4));
}

// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  return f32x4.add(f32x4.mul(a, b), c);
}

/** tanh(x) per lane; saturates to ±(1 − 2.4e-7) beyond |x| = 7.905. */
// @ts-ignore: decorator
@inline export function tanhGate(x: v128): v128 {
  x = f32x4.pmin(f32x4.pmax(x, k(LO)), k(HI)); // pmin/pmax: one instruction; min/max: eight (NaN rules)
  const x2 = f32x4.mul(x, x);
  let p = madd(x2, k(A), k(A + 1));
  p = madd(x2, p, k(A + 2));
  p = madd(x2, p, k(A + 3));
  p = madd(x2, p, k(A + 4));
  p = madd(x2, p, k(A + 5));
  p = madd(x2, p, k(A + 6));
  let q = madd(x2, k(Q), k(Q + 1));
  q = madd(x2, q, k(Q + 2));
  q = madd(x2, q, k(Q + 3));
  return f32x4.div(f32x4.mul(x, p), q);
}

/** σ(x) = ½ + ½·tanh(x/2) per lane. */
// @ts-ignore: decorator
@inline export function sigmoidGate(x: v128): v128 {
  const half = k(HALF);
  return madd(half, tanhGate(f32x4.mul(x, half)), half);
}
