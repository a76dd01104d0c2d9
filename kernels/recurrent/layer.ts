// The phases every recurrent layer kernel shares around its cell-specific time loop: before it,
// the input projection of all B·T rows in one product; after backprop through time, the weight,
// bias and input gradients, each computed only when asked for (frozen weights cost nothing).
// Also the layout of the scratch (`work`) the caller lends, and its size (exported: the TypeScript
// side asks for it rather than restating it). No static state: two instances may share the memory
// (one per thread), each with its own work.
import { at } from '../memory';
import { ACCUMULATE, BIAS, OVERWRITE, stridedGemm, transpose } from '../gemm';

/** Bits of a backward kernel's `needs`: which gradients to accumulate. */
export const NEED_WEIGHT_IH: i32 = 1;
export const NEED_WEIGHT_HH: i32 = 2;
export const NEED_BIAS_IH: i32 = 4;
export const NEED_BIAS_HH: i32 = 8;
export const NEED_INPUT: i32 = 16;

// Forward work: xw [rows, G] | a transposed weight [max(I, H), G] | bias [G] | acc [B, G].

/** Element offset of W_ihᵀ, then W_hhᵀ, in a forward kernel's work. */
// @ts-ignore: decorator
@inline export function weightTAt(work: i32, rows: i32, g: i32): i32 {
  return work + rows * g;
}

/** Element offset of the bias the input projection adds, in a forward kernel's work. */
// @ts-ignore: decorator
@inline export function biasAt(work: i32, rows: i32, inputs: i32, hidden: i32, g: i32): i32 {
  return weightTAt(work, rows, g) + max(inputs, hidden) * g;
}

/** Element offset of scratch for a step product, [4, G], in a forward kernel's work. */
// @ts-ignore: decorator
@inline export function accAt(work: i32, rows: i32, inputs: i32, hidden: i32, g: i32): i32 {
  return biasAt(work, rows, inputs, hidden, g) + g;
}

/** Floats of `work` a forward kernel needs, for G = gates·H (the layout above). */
export function forwardWorkSize(batch: i32, steps: i32, inputs: i32, hidden: i32, g: i32): i32 {
  return accAt(0, batch * steps, inputs, hidden, g) + batch * g;
}

/**
 * xw [rows, G] = x [rows, I] · W_ihᵀ + b_ih + b_hh[0 … hSide) at the start of `work` (through
 * W_ihᵀ transposed after it). Both biases ride on the input projection, so that each step only
 * adds h·W_hhᵀ into xw in place; `hSide` < G leaves gate blocks whose b_hh must stay apart (GRU n).
 */
export function projectInputs(rows: i32, inputs: i32, hidden: i32, g: i32, x: i32, wih: i32, bih: i32, bhh: i32, hSide: i32, work: i32): void {
  const weightT = weightTAt(work, rows, g);
  const bias = at(biasAt(work, rows, inputs, hidden, g));
  for (let j = 0; j < g; j++) {
    const o = (<usize>j) << 2;
    store<f32>(bias + o, load<f32>(at(bih) + o) + (j < hSide ? load<f32>(at(bhh) + o) : 0));
  }
  transpose(at(wih), at(weightT), g, inputs);
  stridedGemm(at(x), inputs, 1, at(weightT), g, at(work), g, rows, g, inputs, BIAS, bias);
}

// Backward work: dgx [rows, G] | dgh [rows, G] (gru only: `split`) | dbx [G] | dbh [G] (split)
// | (rows + G)·⌈I⌉₄ when I is not a multiple of 4 | the carried gradients [B, H] (twice for lstm).

/** Element offset of d(h-side pre-activations) [rows, G]: after dgx when split, else dgx itself. */
// @ts-ignore: decorator
@inline export function dghAt(work: i32, rows: i32, g: i32, split: bool): i32 {
  return split ? work + rows * g : work;
}

/** Element offset of Σ dgx [G], the bias gradient of the x side. */
// @ts-ignore: decorator
@inline export function dbxAt(work: i32, rows: i32, g: i32, split: bool): i32 {
  return work + (split ? 2 : 1) * rows * g;
}

/** Element offset of Σ dgh [G]. */
// @ts-ignore: decorator
@inline export function dbhAt(work: i32, rows: i32, g: i32, split: bool): i32 {
  return dbxAt(work, rows, g, split) + (split ? g : 0);
}

// @ts-ignore: decorator
@inline function narrowAt(work: i32, rows: i32, g: i32, split: bool): i32 {
  return dbxAt(work, rows, g, split) + (split ? 2 * g : g);
}

/** Element offset of the gradients carried between steps. */
// @ts-ignore: decorator
@inline export function carryAt(work: i32, rows: i32, g: i32, inputs: i32, split: bool): i32 {
  return narrowAt(work, rows, g, split) + (inputs & 3 ? (rows + g) * padded(inputs) : 0);
}

/** I rounded up to a multiple of 4: the width of the padded products when I is not one. */
// @ts-ignore: decorator
@inline function padded(inputs: i32): i32 {
  return (inputs + 3) & ~3;
}

/**
 * Floats of `work` a backward kernel needs (the layout above), for G = gates·H; `split` for gru,
 * `carried` [B, H] gradients between steps (2 for lstm: h and c).
 */
export function backwardWorkSize(batch: i32, steps: i32, inputs: i32, hidden: i32, g: i32, split: i32, carried: i32): i32 {
  return carryAt(0, batch * steps, g, inputs, split != 0) + carried * batch * hidden;
}

/**
 * Accumulates, as `needs` asks: dW_ih += dgxᵀ·x, dW_hh += dghᵀ·hprev, d b_ih += dbx,
 * d b_hh += dbh, dx += dgx·W_ih — reading dgx, dgh, dbx, dbh from `work` (layout above).
 */
export function layerGradients(
  needs: i32, rows: i32, inputs: i32, hidden: i32, g: i32, split: bool, work: i32, x: i32, hprev: i32,
  wih: i32, dx: i32, dwih: i32, dwhh: i32, dbih: i32, dbhh: i32,
): void {
  const dgx = at(work);
  const narrow = inputs & 3 ? narrowAt(work, rows, g, split) : -1;
  if (needs & NEED_WEIGHT_IH) {
    if (narrow >= 0) narrowProduct(dgx, 1, g, x, inputs, dwih, g, rows, narrow);
    else stridedGemm(dgx, 1, g, at(x), inputs, at(dwih), inputs, g, inputs, rows, ACCUMULATE, 0);
  }
  if (needs & NEED_WEIGHT_HH) stridedGemm(at(dghAt(work, rows, g, split)), 1, g, at(hprev), hidden, at(dwhh), hidden, g, hidden, rows, ACCUMULATE, 0);
  if (needs & NEED_BIAS_IH) addFloats(at(dbxAt(work, rows, g, split)), at(dbih), g);
  if (needs & NEED_BIAS_HH) addFloats(at(dbhAt(work, rows, g, split)), at(dbhh), g);
  if (needs & NEED_INPUT) {
    if (narrow >= 0) narrowProduct(dgx, g, 1, wih, inputs, dx, rows, g, narrow);
    else stridedGemm(dgx, g, 1, at(wih), inputs, at(dx), inputs, rows, inputs, g, ACCUMULATE, 0);
  }
}

// C [m, n] += A·B for a B [k, n] whose width n is not a multiple of 4 (e.g. 6 input features):
// B is copied zero-padded to ⌈n⌉₄ columns, the product lands in a padded temporary, and its first
// n columns are added to C — all SIMD, instead of scalar columns. scratch: (k + m)·⌈n⌉₄ floats.
function narrowProduct(a: usize, ai: i32, ap: i32, b: i32, n: i32, c: i32, m: i32, k: i32, scratch: i32): void {
  const n4 = padded(n);
  const bp = at(scratch);
  const cp = at(scratch + k * n4);
  memory.fill(bp, 0, (<usize>(k * n4)) << 2);
  for (let p = 0; p < k; p++) memory.copy(bp + ((<usize>(p * n4)) << 2), at(b + p * n), (<usize>n) << 2);
  stridedGemm(a, ai, ap, bp, n4, cp, n4, m, n4, k, OVERWRITE, 0);
  for (let i = 0; i < m; i++) addFloats(cp + ((<usize>(i * n4)) << 2), at(c + i * n), n);
}

// dst[i] += src[i] for i < n (byte addresses).
function addFloats(src: usize, dst: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const o = (<usize>i) << 2;
    store<f32>(dst + o, load<f32>(dst + o) + load<f32>(src + o));
  }
}
