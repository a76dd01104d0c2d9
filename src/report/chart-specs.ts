// The report's Vega-Lite specs, one function per chart kind, data inline: real is red and
// synthetic blue throughout (docs/TIMEGAN.md §5), one small panel per feature where the chart
// is per feature.
import type { TopLevelSpec } from 'vega-lite';
import type { AcfRow, HistogramRow, LossRow, PointRow, SequenceRow } from './chart-data.js';

export const REAL_COLOR = '#d62728';
export const SYNTHETIC_COLOR = '#1f77b4';

const SET_COLOR = {
  field: 'set',
  type: 'nominal',
  scale: { domain: ['real', 'synthetic'], range: [REAL_COLOR, SYNTHETIC_COLOR] },
  legend: { title: null, orient: 'top' },
} as const;

const CONFIG = {
  // No per-mark ARIA labels: they would triple the size of a 2,000-point scatter.
  aria: false,
  background: 'white',
  font: 'Helvetica, Arial, sans-serif',
  view: { stroke: '#ccc' },
  axis: { labelFontSize: 10, titleFontSize: 11, titleFontWeight: 'normal', gridColor: '#eee', tickCount: 5 },
  header: { labelFontSize: 12, labelFontWeight: 'bold' },
  legend: { labelFontSize: 11 },
  title: { fontSize: 14, anchor: 'start' },
} as const;

/** Panels per row of a per-feature chart: at most 4, leaving the fewest empty cells (6 → 3 × 2). */
export function panelColumns(panels: number): number {
  if (panels <= 4) return panels;
  const empty = (columns: number): number => (columns - (panels % columns)) % columns;
  return empty(3) < empty(4) ? 3 : 4;
}

/** Every panel gets its own x axis, so a short last row leaves its empty cells blank. */
const PANEL_AXES = { axis: { x: 'independent' } } as const;

/** One small panel per value of `field`, in `order`, laid out by panelColumns. */
function panels(rows: object[], field: string, order: string[], resolve: object, spec: object): TopLevelSpec {
  const facet = { field, type: 'nominal', sort: order, title: null };
  return { data: { values: rows }, facet, columns: panelColumns(order.length), spec, resolve, config: CONFIG } as TopLevelSpec;
}

/** PCA or t-SNE points, real and synthetic, each at alpha 0.2. */
export function scatterSpec(title: string, rows: PointRow[], axes: [string, string]): TopLevelSpec {
  return {
    title,
    width: 380,
    height: 320,
    data: { values: rows },
    mark: { type: 'circle', size: 18, opacity: 0.2 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: axes[0], scale: { zero: false, nice: true } },
      y: { field: 'y', type: 'quantitative', title: axes[1], scale: { zero: false, nice: true } },
      color: SET_COLOR,
    },
    // the points are faint (alpha 0.2); their legend symbols need not be
    config: { ...CONFIG, legend: { ...CONFIG.legend, symbolOpacity: 1 } },
  };
}

/** A few whole sequences of each set, one line each, one panel per feature. */
export function sequenceSpec(rows: SequenceRow[], columns: string[]): TopLevelSpec {
  return panels(rows, 'feature', columns, { scale: { y: 'independent' }, ...PANEL_AXES }, {
    width: 200,
    height: 130,
    mark: { type: 'line', strokeWidth: 1.2, opacity: 0.75 },
    encoding: {
      x: { field: 't', type: 'quantitative', title: 'step', scale: { nice: false } },
      y: { field: 'value', type: 'quantitative', title: 'scaled value', scale: { zero: false } },
      color: SET_COLOR,
      detail: { field: 'sequence', type: 'nominal' },
    },
  });
}

/** Overlaid histograms per feature: the share of each set's values in each bin. */
export function histogramSpec(rows: HistogramRow[], columns: string[]): TopLevelSpec {
  return panels(rows, 'feature', columns, { scale: { x: 'independent', y: 'independent' } }, {
    width: 200,
    height: 110,
    mark: { type: 'rect', opacity: 0.45 },
    encoding: {
      x: { field: 'start', type: 'quantitative', title: 'scaled value', scale: { zero: false, nice: false } },
      x2: { field: 'end' },
      y: { field: 'share', type: 'quantitative', title: 'share of values', stack: null },
      y2: { datum: 0 },
      color: SET_COLOR,
    },
  });
}

/** Mean autocorrelation by lag, real and synthetic, one panel per feature. */
export function acfSpec(rows: AcfRow[], columns: string[]): TopLevelSpec {
  return panels(rows, 'feature', columns, PANEL_AXES, {
    width: 200,
    height: 110,
    mark: { type: 'line', point: { size: 16 }, strokeWidth: 1.5 },
    encoding: {
      x: { field: 'lag', type: 'quantitative', title: 'lag (steps)', axis: { tickMinStep: 1 } },
      y: { field: 'acf', type: 'quantitative', title: 'mean ACF', scale: { domain: [-1, 1] } },
      color: SET_COLOR,
      // dashed synthetic: a curve on top of the real one still shows both
      strokeDash: { field: 'set', type: 'nominal', scale: { domain: ['real', 'synthetic'], range: [[1, 0], [5, 3]] }, legend: SET_COLOR.legend },
    },
  });
}

/** Training losses by iteration, one panel per loss (their scales differ, and TimeGAN logs each phase's own losses over its own iterations). */
export function lossSpec(rows: LossRow[], losses: string[]): TopLevelSpec {
  return panels(rows, 'loss', losses, { scale: { x: 'independent', y: 'independent' } }, {
    width: 260,
    height: 150,
    mark: { type: 'line', strokeWidth: 1.3, color: '#444' },
    encoding: {
      x: { field: 'iteration', type: 'quantitative', title: 'iteration' },
      y: { field: 'value', type: 'quantitative', title: 'loss', scale: { zero: false } },
    },
  });
}
