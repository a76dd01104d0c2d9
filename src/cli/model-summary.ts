// The text `rgan info` prints for a model directory: kind, weights, config, data schema and
// training state. The data and training sections are opaque to the file format, so this reads
// the keys models write today and shows anything else as flat key/value lines:
//   data:     { features: ColumnSpec[], conditions: ColumnSpec[] } (DataEncoder.toJSON)
//   training: { iteration, history: [{ iteration, losses }], lastLosses?, wallSeconds? }
import type { ModelDescription } from '../io/model-files.js';
import { formatBytes, formatCount, formatDuration, formatLosses } from './format.js';

type Json = Record<string, unknown>;

/** The human-readable description of the model in `dir`. */
export function describeModel(dir: string, model: ModelDescription): string {
  const { weights } = model;
  const values = weights.bytes / 4;
  const sections = [
    table([
      ['model', dir],
      ['kind', `${model.kind} (format ${model.format}, written by ${model.writtenBy})`],
      ['weights', `${weights.tensors.length} tensors, ${formatCount(values)} values (${formatBytes(weights.bytes)}), checksum verified`],
    ]),
    section('config', flatten(model.config)),
    section('data', dataRows(model.data, model.config)),
    section('training', trainingRows(model.training)),
  ];
  return `${sections.join('\n\n')}\n`;
}

function section(title: string, rows: Array<[string, string]>): string {
  if (rows.length === 0) return `${title}\n  (none)`;
  return `${title}\n${table(rows, '  ')}`;
}

function table(rows: Array<[string, string]>, indent = ''): string {
  const width = Math.max(...rows.map(([key]) => key.length));
  return rows.map(([key, value]) => `${indent}${key.padEnd(width)}  ${value}`).join('\n');
}

function dataRows(data: unknown, config: unknown): Array<[string, string]> {
  if (!isRecord(data)) return data === null ? [] : [['schema', JSON.stringify(data)]];
  const settings = isRecord(config) ? config : {};
  const features = columnList(data.features);
  const conditions = columnList(data.conditions);
  if (features === null) return flatten(data);
  const rows: Array<[string, string]> = [];
  const seqLen = data.seqLen ?? settings.seqLen;
  if (typeof seqLen === 'number') rows.push(['sequence length', String(seqLen)]);
  const width = typeof settings.features === 'number' ? `; ${settings.features} values per step` : '';
  rows.push(['features', `${features}${width}`]);
  rows.push(['conditions', conditions ?? 'none']);
  return rows;
}

/** "x, y, label (3 categories)" for a list of column specs; null when it is not one. */
function columnList(value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  if (value.length === 0) return 'none';
  const names = value.map((spec) => {
    if (typeof spec === 'string') return spec;
    if (!isRecord(spec) || typeof spec.name !== 'string') return JSON.stringify(spec);
    return Array.isArray(spec.categories) ? `${spec.name} (${spec.categories.length} categories)` : spec.name;
  });
  return names.join(', ');
}

function trainingRows(training: unknown): Array<[string, string]> {
  if (!isRecord(training)) return training === null ? [] : [['state', JSON.stringify(training)]];
  const rows: Array<[string, string]> = [];
  const iteration = training.iteration ?? training.iterations;
  if (typeof iteration === 'number') rows.push(['iterations done', formatCount(iteration)]);
  const losses = lastLosses(training);
  if (losses !== null) rows.push(['last losses', formatLosses(losses)]);
  if (typeof training.wallSeconds === 'number') rows.push(['wall time', formatDuration(training.wallSeconds)]);
  return rows;
}

function lastLosses(training: Json): Record<string, number> | null {
  if (isLosses(training.lastLosses)) return training.lastLosses;
  const history = training.history;
  if (!Array.isArray(history) || history.length === 0) return null;
  const last: unknown = history[history.length - 1];
  if (isRecord(last) && isLosses(last.losses)) return last.losses;
  return null;
}

/** Nested objects as dotted keys: { generator: { cell: 'gru' } } → [['generator.cell', 'gru']]. */
function flatten(value: unknown, prefix = ''): Array<[string, string]> {
  if (!isRecord(value)) return value === undefined || value === null ? [] : [[prefix || 'value', show(value)]];
  return Object.entries(value).flatMap(([key, inner]): Array<[string, string]> => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return isRecord(inner) && Object.keys(inner).length > 0 ? flatten(inner, path) : [[path, show(inner)]];
  });
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLosses(value: unknown): value is Record<string, number> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'number');
}
