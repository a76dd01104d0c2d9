// Per-feature summary statistics of a set of sequences — mean, standard deviation and lag-1
// autocorrelation — and their relative differences: the quick fidelity check the demo reports.

/** Statistics of one feature over all sequences and steps. */
export interface FeatureStatistics {
  mean: number;
  std: number;
  /** Pearson correlation of x[n, t] with x[n, t+1], pooled over sequences n and steps t. */
  lag1: number;
}

/** Per-feature statistics of sequences [count, length, features] (row-major). */
export function featureStatistics(data: ArrayLike<number>, count: number, length: number, features: number): FeatureStatistics[] {
  return Array.from({ length: features }, (_, d) => {
    let sum = 0;
    let squares = 0;
    for (let i = d; i < count * length * features; i += features) {
      sum += data[i];
      squares += data[i] * data[i];
    }
    const n = count * length;
    const mean = sum / n;
    const variance = Math.max(0, squares / n - mean * mean);
    return { mean, std: Math.sqrt(variance), lag1: lag1Correlation(data, count, length, features, d) };
  });
}

function lag1Correlation(data: ArrayLike<number>, count: number, length: number, features: number, d: number): number {
  let sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, n = 0;
  for (let s = 0; s < count; s++) {
    for (let t = 0; t + 1 < length; t++) {
      const a = data[(s * length + t) * features + d];
      const b = data[(s * length + t + 1) * features + d];
      sa += a; sb += b; saa += a * a; sbb += b * b; sab += a * b; n++;
    }
  }
  if (n === 0) return 0;
  const cov = sab / n - (sa / n) * (sb / n);
  const va = saa / n - (sa / n) ** 2;
  const vb = sbb / n - (sb / n) ** 2;
  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
}

/** For each statistic, the largest relative difference |synthetic − real| / |real| over features. */
export function worstRelativeDifference(real: FeatureStatistics[], synthetic: FeatureStatistics[]): FeatureStatistics {
  const worst = { mean: 0, std: 0, lag1: 0 };
  real.forEach((r, d) => {
    for (const key of ['mean', 'std', 'lag1'] as const) {
      const diff = Math.abs(synthetic[d][key] - r[key]) / Math.max(Math.abs(r[key]), 1e-12);
      worst[key] = Math.max(worst[key], diff);
    }
  });
  return worst;
}
