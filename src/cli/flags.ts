// Parsers for flag values, usable as commander argParsers: each checks one kind of value and
// throws a UserError naming the flag, e.g. "--seq-len: must be a positive integer, got 0".
// (Model flags are parsed by their config schemas instead: src/cli/model-flags.ts.)
import { UserError } from '../errors.js';

/** A commander argParser: the flag's text in, the typed value out. */
export type FlagParser<T> = (value: string) => T;

const INTEGER = /^[+-]?\d+$/;

/** A whole number ≥ 1: `positiveInteger('--seq-len')`. */
export function positiveInteger(flag: string): FlagParser<number> {
  return integerAtLeast(flag, 1, 'a positive integer');
}

/** A whole number ≥ 0. */
export function nonNegativeInteger(flag: string): FlagParser<number> {
  return integerAtLeast(flag, 0, 'a non-negative integer');
}

/** A random seed: a whole number from 0 to 2^32 − 1 (the generator is seeded with 32 bits). */
export function seed(flag: string): FlagParser<number> {
  const parse = integerAtLeast(flag, 0, 'a seed from 0 to 4294967295');
  return (value) => {
    const n = parse(value);
    if (n > 0xffffffff) throw invalid(flag, 'a seed from 0 to 4294967295', value);
    return n;
  };
}

/** One of `allowed`, spelled exactly: `choice('--cell', ['rnn', 'gru', 'lstm'])`. */
export function choice<T extends string>(flag: string, allowed: readonly T[]): FlagParser<T> {
  return (value) => {
    if (!(allowed as readonly string[]).includes(value)) throw invalid(flag, `one of ${allowed.join(', ')}`, value);
    return value as T;
  };
}

function integerAtLeast(flag: string, min: number, what: string): FlagParser<number> {
  return (value) => {
    const text = value.trim();
    const n = INTEGER.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(n) || n < min) throw invalid(flag, what, value);
    return n;
  };
}

function invalid(flag: string, what: string, value: string): UserError {
  const shown = value.trim() === '' ? JSON.stringify(value) : value;
  return new UserError(`must be ${what}, got ${shown}`, { flag });
}
