// Splitting rows into series (by id, and by sequence for sequence formats) and ordering each
// series by its time column.
import { UserError } from '../errors.js';
import { isMissingCell, numberLikeProblem, parseNumberCell, quoteCell } from './cells.js';
import type { ColumnRoles } from './roles.js';
import type { DataSource } from './source.js';
import { placeOfRow } from './source.js';

/** One series: the source rows it holds, in time order. */
export interface Series {
  /** For messages: `series "a"`, `sequence 3`, or `the data` when there is one series. */
  name: string;
  rows: Int32Array;
}

/** Per-row keys from the id and time columns; `undefined` / NaN where the cell is missing. */
export interface RowKeys {
  ids?: (string | undefined)[];
  times?: Float64Array;
}

/** Reads the id and time columns of `source` (either may be absent). */
export function readRowKeys(source: DataSource, roles: ColumnRoles): RowKeys {
  return {
    ids: roles.id === undefined ? undefined : idKeys(source.cells[roles.id]),
    times: roles.time === undefined ? undefined : timeKeys(source, roles.time),
  };
}

function idKeys(cells: string[] | Float64Array): (string | undefined)[] {
  if (cells instanceof Float64Array) return Array.from(cells, (v) => (Number.isNaN(v) ? undefined : String(v)));
  return cells.map((cell) => (isMissingCell(cell) ? undefined : cell.trim()));
}

/**
 * Sort keys of the time column: numbers as they are, ISO dates (`2016-01-11`,
 * `2016-01-11 17:00:00`, `2016-01-11T17:00:00.5Z`, `…+01:00`) as milliseconds, zone-less ones
 * read as UTC so daylight saving cannot reorder them. Other text is a UserError.
 */
function timeKeys(source: DataSource, c: number): Float64Array {
  const cells = source.cells[c];
  if (cells instanceof Float64Array) return cells;
  const keys = new Float64Array(cells.length);
  const numeric = cells.every((cell) => parseNumberCell(cell) !== undefined);
  for (let r = 0; r < cells.length; r++) {
    const key = numeric ? parseNumberCell(cells[r]) : isMissingCell(cells[r]) ? NaN : isoMilliseconds(cells[r]);
    if (key === undefined) {
      const { place, at } = placeOfRow(source, r, source.columns[c]);
      const problem = numberLikeProblem(cells[r]) ?? 'is neither a number nor an ISO date like 2016-01-11 17:00:00';
      throw new UserError(`time value ${quoteCell(cells[r])}${at} ${problem}`, place);
    }
    keys[r] = key;
  }
  return keys;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Milliseconds since 1970 for an ISO date-time, or undefined when `text` is not one. */
export function isoMilliseconds(text: string): number | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const fraction = m[7] === undefined ? 0 : Number(m[7]) * 1000;
  const zone = m[8] === undefined || m[8].toUpperCase() === 'Z' ? 0 : zoneMinutes(m[8]);
  return Date.UTC(year, month - 1, day, hour, minute, second) + fraction - zone * 60_000;
}

function zoneMinutes(zone: string): number {
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return zone[0] === '-' ? -minutes : minutes;
}

/**
 * Groups `rows` (source row indices in file order) into series — one per distinct id, in order
 * of first appearance, and never across the sequences of a sequence format — and sorts each by
 * time (stable: equal times keep file order).
 */
export function groupSeries(source: DataSource, rows: Int32Array, keys: RowKeys): Series[] {
  const sequenceOf = sequenceIndexOfRows(source);
  const groups = new Map<string | number, { name: string; rows: number[] }>();
  for (const r of rows) {
    const id = keys.ids?.[r];
    const key = id === undefined ? (sequenceOf?.[r] ?? 0) : `${sequenceOf?.[r] ?? ''}\u0000${id}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { name: seriesName(sequenceOf?.[r], id), rows: [] };
      groups.set(key, group);
    }
    group.rows.push(r);
  }
  const times = keys.times;
  return [...groups.values()].map(({ name, rows: members }) => {
    const ordered = Int32Array.from(members);
    if (times !== undefined) ordered.sort((a, b) => times[a] - times[b] || a - b);
    return { name, rows: ordered };
  });
}

function seriesName(sequence: number | undefined, id: string | undefined): string {
  const idPart = id === undefined ? '' : `series ${JSON.stringify(id)}`;
  if (sequence === undefined) return idPart || 'the data';
  return idPart ? `sequence ${sequence}, ${idPart}` : `sequence ${sequence}`;
}

/** [rows]: the sequence each row belongs to, for sequence formats; undefined for tables. */
function sequenceIndexOfRows(source: DataSource): Int32Array | undefined {
  if (source.sequenceLengths === undefined) return undefined;
  const out = new Int32Array(source.rowCount);
  let start = 0;
  source.sequenceLengths.forEach((length, s) => {
    out.fill(s, start, start + length);
    start += length;
  });
  return out;
}
