// Missing values: report the first one ('error'), drop rows ('drop'), or fill them within each
// series ('ffill', 'interpolate').
import { UserError } from '../errors.js';
import { quoteCell } from './cells.js';
import { flagOf, type MissingPolicy } from './options.js';
import type { TypedColumn } from './columns.js';
import type { RowKeys, Series } from './series.js';
import type { DataSource } from './source.js';
import { placeOfRow } from './source.js';

/** A column's values by row (NaN = missing) and where it sits in the source. */
interface Checked {
  column: number;
  values: Float64Array | (string | undefined)[];
}

/**
 * The rows (file order) that go on: every row, or for 'drop' only those with no missing id,
 * time, feature or condition. Missing ids and times cannot be filled, so they are errors under
 * every other policy, as is any missing cell under 'error': the first in file order, by line
 * and column.
 */
export function rowsToKeep(
  source: DataSource,
  columns: TypedColumn[],
  keys: RowKeys,
  policy: MissingPolicy,
  roles: { id?: number; time?: number },
): Int32Array {
  const keyed: Checked[] = [];
  if (keys.ids !== undefined && roles.id !== undefined) keyed.push({ column: roles.id, values: keys.ids });
  if (keys.times !== undefined && roles.time !== undefined) keyed.push({ column: roles.time, values: keys.times });
  const typed: Checked[] = columns.map(({ column, values }) => ({ column, values }));
  if (policy === 'drop') {
    const all = [...keyed, ...typed];
    const keep: number[] = [];
    for (let r = 0; r < source.rowCount; r++) if (!all.some(({ values }) => isMissing(values[r]))) keep.push(r);
    return Int32Array.from(keep);
  }
  throwFirstMissing(source, policy === 'error' ? [...keyed, ...typed] : keyed, policy);
  return Int32Array.from({ length: source.rowCount }, (_, r) => r);
}

function isMissing(value: number | string | undefined): boolean {
  return value === undefined || (typeof value === 'number' && Number.isNaN(value));
}

function throwFirstMissing(source: DataSource, checked: Checked[], policy: MissingPolicy): void {
  let first: { row: number; column: number } | undefined;
  for (const { column, values } of checked) {
    const row = values.findIndex((v: number | string | undefined) => isMissing(v));
    if (row < 0) continue;
    if (first === undefined || row < first.row || (row === first.row && column < first.column)) first = { row, column };
  }
  if (first === undefined) return;
  const name = source.columns[first.column];
  const { place, at } = placeOfRow(source, first.row, name);
  const cells = source.cells[first.column];
  const cell = cells instanceof Float64Array ? 'NaN' : quoteCell(cells[first.row]);
  const flag = flagOf('missing');
  const fix = policy === 'error' ? `; set ${flag} to drop, ffill or interpolate to handle missing values` : `; only ${flag} drop can skip a row without an id or time`;
  throw new UserError(`missing value ${cell}${at}${fix}`, place);
}

/**
 * Fills the missing values of `columns` in place along each series' time order.
 * 'ffill': the last value before (leading gaps take the first value after).
 * 'interpolate': linear between the values either side, ends held; categorical columns
 * cannot be interpolated, so they are forward-filled.
 */
export function fillMissing(source: DataSource, columns: TypedColumn[], series: Series[], policy: MissingPolicy): void {
  if (policy !== 'ffill' && policy !== 'interpolate') return;
  for (const column of columns) {
    const linear = policy === 'interpolate' && column.kind === 'numeric';
    for (const { name, rows } of series) {
      const filled = linear ? interpolateAlong(column.values, rows) : forwardFillAlong(column.values, rows);
      if (!filled) throw new UserError(`${name} has no value to fill from`, { file: source.file, column: column.name });
    }
  }
}

/** Forward fill along `rows`; false when every value is missing. */
function forwardFillAlong(values: Float64Array, rows: Int32Array): boolean {
  let last = NaN;
  for (const r of rows) {
    if (Number.isNaN(values[r])) values[r] = last;
    else last = values[r];
  }
  const first = rows.find((r) => !Number.isNaN(values[r]));
  if (first === undefined) return false;
  for (const r of rows) {
    if (!Number.isNaN(values[r])) break;
    values[r] = values[first];
  }
  return true;
}

/** Linear interpolation along `rows` (by position, not time value); false when all missing. */
function interpolateAlong(values: Float64Array, rows: Int32Array): boolean {
  if (rows.every((r) => Number.isNaN(values[r]))) return rows.length === 0;
  let before = -1; // position in `rows` of the last present value
  for (let i = 0; i <= rows.length; i++) {
    if (i < rows.length && Number.isNaN(values[rows[i]])) continue;
    for (let j = before + 1; j < i; j++) {
      const from = before < 0 ? values[rows[i]] : values[rows[before]];
      const to = i === rows.length ? from : values[rows[i]];
      const t = before < 0 || i === rows.length ? 0 : (j - before) / (i - before);
      values[rows[j]] = from + (to - from) * t;
    }
    before = i;
  }
  return true;
}
