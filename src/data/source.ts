// DataSource: what every reader produces and prepareDataset consumes — named columns of raw
// cells in file order, plus what is needed to say where a bad cell is.
import type { ErrorPlace } from '../errors.js';

/**
 * The cells of one column: raw text (CSV, or a JSON column holding strings) or numbers
 * (JSON, .npy, generated data), where `NaN` marks a missing value.
 */
export type ColumnCells = string[] | Float64Array;

/**
 * Rows × columns of raw cells, before any typing, scaling or windowing.
 *
 * Example: a CSV `id,time,x` with three data rows has `columns: ['id','time','x']`,
 * `cells[2]` = the three raw `x` strings, and `lines` = [2, 3, 4] (the header is line 1).
 */
export interface DataSource {
  /** Shown in messages: the file path, or the built-in dataset's name. */
  file: string;
  /** Column names, unique and non-empty. */
  columns: string[];
  rowCount: number;
  /** `cells[c][r]`: column-major, one array per column, each `rowCount` long. */
  cells: ColumnCells[];
  /** The file line (1-based, header = 1) of each row; present for tables. */
  lines?: Int32Array;
  /**
   * Lengths of the sequences the format itself delimits (JSON, .npy, sines), summing to
   * `rowCount`: each is its own series. Absent for tables, whose series come from an id column.
   */
  sequenceLengths?: Int32Array;
  /** The column that orders rows when no time column is given (energy's `date`). */
  defaultTime?: string;
}

/** A DataSource read from a delimited text file: text cells and line numbers. */
export interface Table extends DataSource {
  cells: string[][];
  lines: Int32Array;
}

/**
 * Where row `row` (0-based, file order) of `source` is, for a UserError: the file line for
 * tables; for sequence formats the place has no row and `at` says ` at sequence s, step t`
 * (0-based, as the arrays index them).
 */
export function placeOfRow(
  source: DataSource,
  row: number,
  column?: string,
): { place: ErrorPlace; at: string } {
  const place: ErrorPlace = { file: source.file, column };
  if (source.lines !== undefined) return { place: { ...place, row: source.lines[row] }, at: '' };
  if (source.sequenceLengths === undefined) return { place: { ...place, row: row + 1 }, at: '' };
  let sequence = 0;
  let step = row;
  while (step >= source.sequenceLengths[sequence]) step -= source.sequenceLengths[sequence++];
  return { place, at: ` at sequence ${sequence}, step ${step}` };
}

/** A column-major numeric source: each entry of `values` is one column, `NaN` = missing. */
export function numericSource(
  file: string,
  columns: string[],
  values: Float64Array[],
  sequenceLengths?: Int32Array,
): DataSource {
  const rowCount = values.length > 0 ? values[0].length : 0;
  return { file, columns, rowCount, cells: values, sequenceLengths };
}

/** Default names for columns a format leaves unnamed: feature_1 … feature_D. */
export function defaultColumnNames(count: number): string[] {
  return Array.from({ length: count }, (_, d) => `feature_${d + 1}`);
}
