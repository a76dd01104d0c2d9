// The report layer's public surface: re-exports only.
export {
  loadRealSequences,
  scaleToReal,
  SCALE_EPSILON,
  type ColumnRange,
  type NamedSequences,
  type RealOptions,
  type RealSequences,
} from './real-sequences.js';
export { loadSyntheticSequences } from './synthetic-sequences.js';
export { evaluateInStages, type EvaluationOptions, type EvaluationProgress } from './evaluate.js';
export { metricRows, formatMetricTable, evaluationDocument, formatNumber, type MetricRow, type EvaluationSettings } from './metric-table.js';
export { readLossHistory, type LossHistory } from './loss-history.js';
export { buildReport, type ReportInput } from './build.js';
export { renderSvg, inlineSvg } from './svg.js';
export { renderPage, escapeHtml, type Chart, type ReportPage, type ReportSection } from './html.js';
