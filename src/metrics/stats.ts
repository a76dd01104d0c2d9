// Small descriptive statistics over plain arrays: mean, standard deviation, quantiles.

/** The arithmetic mean (NaN for no values). */
export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

/** The sample standard deviation (divisor n − 1); 0 for fewer than two values. */
export function standardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i] - m) ** 2;
  return Math.sqrt(s / (n - 1));
}

/** A sorted float64 copy. */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * The q-quantile of ascending `sorted` values, interpolating linearly between order statistics
 * at position q·(n − 1) (numpy's default), so q = 0.5 is the median.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = Math.min(Math.max(q, 0), 1) * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Column means [width] and centred cross-products Σᵣ (xᵣᵢ − x̄ᵢ)(xᵣⱼ − x̄ⱼ) [width, width]
 * (symmetric, filled) of `values` [rows, width]: the covariance matrix times rows (or rows − 1).
 */
export function centredCrossProducts(values: Float32Array | Float64Array, rows: number, width: number): { means: Float64Array; products: Float64Array } {
  const means = new Float64Array(width);
  for (let r = 0; r < rows; r++) for (let j = 0; j < width; j++) means[j] += values[r * width + j];
  for (let j = 0; j < width; j++) means[j] /= rows;
  const products = new Float64Array(width * width);
  const c = new Float64Array(width);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < width; j++) c[j] = values[r * width + j] - means[j];
    for (let i = 0; i < width; i++) for (let j = i; j < width; j++) products[i * width + j] += c[i] * c[j];
  }
  for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) products[i * width + j] = products[j * width + i];
  return { means, products };
}
