// Maximum mean discrepancy (MMD²) between real and synthetic sequences: unbiased estimator,
// Gaussian (RBF) kernel on flattened sequences, bandwidth from the median heuristic.
import { Random } from '../engine/random.js';
import { pairwiseSquaredDistances } from './distances.js';
import { sampleIndices } from './sampling.js';
import { checkComparable, flattenedRows, type SequenceSet } from './sequence-set.js';

export interface MmdOptions {
  /** At most this many sequences per side, drawn without repetition; default 1,000 (O(n²) work). */
  maxSamples?: number;
  /** Seed of the subsample; default 0. */
  seed?: number;
}

export interface MmdResult {
  /** The unbiased MMD² estimate: ≈ 0 (it can dip slightly below) when both come from one distribution. */
  mmd2: number;
  /** σ of k(x, y) = exp(−‖x − y‖² / (2σ²)): the median pairwise distance of the pooled sample. */
  bandwidth: number;
  realSamples: number;
  syntheticSamples: number;
}

/**
 * MMD²ᵤ = 1/(m(m−1)) Σ_{i≠j} k(xᵢ,xⱼ) + 1/(n(n−1)) Σ_{i≠j} k(yᵢ,yⱼ) − 2/(mn) Σ k(xᵢ,yⱼ)
 * (Gretton et al. 2012, eq. 3) over flattened [T·D] sequences. σ is the median of all pairwise
 * distances among the pooled m + n sampled sequences (the mean of them if that median is 0).
 *
 * @example
 * const { mmd2 } = maximumMeanDiscrepancy(real, synthetic, { seed: 1 }); // ≈ 0 for a good model
 */
export function maximumMeanDiscrepancy(real: SequenceSet, synthetic: SequenceSet, options: MmdOptions = {}): MmdResult {
  checkComparable(real, synthetic, 2);
  const { maxSamples = 1000, seed = 0 } = options;
  const rng = new Random(seed);
  const x = sampleIndices(real.count, maxSamples, rng);
  const y = sampleIndices(synthetic.count, maxSamples, rng);
  const dim = real.length * real.features;
  const pooled = new Float64Array((x.length + y.length) * dim);
  pooled.set(flattenedRows(real, x));
  pooled.set(flattenedRows(synthetic, y), x.length * dim);
  const m = x.length;
  const total = m + y.length;
  const d2 = pairwiseSquaredDistances(pooled, total, dim); // [m + n, m + n], real first
  const bandwidth = medianBandwidth(d2, total);
  const mmd2 = bandwidth === 0 ? 0 : unbiasedMmd2(d2, total, m, bandwidth); // all points equal
  return { mmd2, bandwidth, realSamples: m, syntheticSamples: y.length };
}

/** The median (or, when that is 0, the mean) of the distances above the diagonal. */
function medianBandwidth(d2: Float64Array, n: number): number {
  const upper = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      upper[k] = Math.sqrt(d2[i * n + j]);
      sum += upper[k++];
    }
  }
  upper.sort();
  const half = upper.length >> 1;
  const median = upper.length % 2 === 1 ? upper[half] : (upper[half - 1] + upper[half]) / 2;
  return median > 0 ? median : sum / upper.length;
}

/** The three kernel averages from squared distances; rows 0 … m−1 real, m … n−1 synthetic. */
function unbiasedMmd2(d2: Float64Array, n: number, m: number, sigma: number): number {
  const gamma = 1 / (2 * sigma * sigma);
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const k = Math.exp(-gamma * d2[i * n + j]);
      if (j < m) xx += k;
      else if (i >= m) yy += k;
      else xy += k;
    }
  }
  const s = n - m;
  return (2 * xx) / (m * (m - 1)) + (2 * yy) / (s * (s - 1)) - (2 * xy) / (m * s);
}
