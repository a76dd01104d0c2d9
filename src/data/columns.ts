// Typing a column: numeric (numbers) or categorical (labels → category indices), NaN = missing.
import { UserError } from '../errors.js';
import { formatCount } from '../format-units.js';
import { isMissingCell, numberLikeProblem, parseNumberCell, quoteCell } from './cells.js';
import { MAX_CATEGORIES } from './limits.js';
import type { DataSource } from './source.js';
import { placeOfRow } from './source.js';

/** One feature or condition column after typing. */
export interface TypedColumn {
  name: string;
  /** Its index in the source's columns. */
  column: number;
  kind: 'numeric' | 'categorical';
  /** [rows]: the number, or the index into `categories`; NaN where the cell is missing. */
  values: Float64Array;
  /** The labels in index order (sorted); empty for numeric columns. */
  categories: string[];
}

/**
 * Types column `c`. It is categorical when declared so, or when every present cell is text;
 * a column of numbers with some text cells is a UserError naming the first text cell, and so is a
 * cell that looks like a number but is not one here (`1,5`, `1e400`). A categorical column may
 * have at most MAX_CATEGORIES labels.
 *
 * @example
 * // cells ['walk', 'sit', 'walk', 'NA'] → kind 'categorical', categories ['sit', 'walk'],
 * // values [1, 0, 1, NaN]
 */
export function typeColumn(source: DataSource, c: number, declaredCategorical: boolean): TypedColumn {
  const name = source.columns[c];
  const cells = source.cells[c];
  let column: TypedColumn;
  if (declaredCategorical) column = categoricalColumn(source, c, labelsOf(cells), true);
  else if (cells instanceof Float64Array) column = { name, column: c, kind: 'numeric', values: Float64Array.from(cells), categories: [] };
  else column = numericOrLabels(source, c, cells);
  if (column.values.every((v) => Number.isNaN(v))) {
    throw new UserError('the column has no values, only missing cells', { file: source.file, column: name });
  }
  return column;
}

/** Numbers when no cell is text; labels when every present cell is text; else an error. */
function numericOrLabels(source: DataSource, c: number, cells: string[]): TypedColumn {
  const name = source.columns[c];
  const values = new Float64Array(cells.length);
  let firstText = -1;
  let numbers = 0;
  for (let r = 0; r < cells.length; r++) {
    const value = parseNumberCell(cells[r]);
    if (value === undefined) {
      const problem = numberLikeProblem(cells[r]);
      if (problem !== undefined) {
        const { place, at } = placeOfRow(source, r, name);
        throw new UserError(`${quoteCell(cells[r])}${at} ${problem} (or declare the column --categorical if it holds labels)`, place);
      }
      if (firstText < 0) firstText = r;
      values[r] = NaN;
    } else {
      values[r] = value;
      if (!Number.isNaN(value)) numbers++;
    }
  }
  if (firstText < 0) return { name, column: c, kind: 'numeric', values, categories: [] };
  if (numbers === 0) return categoricalColumn(source, c, labelsOf(cells), false);
  const { place, at } = placeOfRow(source, firstText, name);
  const problem = `${quoteCell(cells[firstText])}${at} is not a number, but the column's other cells are (declare the column categorical if it holds labels)`;
  throw new UserError(problem, place);
}

/** Trimmed labels, `undefined` for missing cells. */
function labelsOf(cells: string[] | Float64Array): (string | undefined)[] {
  if (cells instanceof Float64Array) return Array.from(cells, (v) => (Number.isNaN(v) ? undefined : String(v)));
  return cells.map((cell) => (isMissingCell(cell) ? undefined : cell.trim()));
}

function categoricalColumn(source: DataSource, column: number, labels: (string | undefined)[], declared: boolean): TypedColumn {
  const name = source.columns[column];
  const distinct = new Set(labels.filter((l): l is string => l !== undefined));
  if (distinct.size > MAX_CATEGORIES) throw tooManyCategories(source, name, distinct.size, declared);
  const categories = sortLabels([...distinct]);
  const index = new Map(categories.map((label, i) => [label, i]));
  const values = Float64Array.from(labels, (l) => (l === undefined ? NaN : (index.get(l) as number)));
  return { name, column, kind: 'categorical', values, categories };
}

/**
 * Each label becomes a one-hot slot of every step: thousands of them (dates read as labels) take
 * gigabytes, so the column is refused with what was probably meant.
 */
function tooManyCategories(source: DataSource, name: string, count: number, declared: boolean): UserError {
  const what = `${formatCount(count)} distinct ${declared ? 'values' : 'text values'}, more than the ${MAX_CATEGORIES} a categorical column may have`;
  const fix = declared
    ? 'leave it out of --categorical'
    : 'if it holds dates or times, name it with --time; otherwise remove the column from the file';
  return new UserError(`the column has ${what}; ${fix}`, { file: source.file, column: name });
}

/** Numeric order when every label is a number (2 before 10), else code-unit order. */
function sortLabels(labels: string[]): string[] {
  if (labels.every((l) => Number.isFinite(Number(l)))) return labels.sort((a, b) => Number(a) - Number(b));
  return labels.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
