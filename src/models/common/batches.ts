// Training windows as every model kind sees them, and drawing mini-batches of them from the
// explicit seeded generator.
import type { Random } from '../../engine/random.js';

/** Training windows as the model sees them: scaled values and encoded conditions. */
export interface TrainingData {
  /** [count, length, features], scaled to the generator's output range. */
  windows: Float32Array;
  count: number;
  length: number;
  features: number;
  /** [count, conditionCount] encoded condition vectors (one per window), if conditional. */
  conditionValues?: Float32Array;
  conditionCount?: number;
}

/** `size` distinct indices in [0, n), uniformly (Floyd's algorithm: O(size), no repeats). */
export function sampleIndices(n: number, size: number, rng: Random): number[] {
  if (size >= n) return Array.from(rng.permutation(n));
  const chosen = new Set<number>();
  const order: number[] = [];
  for (let j = n - size; j < n; j++) {
    const t = rng.int(j + 1);
    const pick = chosen.has(t) ? j : t;
    chosen.add(pick);
    order.push(pick);
  }
  return order;
}

/** The rows `indices` of `values` [n, width], one after another: [indices.length, width]. */
export function gatherRows(values: Float32Array, width: number, indices: readonly number[]): Float32Array {
  const out = new Float32Array(indices.length * width);
  indices.forEach((row, i) => out.set(values.subarray(row * width, (row + 1) * width), i * width));
  return out;
}
