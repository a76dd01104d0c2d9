// The data pipeline's resource limits, each declared once. They keep one run within a machine of
// 24 GiB and within Node's own bounds (a string holds at most 2^29 − 24 characters; the heap of
// a default `node` stops near 4 GiB), so that too much data is refused with a message instead of
// the process aborting. docs/RELIABILITY.md lists them with what happens at each.

import { UserError, type ErrorPlace } from '../errors.js';
import { formatBytes, formatCount } from '../format-units.js';

const MiB = 2 ** 20;

/**
 * The most bytes an input file may hold, on disk and again after gunzip. A text file must fit in
 * one string, and a parsed CSV keeps 5 (ten 8-digit columns) to 13 (one 2-digit column) bytes of
 * heap per byte of file, peaking near 45 bytes of memory per byte while it is read: 128 MiB
 * stays under 2 GiB of heap and 6 GiB of memory.
 */
export const MAX_INPUT_FILE_BYTES = 128 * MiB;

/**
 * The most distinct labels a categorical column may have. Each label is one slot of every step's
 * one-hot vector: 8,000 dates read as labels made 6 GB of windows within 37 s.
 */
export const MAX_CATEGORIES = 256;

/**
 * The most float32 values the prepared training windows (windows × steps × one-hot slots) may
 * hold: 2^28, 1 GiB. Stride 1 makes seqLen copies of every row, and preparing takes about eight
 * times the windows' size at its peak (generated sines: the values in float64, their columns,
 * the encoded rows, the windows).
 */
export const MAX_WINDOW_VALUES = 2 ** 28;

/**
 * Refuses data whose windows would hold more than MAX_WINDOW_VALUES, before they are allocated;
 * `what` says what was counted ("4,000 windows of 24 steps × 5 values"), `fix` what would help.
 */
export function checkWindowValues(values: number, what: string, fix: string, place: ErrorPlace): void {
  if (values <= MAX_WINDOW_VALUES) return;
  const size = `${formatCount(values)} values (${formatBytes(values * 4)})`;
  throw new UserError(`${what} would hold ${size}, more than the ${formatCount(MAX_WINDOW_VALUES)} (${formatBytes(MAX_WINDOW_VALUES * 4)}) allowed; ${fix}`, place);
}
