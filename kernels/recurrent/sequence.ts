// Addressing inside [batch, time, width] sequences for the recurrent kernels, and the lane-width
// helpers that let one gate-math body serve both the 4-wide SIMD loop and its scalar tail.
import { at } from '../memory';

/** The time index of processing step s: forwards, or backwards for the reverse direction. */
// @ts-ignore: decorator
@inline export function timeAt(s: i32, steps: i32, reverse: i32): i32 {
  return reverse ? steps - 1 - s : s;
}

/** Byte address of row (b, t) of a [batch, steps, width] sequence at element offset `base`. */
// @ts-ignore: decorator
@inline export function rowAt(base: i32, b: i32, t: i32, steps: i32, width: i32): usize {
  return at(base + (b * steps + t) * width);
}

/** Loads 4 lanes, or 1 value into lane 0 (the scalar tail). */
// @ts-ignore: decorator
@inline export function ld(p: usize, lanes: i32): v128 {
  return lanes == 4 ? v128.load(p) : v128.load32_splat(p);
}

/** Stores 4 lanes, or lane 0 alone. */
// @ts-ignore: decorator
@inline export function st(p: usize, v: v128, lanes: i32): void {
  if (lanes == 4) v128.store(p, v);
  else v128.store32_lane(p, v, 0);
}

/** *p += v over 4 lanes or lane 0 (bias-gradient column sums). */
// @ts-ignore: decorator
@inline export function addTo(p: usize, v: v128, lanes: i32): void {
  st(p, f32x4.add(ld(p, lanes), v), lanes);
}

/** Copies `n` floats from byte address src to dst. */
// @ts-ignore: decorator
@inline export function copyFloats(src: usize, dst: usize, n: i32): void {
  memory.copy(dst, src, (<usize>n) << 2);
}

/** Copies a [batch, width] state into rows (b, t) of a [batch, steps, width] sequence. */
export function stateToStep(state: i32, seq: i32, t: i32, batch: i32, steps: i32, width: i32): void {
  for (let b = 0; b < batch; b++) copyFloats(at(state + b * width), rowAt(seq, b, t, steps, width), width);
}
