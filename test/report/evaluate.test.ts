// The staged evaluation gives exactly evaluateFidelity's numbers, reports each stage, and turns
// into a metric table and a JSON document.
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/engine/random.js';
import { evaluateFidelity, type SequenceSet } from '../../src/metrics/index.js';
import {
  evaluateInStages,
  evaluationDocument,
  formatMetricTable,
  formatNumber,
  metricRows,
  type EvaluationProgress,
} from '../../src/report/index.js';

function noise(seed: number, count: number, length = 6, features = 3): SequenceSet {
  const data = new Float32Array(count * length * features);
  new Random(seed).fillUniform(data);
  return { data, count, length, features };
}

const real = noise(1, 40);
const synthetic = noise(2, 30);
const options = { repeats: 2, seed: 5, discriminativeIterations: 5, predictiveIterations: 5, visualisation: 'pca' as const };
const settings = { seqLen: 6, repeats: 2, seed: 5, discriminativeIterations: 5, predictiveIterations: 5 };

describe('evaluateInStages', () => {
  it('equals evaluateFidelity with the same options, and reports every stage in order', async () => {
    const seen: EvaluationProgress[] = [];
    const staged = await evaluateInStages(real, synthetic, options, (p) => seen.push(p));
    expect(staged).toEqual(evaluateFidelity(real, synthetic, options));
    expect(seen.map((p) => p.done)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(seen.every((p) => p.total === 10)).toBe(true);
    expect(seen.map((p) => p.stage).slice(0, 5)).toEqual(['discriminative', 'discriminative', 'predictive', 'predictive', 'mmd2']);
  });

  it('skips the predictive runs with one feature and the post-hoc scores with 0 repeats', async () => {
    const one = await evaluateInStages(noise(1, 20, 6, 1), noise(2, 20, 6, 1), { ...options, repeats: 1, visualisation: false });
    expect(one.predictive).toBeNull();
    expect(one.discriminative?.values).toHaveLength(1);
    const none = await evaluateInStages(real, synthetic, { ...options, repeats: 0 });
    expect(none.discriminative).toBeNull();
  });
});

describe('metric table and JSON document', () => {
  it('lists every metric with its value', async () => {
    const result = await evaluateInStages(real, synthetic, options);
    const rows = metricRows(result, settings);
    expect(rows.map((r) => r.metric)).toEqual([
      'discriminative score', 'predictive score', 'MMD²', 'marginal Wasserstein-1',
      'marginal Kolmogorov–Smirnov', 'ACF distance', 'correlation distance', 'memorisation share',
    ]);
    expect(rows[0].value).toMatch(/^[\d.e-]+ ± [\d.e-]+$/);
    const table = formatMetricTable(rows).split('\n');
    expect(table[0]).toMatch(/^metric +value +meaning$/);
    expect(table).toHaveLength(9);
  });

  it('writes null for what was not computed', async () => {
    const result = await evaluateInStages(real, synthetic, { ...options, repeats: 0 });
    const named = (set: SequenceSet, source: string) => ({ set, columns: ['x', 'y', 'z'], source });
    const doc = evaluationDocument(named(real, 'r.csv'), named(synthetic, 's.csv'), result, { ...settings, repeats: 0 }) as {
      metrics: Record<string, unknown>;
      real: { count: number };
    };
    expect(doc.real.count).toBe(40);
    expect(doc.metrics.discriminative).toBeNull();
    expect(Object.keys(doc.metrics.wasserstein as object)).toEqual(['mean', 'perFeature']);
  });

  it('formats numbers to four significant digits', () => {
    expect(formatNumber(0.081234)).toBe('0.08123');
    expect(formatNumber(-0.0000365)).toBe('-3.65e-5');
    expect(formatNumber(0.0123456, 2)).toBe('0.012');
    expect(formatNumber(NaN)).toBe('—');
    expect(formatNumber(0)).toBe('0');
  });
});
