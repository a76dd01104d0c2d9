// Repeated scoring: TimeGAN reports its post-hoc scores as the mean of 10 fresh runs; this adds
// the spread.
import { mean, standardDeviation } from './stats.js';

export interface RepeatedScore {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for one run. TimeGAN prints no spread. */
  std: number;
  values: number[];
}

/**
 * Runs `score(k)` for k = 0 … repeats−1 and summarises. Derive each run's seed from k so that
 * runs differ but the whole is reproducible.
 *
 * @example
 * repeatScore((k) => discriminativeScore(real, synthetic, { seed: 100 + k }), 10); // { mean, std, values }
 */
export function repeatScore(score: (repeat: number) => number, repeats: number): RepeatedScore {
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`repeatScore: repeats must be a whole number ≥ 1, got ${repeats}`);
  const values = Array.from({ length: repeats }, (_, k) => score(k));
  return { mean: mean(values), std: standardDeviation(values), values };
}
