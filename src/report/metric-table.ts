// The metrics of a comparison as people read them: one row per metric (name, value, what is
// good) for the terminal table and the HTML report, and one JSON document for --json.
import type { FidelityResult, RepeatedScore } from '../metrics/index.js';
import type { NamedSequences } from './real-sequences.js';

/** One line of the metric table. */
export interface MetricRow {
  metric: string;
  /** Formatted: `0.0812 ± 0.0123` for repeated scores, `—` when not computed. */
  value: string;
  /** What a good value is, and how the number was made. */
  note: string;
}

/** The settings an evaluation ran with, echoed in the JSON document and the report. */
export interface EvaluationSettings {
  seqLen: number;
  repeats: number;
  seed: number;
  discriminativeIterations: number;
  predictiveIterations: number;
}

/** Every headline metric of `result`, in the order TimeGAN's paper reports them first. */
export function metricRows(result: FidelityResult, settings: EvaluationSettings): MetricRow[] {
  const runs = `mean ± std of ${settings.repeats} runs`;
  const m = result.memorisation;
  return [
    { metric: 'discriminative score', value: repeatedValue(result.discriminative), note: `|accuracy − 0.5| of a post-hoc GRU classifier, 0 best (${runs}, ${settings.discriminativeIterations} steps each)` },
    { metric: 'predictive score', value: repeatedValue(result.predictive), note: `MAE of next-step prediction, trained on synthetic and tested on real, lower better (${runs}, ${settings.predictiveIterations} steps each)` },
    { metric: 'MMD²', value: formatNumber(result.mmd.mmd2), note: `Gaussian kernel on whole sequences, σ = ${formatNumber(result.mmd.bandwidth)} (median distance), ≈ 0 best` },
    { metric: 'marginal Wasserstein-1', value: formatNumber(result.marginals.meanWasserstein), note: 'per feature over all steps, mean over features (scaled units), 0 best' },
    { metric: 'marginal Kolmogorov–Smirnov', value: formatNumber(result.marginals.meanKolmogorovSmirnov), note: 'largest CDF gap per feature, mean over features, 0 best' },
    { metric: 'ACF distance', value: formatNumber(result.autocorrelation.distance), note: `mean |ACF real − ACF synthetic| over features and lags 1–${result.autocorrelation.maxLag}, 0 best` },
    { metric: 'correlation distance', value: formatNumber(result.correlation.distance), note: 'mean |difference| of the feature correlation matrices, 0 best' },
    { metric: 'memorisation share', value: formatNumber(m.closerShare), note: `synthetic sequences nearer a real one than its ${formatNumber(m.quantile)}-quantile (${m.baseline}) neighbour distance; ≈ ${formatNumber(m.quantile)} when not memorising; exact copies: ${m.copies}` },
  ];
}

/** The metric rows as an aligned plain-text table, two spaces between columns. */
export function formatMetricTable(rows: MetricRow[]): string {
  const header: MetricRow = { metric: 'metric', value: 'value', note: 'meaning' };
  const all = [header, ...rows];
  const width = (key: 'metric' | 'value'): number => Math.max(...all.map((r) => r[key].length));
  return all.map((r) => `${r.metric.padEnd(width('metric'))}  ${r.value.padEnd(width('value'))}  ${r.note}`).join('\n');
}

/** The --json document: what was compared, the settings, and every metric (null where not computed). */
export function evaluationDocument(real: NamedSequences, synthetic: NamedSequences, result: FidelityResult, settings: EvaluationSettings): unknown {
  const perFeature = (values: Float64Array): Record<string, number> => Object.fromEntries(real.columns.map((c, d) => [c, values[d]]));
  const m = result.memorisation;
  const document = {
    real: describe(real),
    synthetic: describe(synthetic),
    settings,
    metrics: {
      discriminative: result.discriminative,
      predictive: result.predictive,
      mmd2: result.mmd.mmd2,
      mmdBandwidth: result.mmd.bandwidth,
      wasserstein: { mean: result.marginals.meanWasserstein, perFeature: perFeature(result.marginals.wasserstein) },
      kolmogorovSmirnov: { mean: result.marginals.meanKolmogorovSmirnov, perFeature: perFeature(result.marginals.kolmogorovSmirnov) },
      autocorrelation: { distance: result.autocorrelation.distance, maxLag: result.autocorrelation.maxLag, perFeature: perFeature(result.autocorrelation.perFeature) },
      correlation: { distance: result.correlation.distance },
      memorisation: { closerShare: m.closerShare, quantile: m.quantile, threshold: m.threshold, baseline: m.baseline, copies: m.copies, copyShare: m.copyShare },
    },
  };
  // JSON has no NaN or Infinity: such values become null.
  return JSON.parse(JSON.stringify(document, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value)));
}

function describe(named: NamedSequences): { source: string; count: number; length: number; features: number; columns: string[] } {
  const { count, length, features } = named.set;
  return { source: named.source, count, length, features, columns: named.columns };
}

function repeatedValue(score: RepeatedScore | null): string {
  return score === null ? '—' : `${formatNumber(score.mean)} ± ${formatNumber(score.std, 2)}`;
}

/** `digits` significant digits (default 4), plain for ordinary magnitudes: 0.0812, 1.234e-5. */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e6 ? String(Number(value.toPrecision(digits))) : Number(value.toPrecision(digits)).toExponential();
}
