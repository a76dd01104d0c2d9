import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { choice, nonNegativeInteger, positiveInteger, seed } from '../../src/cli/flags.js';

function rejection(parse: (value: string) => unknown, value: string): string {
  try {
    parse(value);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).place.flag).toBeDefined();
    return (e as UserError).message;
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

describe('flag parsers', () => {
  it('positiveInteger accepts whole numbers from 1 and names the flag otherwise', () => {
    const seqLen = positiveInteger('--seq-len');
    expect(seqLen('24')).toBe(24);
    expect(seqLen(' 7 ')).toBe(7);
    expect(rejection(seqLen, '0')).toBe('--seq-len: must be a positive integer, got 0');
    expect(rejection(seqLen, '-1')).toBe('--seq-len: must be a positive integer, got -1');
    expect(rejection(seqLen, '2.5')).toBe('--seq-len: must be a positive integer, got 2.5');
    expect(rejection(seqLen, 'abc')).toBe('--seq-len: must be a positive integer, got abc');
    expect(rejection(seqLen, '')).toBe('--seq-len: must be a positive integer, got ""');
    expect(rejection(seqLen, '1e3')).toMatch(/got 1e3/);
    expect(rejection(seqLen, '99999999999999999999')).toMatch(/positive integer/);
  });

  it('nonNegativeInteger accepts 0', () => {
    const every = nonNegativeInteger('--checkpoint-every');
    expect(every('0')).toBe(0);
    expect(rejection(every, '-1')).toBe('--checkpoint-every: must be a non-negative integer, got -1');
    expect(rejection(every, '2.5')).toMatch(/non-negative integer, got 2.5/);
    expect(rejection(every, 'abc')).toMatch(/non-negative integer, got abc/);
  });

  it('seed accepts 0 to 2^32 − 1', () => {
    const parse = seed('--seed');
    expect(parse('0')).toBe(0);
    expect(parse('4294967295')).toBe(4294967295);
    expect(rejection(parse, '4294967296')).toBe('--seed: must be a seed from 0 to 4294967295, got 4294967296');
  });

  it('choice accepts the listed values only', () => {
    const cell = choice('--cell', ['rnn', 'gru', 'lstm'] as const);
    expect(cell('lstm')).toBe('lstm');
    expect(rejection(cell, 'LSTM')).toBe('--cell: must be one of rnn, gru, lstm, got LSTM');
  });
});
