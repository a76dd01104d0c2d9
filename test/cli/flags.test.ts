import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { choice, fractionBelowOne, nonNegativeInteger, positiveInteger, positiveNumber, probability } from '../../src/cli/flags.js';

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

  it('positiveNumber accepts decimals and exponents above 0', () => {
    const lr = positiveNumber('--lr');
    expect(lr('0.001')).toBe(0.001);
    expect(lr('2e-4')).toBe(2e-4);
    expect(lr('.5')).toBe(0.5);
    for (const bad of ['0', '-1', 'abc', 'Infinity', '0x10', '1e999']) {
      expect(rejection(lr, bad)).toBe(`--lr: must be a positive number, got ${bad}`);
    }
  });

  it('probability accepts 0 to 1 inclusive', () => {
    const p = probability('--label-smoothing');
    expect(p('0')).toBe(0);
    expect(p('1')).toBe(1);
    expect(p('0.1')).toBe(0.1);
    expect(rejection(p, '1.5')).toBe('--label-smoothing: must be a probability from 0 to 1, got 1.5');
    expect(rejection(p, '-0.1')).toMatch(/got -0.1/);
    expect(rejection(p, 'abc')).toMatch(/got abc/);
  });

  it('fractionBelowOne accepts 0 up to 1, not 1 itself', () => {
    const share = fractionBelowOne('--lr-decay-start');
    expect(share('0')).toBe(0);
    expect(share('0.5')).toBe(0.5);
    expect(rejection(share, '1')).toBe('--lr-decay-start: must be a number from 0 up to 1, 1 excluded, got 1');
    expect(rejection(share, '-0.1')).toMatch(/got -0.1/);
  });

  it('choice accepts the listed values only', () => {
    const cell = choice('--cell', ['rnn', 'gru', 'lstm'] as const);
    expect(cell('lstm')).toBe('lstm');
    expect(rejection(cell, 'LSTM')).toBe('--cell: must be one of rnn, gru, lstm, got LSTM');
  });
});
