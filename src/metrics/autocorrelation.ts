// Autocorrelation of each feature over time, averaged over sequences, and the distance between
// the real and synthetic curves.
import { checkComparable, checkSequenceSet, type SequenceSet } from './sequence-set.js';
import { mean } from './stats.js';

export interface AutocorrelationComparison {
  /** Lags 1 … L, L = ⌊T/2⌋; curve entry k − 1 holds lag k. */
  maxLag: number;
  /** Mean ACF per feature and lag, [D, L] row-major. */
  real: Float64Array;
  synthetic: Float64Array;
  /** Mean |real − synthetic| over lags, per feature [D]. */
  perFeature: Float64Array;
  /** Mean |real − synthetic| over every feature and lag (0 when T < 2: no lags). */
  distance: number;
}

/**
 * The mean autocorrelation curve of each feature, [D, L] with L = ⌊T/2⌋ by default.
 *
 * Per sequence, with that sequence's own mean x̄ (so it measures dynamics within a sequence, not
 * level differences between sequences):
 *   r(k) = Σ_{t<T−k} (x_t − x̄)(x_{t+k} − x̄) / Σ_t (x_t − x̄)²   (the standard sample ACF),
 * then averaged over the sequences. A sequence that is constant in a feature has no ACF and is
 * left out of that feature's average; a feature constant in every sequence gets a zero curve.
 * The estimator is biased downwards for short T, equally for real and synthetic sets.
 */
export function autocorrelationCurves(set: SequenceSet, maxLag = Math.floor(set.length / 2)): Float64Array {
  checkSequenceSet(set, 'sequences');
  const { count: N, length: T, features: D, data } = set;
  const L = Math.min(maxLag, T - 1);
  const sums = new Float64Array(D * L);
  const used = new Float64Array(D);
  const x = new Float64Array(T);
  for (let n = 0; n < N; n++) {
    for (let d = 0; d < D; d++) {
      for (let t = 0; t < T; t++) x[t] = data[(n * T + t) * D + d];
      if (addSequenceAcf(x, sums, d * L, L)) used[d]++;
    }
  }
  for (let d = 0; d < D; d++) {
    for (let k = 0; k < L; k++) sums[d * L + k] = used[d] > 0 ? sums[d * L + k] / used[d] : 0;
  }
  return sums;
}

/** Adds r(1 … L) of series `x` into out[at …]; false (nothing added) when x is constant. */
function addSequenceAcf(x: Float64Array, out: Float64Array, at: number, L: number): boolean {
  const T = x.length;
  const m = mean(x);
  let denominator = 0;
  for (let t = 0; t < T; t++) {
    x[t] -= m;
    denominator += x[t] * x[t];
  }
  if (!(denominator > 1e-12 * T * (m * m + 1))) return false; // constant up to float32 rounding
  for (let k = 1; k <= L; k++) {
    let s = 0;
    for (let t = 0; t + k < T; t++) s += x[t] * x[t + k];
    out[at + k - 1] += s / denominator;
  }
  return true;
}

/**
 * Compares the mean ACF curves of real and synthetic sets at lags 1 … ⌊T/2⌋.
 *
 * @example
 * autocorrelationDistance(real, real).distance; // 0
 */
export function autocorrelationDistance(real: SequenceSet, synthetic: SequenceSet): AutocorrelationComparison {
  checkComparable(real, synthetic);
  const maxLag = Math.min(Math.floor(real.length / 2), real.length - 1);
  const a = autocorrelationCurves(real, maxLag);
  const b = autocorrelationCurves(synthetic, maxLag);
  const D = real.features;
  const perFeature = new Float64Array(D);
  let total = 0;
  for (let d = 0; d < D; d++) {
    let s = 0;
    for (let k = 0; k < maxLag; k++) s += Math.abs(a[d * maxLag + k] - b[d * maxLag + k]);
    perFeature[d] = maxLag > 0 ? s / maxLag : 0;
    total += s;
  }
  const distance = maxLag > 0 ? total / (D * maxLag) : 0;
  return { maxLag, real: a, synthetic: b, perFeature, distance };
}
