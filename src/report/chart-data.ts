// The rows each report chart plots, made from the sequences and the metrics' results: small,
// pre-aggregated tables (histogram counts, mean ACF curves), so the inline SVGs stay small.
import type { Random } from '../engine/random.js';
import { sampleIndices, type AutocorrelationComparison, type Embedding2D, type SequenceSet } from '../metrics/index.js';

export type SetName = 'real' | 'synthetic';

export interface PointRow { x: number; y: number; set: SetName }
export interface SequenceRow { feature: string; t: number; value: number; set: SetName; sequence: string }
export interface HistogramRow { feature: string; start: number; end: number; share: number; set: SetName }
export interface AcfRow { feature: string; lag: number; acf: number; set: SetName }
export interface LossRow { iteration: number; loss: string; value: number }

/** One loss-history entry, as model.json's training.history keeps it. */
export interface LossEntry {
  iteration: number;
  losses: Record<string, number>;
}

/** Scatter points, real first so synthetic is drawn over it (as TimeGAN's plots do). */
export function scatterRows(embedding: Embedding2D): PointRow[] {
  const rows: PointRow[] = [];
  for (const set of ['real', 'synthetic'] as const) {
    const xy = embedding[set];
    for (let i = 0; i + 1 < xy.length; i += 2) rows.push({ x: xy[i], y: xy[i + 1], set });
  }
  return rows;
}

/** `perSet` randomly chosen sequences of each set, every feature at every step. */
export function sampleSequenceRows(real: SequenceSet, synthetic: SequenceSet, columns: string[], perSet: number, rng: Random): SequenceRow[] {
  const rows: SequenceRow[] = [];
  for (const [set, sequences] of [['real', real], ['synthetic', synthetic]] as const) {
    const { length: T, features: D, data } = sequences;
    sampleIndices(sequences.count, perSet, rng).forEach((n, k) => {
      for (let t = 0; t < T; t++) {
        columns.forEach((feature, d) => rows.push({ feature, t, value: data[(n * T + t) * D + d], set, sequence: `${set} ${k + 1}` }));
      }
    });
  }
  return rows;
}

/**
 * Per feature, `bins` equal bins spanning both sets' values; each bar is the share of that set's
 * values (all steps of all sequences) falling in the bin, so sets of different sizes compare.
 */
export function histogramRows(real: SequenceSet, synthetic: SequenceSet, columns: string[], bins: number): HistogramRow[] {
  const rows: HistogramRow[] = [];
  columns.forEach((feature, d) => {
    const [low, high] = featureExtent([real, synthetic], d);
    const width = high > low ? (high - low) / bins : 1;
    for (const [set, sequences] of [['real', real], ['synthetic', synthetic]] as const) {
      const counts = new Float64Array(bins);
      const { data, features: D } = sequences;
      const values = data.length / D;
      for (let i = 0; i < values; i++) counts[Math.min(bins - 1, Math.floor((data[i * D + d] - low) / width))]++;
      counts.forEach((c, b) => rows.push({ feature, start: low + b * width, end: low + (b + 1) * width, share: c / values, set }));
    }
  });
  return rows;
}

/** The mean ACF curves of every feature, lags 1 … L. */
export function acfRows(acf: AutocorrelationComparison, columns: string[]): AcfRow[] {
  const rows: AcfRow[] = [];
  const L = acf.maxLag;
  columns.forEach((feature, d) => {
    for (let k = 0; k < L; k++) {
      rows.push({ feature, lag: k + 1, acf: acf.real[d * L + k], set: 'real' });
      rows.push({ feature, lag: k + 1, acf: acf.synthetic[d * L + k], set: 'synthetic' });
    }
  });
  return rows;
}

/** One row per loss per logged iteration; non-finite losses (a diverged run) are left out. */
export function lossRows(history: readonly LossEntry[]): LossRow[] {
  return history.flatMap(({ iteration, losses }) =>
    Object.entries(losses)
      .filter(([, value]) => Number.isFinite(value))
      .map(([loss, value]) => ({ iteration, loss, value })),
  );
}

/** [min, max] of feature d over the given sets. */
function featureExtent(sets: SequenceSet[], d: number): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const { data, features: D } of sets) {
    for (let i = d; i < data.length; i += D) {
      if (data[i] < low) low = data[i];
      if (data[i] > high) high = data[i];
    }
  }
  return [low, high];
}
