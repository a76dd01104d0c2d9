// Chart rows, Vega-Lite → SVG rendering for inline use, and the page around the charts.
import { describe, expect, it } from 'vitest';
import { histogramRows, lossRows, sampleSequenceRows } from '../../src/report/chart-data.js';
import { panelColumns, scatterSpec } from '../../src/report/chart-specs.js';
import { Random } from '../../src/engine/random.js';
import { escapeHtml, inlineSvg, renderPage, renderSvg } from '../../src/report/index.js';

const real = { data: Float32Array.from([0, 10, 1, 11, 2, 12, 3, 13]), count: 2, length: 2, features: 2 };
const synthetic = { data: Float32Array.from([0.5, 10, 0.5, 10, 2.5, 10, 2.5, 10]), count: 2, length: 2, features: 2 };

describe('chart rows', () => {
  it('histograms give each set shares summing to 1 per feature, over bins spanning both sets', () => {
    const rows = histogramRows(real, synthetic, ['a', 'b'], 4);
    for (const feature of ['a', 'b']) {
      for (const set of ['real', 'synthetic']) {
        const mine = rows.filter((r) => r.feature === feature && r.set === set);
        expect(mine).toHaveLength(4);
        expect(mine.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
      }
    }
    const a = rows.filter((r) => r.feature === 'a' && r.set === 'real');
    expect([a[0].start, a[3].end]).toEqual([0, 3]);
  });

  it('sample sequences keep every step and feature of the chosen sequences', () => {
    const rows = sampleSequenceRows(real, synthetic, ['a', 'b'], 1, new Random(0));
    expect(rows).toHaveLength(2 * 2 * 2); // 1 sequence per set × 2 steps × 2 features
    expect(new Set(rows.map((r) => r.sequence))).toEqual(new Set(['real 1', 'synthetic 1']));
  });

  it('loss rows drop the losses a diverged run could not log', () => {
    const rows = lossRows([{ iteration: 10, losses: { d: 1.2, g: null as unknown as number } }, { iteration: 20, losses: { d: 1.1, g: 0.7 } }]);
    expect(rows).toEqual([{ iteration: 10, loss: 'd', value: 1.2 }, { iteration: 20, loss: 'd', value: 1.1 }, { iteration: 20, loss: 'g', value: 0.7 }]);
  });

  it('lays panels out at most 4 wide, with the fewest empty cells', () => {
    expect([1, 4, 5, 6, 7, 8, 9, 28].map(panelColumns)).toEqual([1, 4, 3, 3, 4, 4, 3, 4]);
  });
});

describe('renderSvg', () => {
  it('renders a Vega-Lite spec to an SVG element that names no URL', async () => {
    const svg = await renderSvg(scatterSpec('PCA', [{ x: 1, y: 2, set: 'real' }, { x: 2, y: 1, set: 'synthetic' }], ['x', 'y']), 'pca');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('</svg>');
    expect(svg).toContain('opacity="0.2"'); // the points, at alpha 0.2
    expect(svg).not.toMatch(/https?:\/\//);
  });

  it('prefixes ids and their references, and trims geometry to two decimals', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><clipPath id="clip1"/><g clip-path="url(#clip1)" transform="translate(1.23456,7)"/></svg>';
    expect(inlineSvg(svg, 'acf')).toBe('<svg><clipPath id="acf-clip1"/><g clip-path="url(#acf-clip1)" transform="translate(1.23,7)"/></svg>');
  });
});

describe('renderPage', () => {
  it('escapes text and holds each chart in a figure named by its id', () => {
    const html = renderPage({
      title: 'a <b> & "c"',
      facts: [['real', 'x<y']],
      metrics: [{ metric: 'MMD²', value: '0.1', note: '<0 impossible' }],
      sections: [{ title: 'PCA', description: 'd', charts: [{ id: 'pca', svg: '<svg></svg>' }] }, { title: 'Losses', description: '', charts: [], empty: 'none logged' }],
      footer: 'f',
    });
    expect(html).toContain('<title>a &lt;b&gt; &amp; &quot;c&quot;</title>');
    expect(html).toContain('<figure id="chart-pca"><svg></svg></figure>');
    expect(html).toContain('<p class="empty">none logged</p>');
    expect(html).toContain('&lt;0 impossible');
    expect(escapeHtml("'")).toBe('&#39;');
  });
});
