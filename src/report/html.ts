// The report page: one self-contained HTML document (inline CSS and SVG; no script, font,
// stylesheet or image is fetched), built from escaped text, the metric table and chart sections.
import type { MetricRow } from './metric-table.js';

/** One section of charts under a heading, with a line on how to read them. */
export interface ReportSection {
  title: string;
  description: string;
  /** Rendered charts, each with a page-unique id; none shows `empty` instead. */
  charts: Chart[];
  empty?: string;
}

/** An SVG element and the id of the figure holding it (`pca` → <figure id="chart-pca">). */
export interface Chart {
  id: string;
  svg: string;
}

export interface ReportPage {
  title: string;
  /** Label → value lines describing the inputs and settings. */
  facts: Array<[string, string]>;
  metrics: MetricRow[];
  sections: ReportSection[];
  footer: string;
}

/** The whole HTML document. */
export function renderPage(page: ReportPage): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(page.title)}</h1>`,
    factList(page.facts),
    '<h2>Metrics</h2>',
    metricTable(page.metrics),
    ...page.sections.map(section),
    `<footer>${escapeHtml(page.footer)}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Text made safe for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function factList(facts: Array<[string, string]>): string {
  const rows = facts.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`);
  return `<dl class="facts">${rows.join('')}</dl>`;
}

function metricTable(rows: MetricRow[]): string {
  const body = rows.map((r) => `<tr><th scope="row">${escapeHtml(r.metric)}</th><td class="value">${escapeHtml(r.value)}</td><td>${escapeHtml(r.note)}</td></tr>`);
  return `<table class="metrics"><thead><tr><th>metric</th><th>value</th><th>meaning</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function section(s: ReportSection): string {
  const content = s.charts.length > 0 ? s.charts.map(({ id, svg }) => `<figure id="chart-${escapeHtml(id)}">${svg}</figure>`).join('\n') : `<p class="empty">${escapeHtml(s.empty ?? 'nothing to show')}</p>`;
  return `<section>\n<h2>${escapeHtml(s.title)}</h2>\n<p>${escapeHtml(s.description)}</p>\n<div class="charts">\n${content}\n</div>\n</section>`;
}

const STYLE = `
body { font-family: Helvetica, Arial, sans-serif; color: #222; margin: 2em auto; max-width: 1100px; padding: 0 1em; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.4em; }
h2 { font-size: 1.2em; margin-top: 1.8em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1.2em; margin: 0; }
dl.facts dt { color: #666; }
dl.facts dd { margin: 0; }
table.metrics { border-collapse: collapse; width: 100%; font-size: 0.95em; }
table.metrics th, table.metrics td { border-bottom: 1px solid #e4e4e4; padding: 0.35em 0.6em; text-align: left; vertical-align: top; }
table.metrics thead th { border-bottom: 2px solid #bbb; }
table.metrics td.value { font-variant-numeric: tabular-nums; white-space: nowrap; font-weight: bold; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; }
figure { margin: 0; overflow-x: auto; max-width: 100%; }
p.empty { color: #777; font-style: italic; }
footer { margin-top: 3em; color: #888; font-size: 0.85em; }
`;
