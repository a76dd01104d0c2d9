// Cross-feature correlation: the Pearson correlation matrix of the features (over every step of
// every sequence) for each set, and the mean absolute difference of its off-diagonal entries.
import { checkComparable, checkSequenceSet, type SequenceSet } from './sequence-set.js';
import { centredCrossProducts } from './stats.js';

export interface CorrelationComparison {
  /** Pearson correlation matrices [D, D], row-major. */
  real: Float64Array;
  synthetic: Float64Array;
  /** Mean |real − synthetic| over the D·(D − 1) off-diagonal entries; 0 when D = 1. */
  distance: number;
}

/**
 * Pearson correlations between features, each feature's N·T values taken as one sample:
 * [D, D], ones on the diagonal. A constant feature correlates 0 with every other one.
 */
export function featureCorrelations(set: SequenceSet): Float64Array {
  checkSequenceSet(set, 'sequences');
  const D = set.features;
  const rows = set.count * set.length;
  const { means, products: cov } = centredCrossProducts(set.data, rows, D); // [D], [D, D]
  // constant up to rounding: the mean of float32 copies of c need not be exactly c
  const constant = Array.from(means, (m, d) => cov[d * D + d] <= 1e-12 * rows * (m * m + 1));
  const out = new Float64Array(D * D);
  for (let i = 0; i < D; i++) {
    out[i * D + i] = 1;
    for (let j = i + 1; j < D; j++) {
      const scale = Math.sqrt(cov[i * D + i] * cov[j * D + j]);
      const r = !constant[i] && !constant[j] ? Math.max(-1, Math.min(1, cov[i * D + j] / scale)) : 0;
      out[i * D + j] = r;
      out[j * D + i] = r;
    }
  }
  return out;
}

/**
 * Compares the feature correlation matrices of real and synthetic sets.
 *
 * @example
 * correlationDistance(real, real).distance; // 0
 */
export function correlationDistance(real: SequenceSet, synthetic: SequenceSet): CorrelationComparison {
  checkComparable(real, synthetic);
  const a = featureCorrelations(real);
  const b = featureCorrelations(synthetic);
  const D = real.features;
  let s = 0;
  for (let i = 0; i < D; i++) for (let j = i + 1; j < D; j++) s += Math.abs(a[i * D + j] - b[i * D + j]);
  const distance = D > 1 ? (2 * s) / (D * (D - 1)) : 0; // the matrices are symmetric
  return { real: a, synthetic: b, distance };
}
