// Memorisation: are synthetic sequences closer to the training sequences than real sequences
// are to each other? Nearest-neighbour distances on flattened sequences, and a count of copies.
import { Random } from '../engine/random.js';
import { nearestDistances } from './distances.js';
import { sampleIndices } from './sampling.js';
import { checkComparable, flattenedRows, type SequenceSet } from './sequence-set.js';
import { quantileSorted, sortedCopy } from './stats.js';

export interface MemorisationOptions {
  /**
   * Real sequences the model never saw. When given, the baseline is each held-out sequence's
   * distance to its nearest training sequence; otherwise each training sequence's distance to
   * its nearest other training sequence (leave-one-out).
   */
  heldOut?: SequenceSet;
  /** Quantile q of the baseline distances that sets the threshold; default 0.05. */
  quantile?: number;
  /** At most this many synthetic and this many baseline queries (each scans every training sequence); default 2,000. */
  maxQueries?: number;
  /** A copy: a nearest distance whose root-mean-square per value, d/√(T·D), is ≤ this; default 1e-4. */
  copyTolerance?: number;
  /** Seed of the query subsample; default 0. */
  seed?: number;
}

export interface MemorisationResult {
  /** Nearest-training distance of each sampled synthetic sequence. */
  syntheticDistances: Float64Array;
  /** The baseline: nearest-training distance of each sampled real (held-out or training) sequence. */
  baselineDistances: Float64Array;
  baseline: 'held-out' | 'leave-one-out';
  quantile: number;
  /** The q-quantile of the baseline distances. */
  threshold: number;
  /** Share of synthetic sequences nearer a training sequence than `threshold`: ≈ q when not memorising. */
  closerShare: number;
  /** Sampled synthetic sequences within `copyTolerance` of a training sequence, and their share. */
  copies: number;
  copyShare: number;
}

/**
 * Distances are Euclidean over the flattened [T·D] sequence. A sample from the data
 * distribution itself lies nearer a training sequence than the baseline's q-quantile with
 * probability ≈ q (exactly q with a held-out baseline), so `closerShare` ≫ q means the model
 * reproduces its training set rather than the distribution. The held-out baseline is the
 * principled one; leave-one-out stands in without one (its distances run a little larger, from
 * N − 1 candidates instead of N, so an honest model scores a little above q). With overlapping
 * windows of one series (stride 1), neighbouring windows are near-duplicates of each other, so
 * both baselines are small there: a model must come closer still to be flagged.
 *
 * @example
 * const m = memorisation(train, synthetic, { heldOut: test });
 * if (m.closerShare > 3 * m.quantile || m.copies > 0) console.warn('memorising');
 */
export function memorisation(training: SequenceSet, synthetic: SequenceSet, options: MemorisationOptions = {}): MemorisationResult {
  const { heldOut, quantile = 0.05, maxQueries = 2000, copyTolerance = 1e-4, seed = 0 } = options;
  checkComparable(training, synthetic, heldOut === undefined ? 2 : 1);
  if (heldOut !== undefined) checkComparable(training, heldOut);
  const rng = new Random(seed);
  const dim = training.length * training.features;
  const queries = sampleIndices(synthetic.count, maxQueries, rng);
  const syntheticDistances = nearestDistances(flattenedRows(synthetic, queries), training.data, dim);
  const baselineDistances = baselineNearest(training, heldOut, maxQueries, rng);
  const threshold = quantileSorted(sortedCopy(baselineDistances), quantile);
  let closer = 0;
  let copies = 0;
  for (const d of syntheticDistances) {
    if (d < threshold) closer++;
    if (d <= copyTolerance * Math.sqrt(dim)) copies++;
  }
  const n = syntheticDistances.length;
  return {
    syntheticDistances, baselineDistances, baseline: heldOut === undefined ? 'leave-one-out' : 'held-out',
    quantile, threshold, closerShare: closer / n, copies, copyShare: copies / n,
  };
}

/** Nearest-training distances of sampled held-out sequences, or of training ones leaving each out. */
function baselineNearest(training: SequenceSet, heldOut: SequenceSet | undefined, max: number, rng: Random): Float64Array {
  const dim = training.length * training.features;
  if (heldOut !== undefined) {
    return nearestDistances(flattenedRows(heldOut, sampleIndices(heldOut.count, max, rng)), training.data, dim);
  }
  const own = sampleIndices(training.count, max, rng);
  return nearestDistances(flattenedRows(training, own), training.data, dim, own);
}
