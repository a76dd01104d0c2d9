// buildReport: an evaluated comparison → the HTML report's text — the metric table, PCA and
// t-SNE scatters, sample sequences, marginal histograms, ACF curves and, given a model, its
// training losses — every chart rendered to inline SVG.
import type { TopLevelSpec } from 'vega-lite';
import { Random } from '../engine/random.js';
import type { FidelityResult, Visualisation } from '../metrics/index.js';
import { packageVersion } from '../package-root.js';
import { acfRows, histogramRows, lossRows, sampleSequenceRows, scatterRows } from './chart-data.js';
import { acfSpec, histogramSpec, lossSpec, scatterSpec, sequenceSpec } from './chart-specs.js';
import { renderPage, type Chart, type ReportSection } from './html.js';
import type { LossHistory } from './loss-history.js';
import { metricRows, type EvaluationSettings } from './metric-table.js';
import type { NamedSequences, RealSequences } from './real-sequences.js';
import { renderSvg } from './svg.js';

/** Sample sequences drawn per set, and histogram bins per feature. */
const SAMPLE_SEQUENCES = 5;
const HISTOGRAM_BINS = 30;

export interface ReportInput {
  real: RealSequences;
  synthetic: NamedSequences;
  result: FidelityResult;
  settings: EvaluationSettings;
  /** The model's losses when a model directory was given (and its path). */
  model?: { dir: string; history: LossHistory };
}

/**
 * @example
 * const html = await buildReport({ real, synthetic, result, settings });
 * await writeFileAtomic('report.html', html);
 */
export async function buildReport(input: ReportInput): Promise<string> {
  const { real, synthetic, result, settings } = input;
  const columns = real.columns;
  const sampleRng = new Random(settings.seed);
  const sections: ReportSection[] = [
    await projectionSection(result.visualisation),
    {
      title: 'Sample sequences',
      description: `${SAMPLE_SEQUENCES} randomly chosen sequences of each set, every feature on the scale the metrics use.`,
      charts: [await chart('sequences', sequenceSpec(sampleSequenceRows(real.set, synthetic.set, columns, SAMPLE_SEQUENCES, sampleRng), columns))],
    },
    {
      title: 'Marginal distributions',
      description: `Histograms of every value of each feature (all steps pooled), ${HISTOGRAM_BINS} bins; bar height is the share of that set's values.`,
      charts: [await chart('histograms', histogramSpec(histogramRows(real.set, synthetic.set, columns, HISTOGRAM_BINS), columns))],
    },
    {
      title: 'Autocorrelation',
      description: `Mean autocorrelation of each feature within a sequence, lags 1–${result.autocorrelation.maxLag}.`,
      charts: [await chart('acf', acfSpec(acfRows(result.autocorrelation, columns), columns))],
    },
  ];
  if (input.model !== undefined) sections.push(await lossSection(input.model.dir, input.model.history));
  return renderPage({
    title: 'Synthetic data report',
    facts: facts(input),
    metrics: metricRows(result, settings),
    sections,
    footer: `Made by rgan report (recurrent-gan ${packageVersion()}). Real data red, synthetic blue.`,
  });
}

/** PCA fitted on the real vectors and t-SNE of both (docs/TIMEGAN.md §5). */
async function projectionSection(v: Visualisation | null): Promise<ReportSection> {
  const title = 'PCA and t-SNE';
  if (v === null) return { title, description: '', charts: [], empty: 'not computed' };
  const ratio = v.pca.fit.explainedVarianceRatio;
  const pcAxis = (k: number): string => `PC ${k + 1} (${(100 * ratio[k]).toFixed(1)}% of real variance)`;
  const charts = [await chart('pca', scatterSpec('PCA', scatterRows(v.pca), [pcAxis(0), pcAxis(1)]))];
  if (v.tsne !== null) charts.push(await chart('tsne', scatterSpec('t-SNE', scatterRows(v.tsne), ['x-tsne', 'y-tsne'])));
  const n = v.indices.length;
  return {
    title,
    description: `${n} sequences of each set (the same indices in both), each reduced to its mean over features at every step; PCA fitted on the real ones only, t-SNE on all ${2 * n} together.`,
    charts,
  };
}

async function lossSection(dir: string, history: LossHistory): Promise<ReportSection> {
  const rows = lossRows(history.entries);
  const losses = [...new Set(rows.map((r) => r.loss))];
  return {
    title: 'Training losses',
    description: `Losses of the ${history.kind} model in ${dir}, as logged during its ${history.iterations} training iterations.`,
    charts: rows.length > 0 ? [await chart('losses', lossSpec(rows, losses))] : [],
    empty: 'the model logged no losses (it trained for fewer iterations than its logging interval)',
  };
}

/** Renders `spec` into the figure `id`. */
async function chart(id: string, spec: TopLevelSpec): Promise<Chart> {
  return { id, svg: await renderSvg(spec, id) };
}

function facts({ real, synthetic, settings, model }: ReportInput): Array<[string, string]> {
  const shape = (s: NamedSequences): string => `${s.set.count.toLocaleString('en-US')} sequences of ${s.set.length} steps × ${s.set.features} features`;
  const scale = real.ranges === null
    ? 'as generated (sines are not rescaled)'
    : "each column mapped by the real data's range: (x − min) / (max − min + 1e-7)";
  const list: Array<[string, string]> = [
    ['real', `${real.source}: ${shape(real)}`],
    ['synthetic', `${synthetic.source}: ${shape(synthetic)}`],
    ['features', real.columns.join(', ')],
    ['scale', scale],
    ['post-hoc runs', `${settings.repeats} × (discriminative ${settings.discriminativeIterations} steps, predictive ${settings.predictiveIterations} steps)`],
    ['seed', String(settings.seed)],
  ];
  if (model !== undefined) list.push(['model', `${model.dir} (${model.history.kind}, ${model.history.iterations} iterations)`]);
  return list;
}
