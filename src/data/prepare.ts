// prepareDataset: a DataSource → scaled training windows, condition vectors and the encoder that
// maps them back. Each step lives in its own module; this one only runs them in order.
import { typeColumn } from './columns.js';
import { formatCount } from '../format-units.js';
import { DataEncoder } from './encoder.js';
import { checkWindowValues } from './limits.js';
import { fillMissing, rowsToKeep } from './missing.js';
import { resolveDataOptions, type DataOptions } from './options.js';
import { resolveRoles } from './roles.js';
import { groupSeries, readRowKeys, type Series } from './series.js';
import type { DataSource } from './source.js';
import { slidingWindows, type WindowIndex } from './windows.js';

/** Training data: windows in [0, 1] and what is needed to read them back. */
export interface PreparedData {
  /** [count, length, features], features encoded (numeric scaled, categorical one-hot). */
  windows: Float32Array;
  /** N: the number of windows. */
  count: number;
  /** T: steps per window (seqLen). */
  length: number;
  /** D: slots per step (encoder.featureCount). */
  features: number;
  /** [count, encoder.conditionCount]: each window's conditions, from its first row. */
  conditionValues: Float32Array;
  encoder: DataEncoder;
}

/**
 * Types the columns, handles missing values, splits rows into series ordered by time, fits the
 * scaling on all kept rows and cuts windows of `seqLen` every `stride` steps within each series.
 * Every problem with the data or the options is a UserError naming the place.
 *
 * @example
 * // walks.csv: id,time,x,label — two walks, label a categorical condition
 * const data = prepareDataset(await readTable('walks.csv'), { seqLen: 8, conditions: ['label'] });
 * data.windows;          // Float32Array [data.count, 8, 1]
 * data.conditionValues;  // Float32Array [data.count, 2] one-hot label of each window's first row
 */
export function prepareDataset(source: DataSource, options: DataOptions): PreparedData {
  const opts = resolveDataOptions(options);
  const roles = resolveRoles(source, opts);
  const features = roles.features.map((c) => typeColumn(source, c, roles.categorical.has(c)));
  const conditions = roles.conditions.map((c) => typeColumn(source, c, roles.categorical.has(c)));
  const keys = readRowKeys(source, roles);
  const kept = rowsToKeep(source, [...features, ...conditions], keys, opts.missing, roles);
  const series = groupSeries(source, kept, keys);
  fillMissing(source, [...features, ...conditions], series, opts.missing);
  const index = slidingWindows(series, opts.seqLen, opts.stride, source.file);
  const encoder = DataEncoder.fit(features, conditions, kept);
  const count = index.start.length;
  const what = `${formatCount(count)} windows of ${opts.seqLen} steps × ${encoder.featureCount} values`;
  checkWindowValues(count * opts.seqLen * encoder.featureCount, what, 'use a larger --stride, a shorter --seq-len or less data', { file: source.file });
  const { windows, firstRows } = cutWindows(
    encoder,
    features.map((f) => f.values),
    series,
    index,
    opts.seqLen,
  );
  return {
    windows,
    count,
    length: opts.seqLen,
    features: encoder.featureCount,
    conditionValues: encoder.encodeConditionRows(conditions.map((c) => c.values), firstRows),
    encoder,
  };
}

/**
 * Encodes every series row once, laid out series after series, so each window is one
 * contiguous copy; also returns each window's first source row (for its conditions).
 */
function cutWindows(
  encoder: DataEncoder,
  values: Float64Array[],
  series: Series[],
  index: WindowIndex,
  length: number,
): { windows: Float32Array; firstRows: Int32Array } {
  const offsets = new Int32Array(series.length + 1);
  series.forEach(({ rows }, s) => (offsets[s + 1] = offsets[s] + rows.length));
  const order = new Int32Array(offsets[series.length]);
  series.forEach(({ rows }, s) => order.set(rows, offsets[s]));
  const encoded = encoder.encodeFeatureRows(values, order); // [rows in series order, D]
  const width = encoder.featureCount;
  const count = index.start.length;
  const windows = new Float32Array(count * length * width);
  const firstRows = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const first = offsets[index.series[k]] + index.start[k];
    windows.set(encoded.subarray(first * width, (first + length) * width), k * length * width);
    firstRows[k] = order[first];
  }
  return { windows, firstRows };
}
