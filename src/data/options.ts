// DataOptions: how a source becomes training windows, with its defaults and checks in one place.
import { UserError } from '../errors.js';

/** What to do with missing cells (empty, NaN, Inf, -Inf, NA, N/A, null). */
export type MissingPolicy = 'error' | 'drop' | 'ffill' | 'interpolate';

export const MISSING_POLICIES: readonly MissingPolicy[] = ['error', 'drop', 'ffill', 'interpolate'];

/**
 * How prepareDataset turns a source into windows. Errors about an option name the `rgan` flag
 * that sets it (`seqLen` → `--seq-len`, `conditions` → `--condition`).
 */
export interface DataOptions {
  /** Steps per window, T; a whole number ≥ 1. */
  seqLen: number;
  /** Steps between the starts of consecutive windows within a series; default 1. */
  stride?: number;
  /** Column whose value names the series a row belongs to; default: a column named `id`. */
  id?: string;
  /**
   * Column that orders rows within a series (numbers, or ISO dates such as `2016-01-11 17:00:00`);
   * default: a column named `time`, else the source's own (energy: `date`), else file order.
   */
  time?: string;
  /** Columns giving each window one condition vector (taken from its first row); not features. */
  conditions?: string[];
  /** Columns to treat as categorical labels even when their cells look numeric. */
  categorical?: string[];
  /** Default 'error': the first missing cell is reported with its row and column. */
  missing?: MissingPolicy;
}

/** DataOptions with every default filled in. */
export type ResolvedDataOptions = Required<Omit<DataOptions, 'id' | 'time'>> & Pick<DataOptions, 'id' | 'time'>;

/** The `rgan` flag that sets each option, for the place of an error about it. */
const FLAGS: Record<keyof DataOptions, string> = {
  seqLen: '--seq-len',
  stride: '--stride',
  id: '--id',
  time: '--time',
  conditions: '--condition',
  categorical: '--categorical',
  missing: '--missing',
};

/** Checks `options` (unknown keys, whole numbers, known policy) and fills in defaults. */
export function resolveDataOptions(options: DataOptions): ResolvedDataOptions {
  const known = Object.keys(FLAGS);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new UserError(`unknown data option ${JSON.stringify(key)}; known: ${known.join(', ')}`);
  }
  const missing = options.missing ?? 'error';
  if (!MISSING_POLICIES.includes(missing)) {
    throw new UserError(`unknown missing-value policy ${JSON.stringify(missing)}; use one of ${MISSING_POLICIES.join(', ')}`, { flag: flagOf('missing') });
  }
  return {
    seqLen: positiveInteger(options.seqLen, 'seqLen'),
    stride: positiveInteger(options.stride ?? 1, 'stride'),
    id: options.id,
    time: options.time,
    conditions: options.conditions ?? [],
    categorical: options.categorical ?? [],
    missing,
  };
}

function positiveInteger(value: number, key: keyof DataOptions): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new UserError(`${key} must be a whole number of at least 1, got ${String(value)}`, { flag: flagOf(key) });
  }
  return value;
}

/** The CLI flag for a DataOptions key: `seqLen` → `--seq-len`, `conditions` → `--condition`. */
export function flagOf(key: keyof DataOptions): string {
  return FLAGS[key];
}
