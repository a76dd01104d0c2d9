// The synthetic side of a comparison: a sample file as `rgan sample` writes it (CSV with its seq
// and t index columns, JSON sequences or .npy [N, T, D], in the data's units), its columns matched
// to the real ones by name (by position for files without names), checked against the real
// sequences' shape and mapped onto their scale with the real data's ranges.
import { typeColumn } from '../data/columns.js';
import { readSequenceFile, sampleIndexColumn, type DataSource } from '../data/index.js';
import { resolveDataOptions } from '../data/options.js';
import { resolveRoles, type ColumnRoles } from '../data/roles.js';
import { groupSeries, readRowKeys, type Series } from '../data/series.js';
import { defaultColumnNames, placeOfRow } from '../data/source.js';
import { UserError } from '../errors.js';
import { scaleToReal, type NamedSequences, type RealSequences } from './real-sequences.js';

const FLAG = '--synthetic';

/**
 * Reads `path` into sequences shaped like `real` ([N, T, D] with the real T and D), each value
 * scaled as the real column of the same name was. A CSV's rows are grouped into sequences by its
 * sequence index column (`seq`, or `seq_` … when a data column is called `seq`; else `id`) and
 * ordered by its step column (`t`, `t_` …; else `time`). Columns are matched to the real ones by
 * name, whatever their order; files without column names (.npy, JSON without "columns") by position.
 *
 * @example
 * const synthetic = await loadSyntheticSequences('samples.csv', real); // real's scale and shape
 */
export async function loadSyntheticSequences(path: string, real: RealSequences): Promise<NamedSequences> {
  const source = await readSequenceFile(path, { fileFlag: FLAG });
  const roles = syntheticRoles(source, real.set.length);
  const series = groupSeries(source, allRows(source.rowCount), readRowKeys(source, roles));
  const names = roles.features.map((c) => source.columns[c]);
  checkSteps(series, names.length, real, path);
  const picked = matchColumns(names, source, real);
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
 * Which columns index the sequences and steps, and which hold data: a table's index columns as
 * `rgan sample` names them (sampleIndexColumn), else `id` and `time`; a sequence format (JSON,
 * .npy) delimits its sequences itself, so all its columns are data.
 */
function syntheticRoles(source: DataSource, seqLen: number): ColumnRoles {
  if (source.sequenceLengths !== undefined) return { conditions: [], features: source.columns.map((_, c) => c), categorical: new Set() };
  const options = resolveDataOptions({ seqLen, id: sampleIndexColumn(source.columns, 'seq'), time: sampleIndexColumn(source.columns, 't') });
  return resolveRoles(source, options);
}

/**
 * The synthetic columns to read, in the real columns' order: by name when the file names its
 * columns (a missing or extra name is a UserError naming it), else by position.
 */
function matchColumns(names: string[], source: DataSource, real: RealSequences): string[] {
  const unnamed = source.sequenceLengths !== undefined && names.join('\n') === defaultColumnNames(names.length).join('\n');
  if (unnamed) return names.length === real.set.features ? names : shapeMismatch(source.file, `${real.set.length}`, names.length, real);
  const missing = real.columns.filter((c) => !names.includes(c));
  const extra = names.filter((c) => !real.columns.includes(c));
  if (missing.length === 0 && extra.length === 0) return real.columns;
  const quoted = (list: string[]): string => list.map((c) => JSON.stringify(c)).join(', ');
  const problems = [
    ...(missing.length > 0 ? [`lacks the real column${missing.length > 1 ? 's' : ''} ${quoted(missing)}`] : []),
    ...(extra.length > 0 ? [`has ${quoted(extra)}, which the real data lacks`] : []),
  ];
  throw new UserError(`${problems.join('; ')} (the real columns are ${real.columns.join(', ')})`, { flag: FLAG, file: source.file });
}

/** A UserError unless every sequence has the real T steps, naming both shapes. */
function checkSteps(series: Series[], features: number, real: RealSequences, file: string): void {
  const lengths = series.map((s) => s.rows.length);
  const shortest = lengths.reduce((a, b) => Math.min(a, b), Infinity);
  const longest = lengths.reduce((a, b) => Math.max(a, b), 0);
  if (shortest === real.set.length && longest === real.set.length) return;
  const steps = shortest === longest ? `${shortest}` : `${shortest} to ${longest}`;
  const oneSeries = series.length === 1 && !/\.(json|npy)(\.gz)?$/i.test(file);
  const hint = oneSeries ? "; a CSV needs a seq column naming each row's sequence, as rgan sample writes" : '';
  shapeMismatch(file, steps, features, real, hint);
}

/** The UserError naming both shapes: synthetic `steps` × `features` against the real T × D. */
function shapeMismatch(file: string, steps: string, features: number, real: RealSequences, hint = ''): never {
  const { length: T, features: D } = real.set;
  const problem = `synthetic sequences are ${steps} × ${features} (steps × features) but real ones are ${T} × ${D}${hint}`;
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
