// Per-feature marginal distances between real and synthetic values: the exact Wasserstein-1
// distance and the two-sample Kolmogorov–Smirnov statistic, each from the two sorted samples.
import { checkComparable, type SequenceSet } from './sequence-set.js';
import { mean } from './stats.js';

export interface MarginalDistances {
  /** W₁ per feature [D]: the area between the two empirical CDFs, in the data's units. */
  wasserstein: Float64Array;
  /** KS per feature [D]: the largest gap between the two empirical CDFs, in [0, 1]. */
  kolmogorovSmirnov: Float64Array;
  meanWasserstein: number;
  meanKolmogorovSmirnov: number;
}

/**
 * Compares, feature by feature, the distribution of all N·T values of that feature (every step
 * of every sequence pooled). Exact, O(N·T·log(N·T)) per feature; the two counts may differ.
 *
 * @example
 * marginalDistances(real, real).meanWasserstein; // 0
 */
export function marginalDistances(real: SequenceSet, synthetic: SequenceSet): MarginalDistances {
  checkComparable(real, synthetic);
  const D = real.features;
  const wasserstein = new Float64Array(D);
  const kolmogorovSmirnov = new Float64Array(D);
  for (let d = 0; d < D; d++) {
    const a = sortedFeature(real, d);
    const b = sortedFeature(synthetic, d);
    wasserstein[d] = wasserstein1(a, b);
    kolmogorovSmirnov[d] = kolmogorovSmirnovStatistic(a, b);
  }
  return { wasserstein, kolmogorovSmirnov, meanWasserstein: mean(wasserstein), meanKolmogorovSmirnov: mean(kolmogorovSmirnov) };
}

/** Every value of feature `d`, ascending: [N·T]. */
export function sortedFeature(set: SequenceSet, d: number): Float64Array {
  const D = set.features;
  const out = new Float64Array(set.count * set.length);
  for (let i = 0; i < out.length; i++) out[i] = set.data[i * D + d];
  return out.sort();
}

/**
 * W₁ = ∫ |F(x) − G(x)| dx = ∫₀¹ |F⁻¹(u) − G⁻¹(u)| du for ascending samples `a`, `b`: the
 * empirical CDFs are steps, so the integral is a sum over the gaps between merged values.
 */
export function wasserstein1(a: Float64Array, b: Float64Array): number {
  let total = 0;
  walkCdfs(a, b, (gap, width) => (total += gap * width));
  return total;
}

/** KS = sup_x |F(x) − G(x)| for ascending samples `a`, `b` (ties handled: F counts values ≤ x). */
export function kolmogorovSmirnovStatistic(a: Float64Array, b: Float64Array): number {
  let sup = 0;
  walkCdfs(a, b, (gap) => (sup = Math.max(sup, gap)));
  return sup;
}

/**
 * Walks the distinct values x₁ < x₂ < … of a ∪ b; after each xₖ calls
 * visit(|F(xₖ) − G(xₖ)|, xₖ₊₁ − xₖ) (width 0 after the last), where F, G are the empirical CDFs.
 */
function walkCdfs(a: Float64Array, b: Float64Array, visit: (gap: number, width: number) => void): void {
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const x = Math.min(i < n ? a[i] : Infinity, j < m ? b[j] : Infinity);
    while (i < n && a[i] === x) i++;
    while (j < m && b[j] === x) j++;
    const next = Math.min(i < n ? a[i] : Infinity, j < m ? b[j] : Infinity);
    visit(Math.abs(i / n - j / m), next === Infinity ? 0 : next - x);
  }
}
