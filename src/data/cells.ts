// What one raw cell means: a number, a missing value, or text.

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
 * is text. Surrounding spaces are allowed (`"  60"` in the energy file); a finite spelling that
 * overflows (`1e400`) counts as missing, like `Inf`.
 */
export function parseNumberCell(cell: string): number | undefined {
  const fast = Number(cell); // hot path: most cells are plain numbers
  if (fast !== 0 && Number.isFinite(fast)) return fast;
  const text = cell.trim();
  if (isMissingCell(text)) return NaN;
  const value = Number(text);
  if (Number.isNaN(value)) return undefined;
  return Number.isFinite(value) ? value : NaN;
}

/** A cell as users wrote it, for messages: `"abc"`, or `(empty)` for an empty cell. */
export function quoteCell(cell: string): string {
  return cell.trim() === '' ? '(empty)' : JSON.stringify(cell.trim());
}
