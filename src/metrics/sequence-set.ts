// SequenceSet: N sequences of T steps × D features in one row-major Float32Array, the input of
// every metric; plus the checks and copies the metrics share.
import { UserError } from '../errors.js';

/**
 * N sequences of T steps × D features, row-major [N, T, D]: the value of sequence n at step t,
 * feature d is `data[(n·T + t)·D + d]`. A flattened sequence is the contiguous row of T·D values
 * at `n·T·D`.
 *
 * @example
 * const set: SequenceSet = { data: new Float32Array(2 * 24 * 5), count: 2, length: 24, features: 5 };
 */
export interface SequenceSet {
  data: Float32Array;
  count: number;
  length: number;
  features: number;
}

/**
 * Throws a UserError unless `set` is well formed: positive whole sizes, `data.length = N·T·D`,
 * at least `minCount` sequences and only finite values (a diverged model yields NaN).
 */
export function checkSequenceSet(set: SequenceSet, name: string, minCount = 1): void {
  const { count, length, features, data } = set;
  for (const [label, v] of [['count', count], ['length', length], ['features', features]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new UserError(`${name}: ${label} must be a whole number ≥ 1, got ${v}`);
  }
  if (data.length !== count * length * features) {
    throw new UserError(`${name}: ${data.length} values do not fill [${count}, ${length}, ${features}]`);
  }
  if (count < minCount) throw new UserError(`${name}: needs at least ${minCount} sequences, got ${count}`);
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      const n = Math.floor(i / (length * features));
      throw new UserError(`${name}: value ${data[i]} in sequence ${n} (step ${Math.floor(i / features) % length}, feature ${i % features})`);
    }
  }
}

/** Checks both sets and that they share T and D (real and synthetic must be comparable). */
export function checkComparable(real: SequenceSet, synthetic: SequenceSet, minCount = 1): void {
  checkSequenceSet(real, 'real data', minCount);
  checkSequenceSet(synthetic, 'synthetic data', minCount);
  if (real.length !== synthetic.length || real.features !== synthetic.features) {
    throw new UserError(
      `real sequences are ${real.length} × ${real.features} (steps × features) but synthetic ones are ${synthetic.length} × ${synthetic.features}`,
    );
  }
}

/** The sequences at `indices`, copied in that order into a new set. */
export function selectSequences(set: SequenceSet, indices: ArrayLike<number>): SequenceSet {
  const width = set.length * set.features;
  const data = new Float32Array(indices.length * width);
  for (let k = 0; k < indices.length; k++) {
    const n = indices[k];
    data.set(set.data.subarray(n * width, (n + 1) * width), k * width);
  }
  return { data, count: indices.length, length: set.length, features: set.features };
}

/** The flattened sequences at `indices` as float64 rows: [indices.length, T·D]. */
export function flattenedRows(set: SequenceSet, indices: ArrayLike<number>): Float64Array {
  const width = set.length * set.features;
  const rows = new Float64Array(indices.length * width);
  for (let k = 0; k < indices.length; k++) {
    const from = indices[k] * width;
    for (let j = 0; j < width; j++) rows[k * width + j] = set.data[from + j];
  }
  return rows;
}

/** 0 … n−1. */
export function allIndices(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
