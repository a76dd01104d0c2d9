// Principal component analysis: fit on one set of vectors (the real ones), project any set with
// that fit, as TimeGAN's visualisation does (docs/TIMEGAN.md §5).
import { centredCrossProducts } from './stats.js';
import { symmetricEigen } from './symmetric-eigen.js';

export interface PcaFit {
  /** Vector length. */
  dim: number;
  /** Mean of the fitted rows [dim], subtracted before projecting. */
  mean: Float64Array;
  /** Unit principal directions as rows [k, dim], by descending variance; each one's largest-magnitude entry is positive. */
  components: Float64Array;
  /** Variance along each component (divisor n − 1): [k]. */
  explainedVariance: Float64Array;
  /** Each component's share of the total variance: [k]. */
  explainedVarianceRatio: Float64Array;
}

/**
 * Fits `k` components to `rows` [n, dim] from the eigenvectors of their covariance matrix
 * (a symmetric dim × dim eigenproblem: cheap for dim = T). Components beyond dim are zero.
 *
 * @example
 * const fit = fitPca(realVectors, 1000, 24);
 * const xy = projectPca(fit, syntheticVectors); // [1000, 2]
 */
export function fitPca(rows: Float64Array, n: number, dim: number, k = 2): PcaFit {
  if (n < 2 || rows.length !== n * dim) throw new Error(`fitPca: need ≥ 2 rows of ${dim}, got ${rows.length} values for ${n}`);
  const { means: mean, products } = centredCrossProducts(rows, n, dim);
  const { values, vectors } = symmetricEigen(products.map((p) => p / (n - 1)), dim); // covariance [dim, dim]
  const total = values.reduce((s, v) => s + Math.max(v, 0), 0);
  const components = new Float64Array(k * dim);
  const explainedVariance = new Float64Array(k);
  const explainedVarianceRatio = new Float64Array(k);
  for (let p = 0; p < Math.min(k, dim); p++) {
    const row = vectors.subarray(p * dim, (p + 1) * dim);
    const flip = row.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0) < 0 ? -1 : 1;
    for (let j = 0; j < dim; j++) components[p * dim + j] = flip * row[j];
    explainedVariance[p] = Math.max(values[p], 0);
    explainedVarianceRatio[p] = total > 0 ? explainedVariance[p] / total : 0;
  }
  return { dim, mean, components, explainedVariance, explainedVarianceRatio };
}

/** (row − mean) · componentsᵀ for each of `rows` [n, dim] → [n, k]. */
export function projectPca(fit: PcaFit, rows: Float64Array): Float64Array {
  const { dim, mean, components } = fit;
  const n = rows.length / dim;
  const k = components.length / dim;
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < k; p++) {
      let s = 0;
      for (let j = 0; j < dim; j++) s += (rows[i * dim + j] - mean[j]) * components[p * dim + j];
      out[i * k + p] = s;
    }
  }
  return out;
}
