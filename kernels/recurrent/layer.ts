// The phases every recurrent layer kernel shares around its cell-specific time loop: before it,
// the input projection of all B·T rows in one product; after backprop through time, the weight,
// bias and input gradients, each computed only when asked for (frozen weights cost nothing).
import { at } from '../memory';
import { ACCUMULATE, OVERWRITE, stepGemm } from './step-gemm';
import { transposeInto } from './sequence';

/** Bits of a backward kernel's `needs`: which gradients to accumulate. */
export const NEED_WEIGHT_IH: i32 = 1;
export const NEED_WEIGHT_HH: i32 = 2;
export const NEED_BIAS_IH: i32 = 4;
export const NEED_BIAS_HH: i32 = 8;
export const NEED_INPUT: i32 = 16;

/** Element offsets of a forward kernel's scratch: xw [B·T, G], W_ihᵀ then W_hhᵀ, acc [B, G]. */
@final @unmanaged export class ForwardWork {
  xw: i32 = 0;
  weightT: i32 = 0;
  acc: i32 = 0;
}

const FORWARD_WORK = changetype<ForwardWork>(memory.data(offsetof<ForwardWork>(), 16));

/** Splits `work` (rows·G + max(I, H)·G + B·G floats) for a forward kernel. */
export function forwardWork(work: i32, rows: i32, batch: i32, inputs: i32, hidden: i32, g: i32): ForwardWork {
  const w = FORWARD_WORK;
  w.xw = work;
  w.weightT = work + rows * g;
  w.acc = w.weightT + max(inputs, hidden) * g;
  return w;
}

/** xw [rows, G] = x [rows, I] · W_ihᵀ, through W_ihᵀ [I, G] transposed into `weightT`. */
export function projectInputs(rows: i32, inputs: i32, g: i32, x: i32, wih: i32, xw: i32, weightT: i32): void {
  transposeInto(at(wih), at(weightT), g, inputs);
  stepGemm(at(x), inputs, 1, at(weightT), g, at(xw), g, rows, g, inputs, OVERWRITE, 0);
}

/** Element offsets of the products backprop through time leaves for `layerGradients`. */
@final @unmanaged export class Products {
  x: i32 = 0; // [rows, I]
  hprev: i32 = 0; // [rows, H]
  dgx: i32 = 0; // d(x-side pre-activations) [rows, G]
  dgh: i32 = 0; // d(h-side pre-activations) [rows, G]
  dbx: i32 = 0; // Σ dgx [G]
  dbh: i32 = 0; // Σ dgh [G]
}

export const PRODUCTS = changetype<Products>(memory.data(offsetof<Products>(), 16));

/**
 * Accumulates, as `needs` asks: dW_ih += dgxᵀ·x, dW_hh += dghᵀ·hprev, d b_ih += dbx,
 * d b_hh += dbh, dx += dgx·W_ih.
 */
export function layerGradients(
  needs: i32, rows: i32, inputs: i32, hidden: i32, g: i32, p: Products,
  wih: i32, dx: i32, dwih: i32, dwhh: i32, dbih: i32, dbhh: i32,
): void {
  if (needs & NEED_WEIGHT_IH) stepGemm(at(p.dgx), 1, g, at(p.x), inputs, at(dwih), inputs, g, inputs, rows, ACCUMULATE, 0);
  if (needs & NEED_WEIGHT_HH) stepGemm(at(p.dgh), 1, g, at(p.hprev), hidden, at(dwhh), hidden, g, hidden, rows, ACCUMULATE, 0);
  if (needs & NEED_BIAS_IH) addFloats(at(p.dbx), at(dbih), g);
  if (needs & NEED_BIAS_HH) addFloats(at(p.dbh), at(dbhh), g);
  if (needs & NEED_INPUT) stepGemm(at(p.dgx), g, 1, at(wih), inputs, at(dx), inputs, rows, inputs, g, ACCUMULATE, 0);
}

// dst[i] += src[i] for i < n (byte addresses).
function addFloats(src: usize, dst: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const o = (<usize>i) << 2;
    store<f32>(dst + o, load<f32>(dst + o) + load<f32>(src + o));
  }
}
