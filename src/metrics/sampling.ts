// Index sampling from the seeded generator: subsamples, TimeGAN's train/test split and its
// mini-batches (docs/TIMEGAN.md §2).
import type { Random } from '../engine/random.js';
import { allIndices } from './sequence-set.js';

/** All of 0 … n−1 in order when n ≤ max; else `max` of them without repetition, in random order. */
export function sampleIndices(n: number, max: number, rng: Random): Int32Array {
  return n <= max ? allIndices(n) : rng.permutation(n).slice(0, max);
}

/** A train/test split of 0 … n−1: one random permutation, the first ⌊0.8·n⌋ train, the rest test. */
export interface Split {
  train: Int32Array;
  test: Int32Array;
}

/** TimeGAN's split (§2): a fresh permutation, the first ⌊trainShare·n⌋ indices train. */
export function trainTestSplit(n: number, rng: Random, trainShare = 0.8): Split {
  const order = rng.permutation(n);
  const cut = Math.floor(trainShare * n);
  return { train: order.slice(0, cut), test: order.slice(cut) };
}

/**
 * TimeGAN's mini-batch (§2): `size` distinct entries of the pool (all of them when it is smaller),
 * in random order: the first `size` of a fresh random permutation, drawn by a partial
 * Fisher–Yates shuffle (the same distribution, `size` draws instead of pool.length). Batches
 * are independent draws, not epochs.
 */
export function batchIndices(pool: Int32Array, size: number, rng: Random): Int32Array {
  const order = pool.slice();
  const b = Math.min(size, pool.length);
  for (let k = 0; k < b; k++) {
    const j = k + rng.int(order.length - k);
    const t = order[k];
    order[k] = order[j];
    order[j] = t;
  }
  return order.slice(0, b);
}
