// Cutting series into overlapping windows of seqLen steps, every `stride` steps.
import { UserError } from '../errors.js';
import { flagOf } from './options.js';
import type { Series } from './series.js';

/** Windows as parallel arrays: window k is rows start[k] … start[k]+T−1 of series[k]. */
export interface WindowIndex {
  series: Int32Array;
  start: Int32Array;
}

/**
 * Window starts 0, stride, 2·stride, … while the window fits: a series of n rows gives
 * ⌊(n − T) / stride⌋ + 1 windows when n ≥ T, else none.
 *
 * @example
 * slidingWindows([{ name: 'the data', rows: Int32Array.from([0, 1, 2, 3, 4]) }], 3, 1, 'a.csv');
 * // → series [0, 0, 0], start [0, 1, 2]
 */
export function slidingWindows(series: Series[], seqLen: number, stride: number, file: string): WindowIndex {
  const seriesOf: number[] = [];
  const startOf: number[] = [];
  series.forEach(({ rows }, s) => {
    for (let start = 0; start + seqLen <= rows.length; start += stride) {
      seriesOf.push(s);
      startOf.push(start);
    }
  });
  if (seriesOf.length === 0) throw tooShort(series, seqLen, file);
  return { series: Int32Array.from(seriesOf), start: Int32Array.from(startOf) };
}

function tooShort(series: Series[], seqLen: number, file: string): UserError {
  const place = { file, flag: flagOf('seqLen') };
  if (series.length === 1) {
    return new UserError(`${series[0].name} has ${series[0].rows.length} rows, fewer than seqLen ${seqLen}`, place);
  }
  const longest = series.reduce((a, b) => (b.rows.length > a.rows.length ? b : a));
  const problem = `all ${series.length} series are shorter than seqLen ${seqLen}; the longest, ${longest.name}, has ${longest.rows.length} rows`;
  return new UserError(problem, place);
}
