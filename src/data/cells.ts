// What one raw cell means: a number, a missing value, or text.
import { NUL_PROBLEM } from './text.js';

/**
 * Cells that mean "no value", compared after trimming and lower-casing: empty, NaN, NA, N/A,
 * null and the infinities (an infinite reading is as unusable as a missing one).
 */
const MISSING_TOKENS = new Set([
  '',
  'nan',
  'na',
  'n/a',
  'null',
  'inf',
  '+inf',
  '-inf',
  'infinity',
  '+infinity',
  '-infinity',
]);

/** True when `cell` is one of the missing-value spellings. */
export function isMissingCell(cell: string): boolean {
  return MISSING_TOKENS.has(cell.trim().toLowerCase());
}

/**
 * The number a cell holds: a finite number, `NaN` for a missing cell, or `undefined` when the cell
 * is not a number here — text, or a number too large for a float (`1e400`; see numberLikeProblem).
 * Surrounding spaces are allowed (`"  60"` in the energy file).
 */
export function parseNumberCell(cell: string): number | undefined {
  const fast = Number(cell); // hot path: most cells are plain numbers
  if (fast !== 0 && Number.isFinite(fast)) return fast;
  const text = cell.trim();
  if (isMissingCell(text)) return NaN;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** `1,234` `1,5` `1.234,5` `-0,25`: a number written with a comma. */
const COMMA_NUMBER = /^[+-]?\d[\d.]*,[\d.,]*\d$/;
/** `1 234` `12 345.5`: digits grouped by spaces. */
const SPACED_NUMBER = /^[+-]?\d{1,3}( \d{3})+([.,]\d+)?$/;

/**
 * Why a cell that looks like a number is not one here — with the likely fix — or `undefined` for
 * a cell that is plain text (a label) or a number. Used so that such cells are reported, never
 * read as labels.
 */
export function numberLikeProblem(cell: string): string | undefined {
  const text = cell.trim();
  if (text.includes('\0')) return NUL_PROBLEM;
  if (COMMA_NUMBER.test(text)) {
    return "is a number written with a comma (a thousands separator or a decimal comma): re-export the file with '.' as the decimal mark and no thousands separators";
  }
  if (SPACED_NUMBER.test(text)) return 'is a number with its digits grouped by spaces: re-export the file without thousands separators';
  const value = Number(text);
  if (!isMissingCell(text) && text !== '' && !Number.isNaN(value) && !Number.isFinite(value)) {
    return `is out of range: numbers must lie within ±${Number.MAX_VALUE.toPrecision(2)}`;
  }
  return undefined;
}

/** A cell as users wrote it, for messages: `"abc"`, or `(empty)` for an empty cell. */
export function quoteCell(cell: string): string {
  return cell.trim() === '' ? '(empty)' : JSON.stringify(cell.trim());
}
