// The synthetic side of a comparison: a sample file as `rgan sample` writes it (CSV with seq and
// t columns, JSON sequences or .npy [N, T, D], in the data's units), checked against the real
// sequences' shape and mapped onto their scale with the real data's ranges.
import { typeColumn } from '../data/columns.js';
import { readSequenceFile, type DataSource } from '../data/index.js';
import { resolveDataOptions } from '../data/options.js';
import { resolveRoles } from '../data/roles.js';
import { groupSeries, readRowKeys, type Series } from '../data/series.js';
import { placeOfRow } from '../data/source.js';
import { UserError } from '../errors.js';
import { scaleToReal, type NamedSequences, type RealSequences } from './real-sequences.js';

const FLAG = '--synthetic';

/**
 * Reads `path` into sequences shaped like `real` ([N, T, D] with the real T and D), each value
 * scaled as the real column of the same name (or position) was. A CSV's rows are grouped into
 * sequences by its `seq` column (else `id`) and ordered by `t` (else `time`).
 *
 * @example
 * const synthetic = await loadSyntheticSequences('samples.csv', real); // real's scale and shape
 */
export async function loadSyntheticSequences(path: string, real: RealSequences): Promise<NamedSequences> {
  const source = await readSequenceFile(path, { fileFlag: FLAG });
  const has = (name: string): string | undefined => (source.columns.includes(name) ? name : undefined);
  const options = resolveDataOptions({ seqLen: real.set.length, id: has('seq'), time: has('t') });
  const roles = resolveRoles(source, options);
  const series = groupSeries(source, allRows(source.rowCount), readRowKeys(source, roles));
  const featureNames = roles.features.map((c) => source.columns[c]);
  const picked = matchColumns(featureNames, series, real, path);
  const { length: T, features: D } = real.set;
  const data = new Float32Array(series.length * T * D);
  picked.forEach((name, d) => {
    const values = numericValues(source, source.columns.indexOf(name));
    const range = real.ranges?.[d];
    series.forEach(({ rows }, n) => rows.forEach((row, t) => (data[(n * T + t) * D + d] = scaleToReal(values[row], range))));
  });
  return { set: { data, count: series.length, length: T, features: D }, columns: real.columns, source: path };
}

/**
 * The synthetic columns in the real columns' order (by name when all are there, else by
 * position), once every sequence is known to have the real T steps; else a UserError naming both
 * shapes.
 */
function matchColumns(names: string[], series: Series[], real: RealSequences, file: string): string[] {
  const { length: T, features: D } = real.set;
  const lengths = series.map((s) => s.rows.length);
  const shortest = lengths.reduce((a, b) => Math.min(a, b), Infinity);
  const longest = lengths.reduce((a, b) => Math.max(a, b), 0);
  const byName = real.columns.every((c) => names.includes(c));
  if (shortest === T && longest === T && (byName || names.length === D)) return byName ? real.columns : names;
  const steps = shortest === longest ? `${shortest}` : `${shortest} to ${longest}`;
  const oneSeries = series.length === 1 && shortest !== T && !/\.(json|npy)(\.gz)?$/i.test(file);
  const hint = oneSeries ? "; a CSV needs a seq column naming each row's sequence, as rgan sample writes" : '';
  const problem = `synthetic sequences are ${steps} × ${names.length} (steps × features) but real ones are ${T} × ${D}${hint}`;
  throw new UserError(problem, { flag: FLAG, file });
}

/** A feature column's numbers; labels or a missing cell are UserErrors naming the place. */
function numericValues(source: DataSource, c: number): Float64Array {
  const column = typeColumn(source, c, false);
  if (column.kind !== 'numeric') throw new UserError('holds labels, not numbers', { flag: FLAG, file: source.file, column: column.name });
  const missing = column.values.findIndex((v) => !Number.isFinite(v));
  if (missing >= 0) {
    const { place, at } = placeOfRow(source, missing, column.name);
    throw new UserError(`missing or non-finite value${at}`, { ...place, flag: FLAG });
  }
  return column.values;
}

function allRows(count: number): Int32Array {
  return Int32Array.from({ length: count }, (_, i) => i);
}
