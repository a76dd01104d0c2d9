// Moving sequences into the engine: a window of steps and features cut out once, then batches of
// whole sequences copied into one tensor [B, T, D] by contiguous blocks.
import type { Engine } from '../engine/engine.js';
import type { Tensor } from '../engine/tensor.js';
import type { SequenceSet } from './sequence-set.js';

/** Half-open ranges [start, end) of steps and of features. */
export interface SequenceWindow {
  steps: readonly [number, number];
  features: readonly [number, number];
}

/**
 * Every sequence restricted to `window`, as a new set [N, steps, features]. Cut once before
 * training, so that each batch is a plain block copy. E.g. TimeGAN's predictor input, every
 * feature but the last at steps 0 … T−2: `windowSequences(set, { steps: [0, T − 1], features: [0, D − 1] })`.
 */
export function windowSequences(set: SequenceSet, window: SequenceWindow): SequenceSet {
  const { count: N, length: T, features: D, data } = set;
  const [t0, t1] = window.steps;
  const [f0, f1] = window.features;
  const steps = t1 - t0;
  const width = f1 - f0;
  const out = new Float32Array(N * steps * width);
  for (let n = 0; n < N; n++) {
    for (let t = 0; t < steps; t++) {
      const from = (n * T + t0 + t) * D + f0;
      out.set(data.subarray(from, from + width), (n * steps + t) * width);
    }
  }
  return { data: out, count: N, length: steps, features: width };
}

/** Some sequences of one set: `indices` into `set`. */
export interface SequencePick {
  set: SequenceSet;
  indices: ArrayLike<number>;
}

/**
 * The picked sequences, one pick after another, in a step-arena tensor [Σ indices.length, T, D];
 * all sets must share T and D.
 *
 * @example
 * const x = sequenceBatch(engine, [{ set: real, indices: [0, 5] }, { set: synthetic, indices: [2] }]); // [3, T, D]
 */
export function sequenceBatch(engine: Engine, picks: readonly SequencePick[]): Tensor {
  const { length: T, features: D } = picks[0].set;
  const width = T * D;
  const count = picks.reduce((n, p) => n + p.indices.length, 0);
  const x = engine.tensor([count, T, D]);
  const out = x.data; // valid until the next allocation
  let row = 0;
  for (const { set, indices } of picks) {
    for (let b = 0; b < indices.length; b++, row++) {
      const from = indices[b] * width;
      out.set(set.data.subarray(from, from + width), row * width);
    }
  }
  return x;
}

/** The index lists of at most `size` consecutive entries of `indices`, to run large sets in pieces. */
export function chunks(indices: Int32Array, size: number): Int32Array[] {
  const out: Int32Array[] = [];
  for (let start = 0; start < indices.length; start += size) out.push(indices.subarray(start, start + size));
  return out;
}
