// The real side of a comparison, on the scale TimeGAN's metrics see (docs/TIMEGAN.md §1): the
// benchmark windows for a built-in name, or a user's file windowed the same way, with the
// per-column ranges that map other data in the same units onto that scale.
import {
  isBuiltinDataset,
  loadBenchmarkWindows,
  loadDataSource,
  prepareDataset,
  type DataSource,
  type PreparedData,
} from '../data/index.js';
import { typeColumn } from '../data/columns.js';
import { Random } from '../engine/random.js';
import { UserError } from '../errors.js';
import type { SequenceSet } from '../metrics/index.js';

/** TimeGAN's min-max guard: x' = (x − min) / (max − min + 1e-7). */
export const SCALE_EPSILON = 1e-7;

/** One column's range over the whole real series, in the data's units. */
export interface ColumnRange {
  min: number;
  max: number;
}

/** A set of sequences to compare, with its column names and where it came from. */
export interface NamedSequences {
  set: SequenceSet;
  /** [D] feature names, in the set's feature order. */
  columns: string[];
  /** The built-in name or the file path, for messages and the report. */
  source: string;
}

export interface RealSequences extends NamedSequences {
  /** [D] ranges for scaling data in the real data's units; null when no scaling applies (sines). */
  ranges: ColumnRange[] | null;
}

export interface RealOptions {
  /** Steps per window, T. */
  seqLen: number;
  /** Seed of the window shuffle (and of the sines draw). */
  seed: number;
  /** The real file's series-id and time columns (default: columns named `id` and `time`). */
  id?: string;
  time?: string;
}

/**
 * - sines, stocks, energy: TimeGAN's own windows (loadBenchmarkWindows); stocks and energy come
 *   with each column's raw range, sines (unscaled in TimeGAN) with none.
 * - a file: every numeric column min-max scaled over all rows with TimeGAN's +1e-7, windows of
 *   seqLen at stride 1 within each series, shuffled by one permutation (spec §1.2, steps 3–5).
 *
 * @example
 * const real = await loadRealSequences('stocks', { seqLen: 24, seed: 0 }); // 3,661 × 24 × 6 in [0, 1]
 */
export async function loadRealSequences(pathOrName: string, options: RealOptions): Promise<RealSequences> {
  const rng = new Random(options.seed);
  if (isBuiltinDataset(pathOrName)) {
    const flag = options.id !== undefined ? '--id' : options.time !== undefined ? '--time' : undefined;
    if (flag !== undefined) throw new UserError(`applies to a real file, not the built-in dataset ${pathOrName}`, { flag });
    const windows = await loadBenchmarkWindows(pathOrName, { seqLen: options.seqLen, rng });
    const { data, count, length, features, columns } = windows;
    const ranges = pathOrName === 'sines' ? null : columnRanges(await loadDataSource(pathOrName), columns);
    return { set: { data, count, length, features }, columns, source: pathOrName, ranges };
  }
  const source = await loadDataSource(pathOrName, { fileFlag: '--real' });
  const prepared = prepareDataset(source, { seqLen: options.seqLen, stride: 1, id: options.id, time: options.time });
  return fromPrepared(prepared, pathOrName, rng);
}

/** The general pipeline's windows ((x − min)/(max − min)), rescaled to TimeGAN's +1e-7 and shuffled. */
function fromPrepared(prepared: PreparedData, file: string, rng: Random): RealSequences {
  const specs = prepared.encoder.features;
  const ranges = specs.map((spec): ColumnRange => {
    if (spec.kind !== 'numeric') throw new UserError('holds labels; eval compares numeric columns only', { file, flag: '--real', column: spec.name });
    return { min: spec.min, max: spec.max };
  });
  const { count, length, features, windows } = prepared;
  const factor = ranges.map(({ min, max }) => (max - min) / (max - min + SCALE_EPSILON));
  const order = rng.permutation(count);
  const size = length * features;
  const data = new Float32Array(count * size);
  for (let k = 0; k < count; k++) {
    const from = order[k] * size;
    for (let j = 0; j < size; j++) data[k * size + j] = windows[from + j] * factor[j % features];
  }
  return { set: { data, count, length, features }, columns: specs.map((s) => s.name), source: file, ranges };
}

/** The min and max over every row of the named columns of `source`. */
function columnRanges(source: DataSource, columns: string[]): ColumnRange[] {
  return columns.map((name) => {
    const { values } = typeColumn(source, source.columns.indexOf(name), false);
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return { min, max };
  });
}

/** x in the real data's units → the metric scale of column d: (x − min) / (max − min + 1e-7). */
export function scaleToReal(x: number, range: ColumnRange | undefined): number {
  return range === undefined ? x : (x - range.min) / (range.max - range.min + SCALE_EPSILON);
}
