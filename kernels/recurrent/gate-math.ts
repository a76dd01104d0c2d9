// Gate activations for the recurrent kernels, f32x4: tanh as Eigen's [13/6] rational function
// (|error| < 4e-7 over all floats, one division, no exp) and σ(x) = ½ + ½·tanh(x/2).
// Why not simd-math's exp-based σ and tanh: in the time loop they take ~1.5× as long (an exp, a
// division and a select each; measured on the GRU/LSTM forward). V8 rebuilds every v128.const at
// each use (3–4 instructions, never hoisted out of the loop), so the constants here live in a
// static table and are fetched with one load each.
// A gate block is activated in a pass of its own (`activate`): the constants of one activation
// fit the vector registers, those of several interleaved ones spill to the stack.
import { ld, st } from './sequence';

const LO = 0;
const HI = 1;
const HALF = 2;
const A13 = 3; // numerator coefficients (tanh's odd powers)
const A11 = 4;
const A9 = 5;
const A7 = 6;
const A5 = 7;
const A3 = 8;
const A1 = 9;
const B6 = 10; // denominator coefficients (even powers)
const B4 = 11;
const B2 = 12;
const B0 = 13;

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

/**
 * tanh(x) per lane; saturates to ±(1 − 2.4e-7) beyond |x| = 7.905. The polynomials in y = x² are
 * evaluated by Estrin's scheme (y, y², y⁴ side by side), not Horner's: half the dependent chain
 * for a few more instructions (measured ~5% faster in the GRU forward).
 */
// @ts-ignore: decorator
@inline export function tanhGate(x: v128): v128 {
  x = f32x4.pmin(f32x4.pmax(x, k(LO)), k(HI)); // pmin/pmax: one instruction; min/max: eight (NaN rules)
  const y = f32x4.mul(x, x);
  const y2 = f32x4.mul(y, y);
  const y4 = f32x4.mul(y2, y2);
  // p = (α1 + α3·y) + y²·(α5 + α7·y) + y⁴·((α9 + α11·y) + y²·α13)
  const p0 = madd(y, k(A3), k(A1));
  const p1 = madd(y, k(A7), k(A5));
  const p2 = madd(y, k(A11), k(A9));
  const p = madd(y4, madd(y2, k(A13), p2), madd(y2, p1, p0));
  // q = (β0 + β2·y) + y²·(β4 + β6·y)
  const q = madd(y2, madd(y, k(B6), k(B4)), madd(y, k(B2), k(B0)));
  return f32x4.div(f32x4.mul(x, p), q);
}

/** σ(x) = ½ + ½·tanh(x/2) per lane. */
// @ts-ignore: decorator
@inline export function sigmoidGate(x: v128): v128 {
  const half = k(HALF);
  return madd(half, tanhGate(f32x4.mul(x, half)), half);
}

// gate[j] = σ(pre[j]) or tanh(pre[j]) for j < hidden.
export function activate(pre: usize, gate: usize, hidden: i32, tanh: bool): void {
  let j = 0;
  if (tanh) {
    for (; j + 4 <= hidden; j += 4) v128.store(gate + ((<usize>j) << 2), tanhGate(v128.load(pre + ((<usize>j) << 2))));
    for (; j < hidden; j++) st(gate + ((<usize>j) << 2), tanhGate(ld(pre + ((<usize>j) << 2), 1)), 1);
  } else {
    for (; j + 4 <= hidden; j += 4) v128.store(gate + ((<usize>j) << 2), sigmoidGate(v128.load(pre + ((<usize>j) << 2))));
    for (; j < hidden; j++) st(gate + ((<usize>j) << 2), sigmoidGate(ld(pre + ((<usize>j) << 2), 1)), 1);
  }
}
