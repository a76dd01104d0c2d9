import { describe, expect, it } from 'vitest';
import { parseTable, prepareDataset, type DataOptions } from '../../src/data/index.js';
import { UserError } from '../../src/errors.js';

/** A CSV from lines, as a DataSource. */
const csv = (...lines: string[]) => parseTable(lines.join('\n'), 'data.csv');

/** Window k of a [N, T, D] array as T rows of D numbers. */
function windowRows(data: { windows: Float32Array; length: number; features: number }, k: number): number[][] {
  const { length, features } = data;
  return Array.from({ length }, (_, t) =>
    Array.from(data.windows.subarray((k * length + t) * features, (k * length + t + 1) * features)),
  );
}

describe('prepareDataset', () => {
  it('cuts one series into windows of seqLen every stride steps, scaled to [0, 1]', () => {
    const source = csv('x', ...Array.from({ length: 10 }, (_, i) => String(i * 2))); // 0, 2, … 18
    const data = prepareDataset(source, { seqLen: 4, stride: 2 });
    expect([data.count, data.length, data.features]).toEqual([4, 4, 1]); // starts 0, 2, 4, 6
    expect(windowRows(data, 1).flat()).toEqual([2, 3, 4, 5].map((i) => Math.fround((i * 2) / 18)));
    expect(data.encoder.features).toEqual([{ name: 'x', kind: 'numeric', min: 0, max: 18 }]);
  });

  it('groups rows by the id column, orders them by time and never crosses series', () => {
    const source = csv('id,time,x', 'b,2,20', 'a,2,2', 'a,1,1', 'b,1,10', 'a,3,3', 'b,3,30');
    const data = prepareDataset(source, { seqLen: 3 });
    expect(data.count).toBe(2);
    const unscale = (v: number) => Math.round(v * 29 + 1); // min 1, max 30
    expect(windowRows(data, 0).flat().map(unscale)).toEqual([10, 20, 30]); // series b first: it appears first
    expect(windowRows(data, 1).flat().map(unscale)).toEqual([1, 2, 3]);
  });

  it('uses columns named id and time unless told otherwise', () => {
    const source = csv('id,time,x', 'a,2,1', 'a,1,0');
    expect(prepareDataset(source, { seqLen: 2 }).features).toBe(1);
    const renamed = csv('who,when,x', 'a,2,1', 'a,1,0');
    expect(prepareDataset(renamed, { seqLen: 2, id: 'who', time: 'when' }).windows[0]).toBe(0); // the when=1 row first
  });

  it('sorts ISO dates, with or without a time of day or zone', () => {
    const source = csv('time,x', '2024-01-02,2', '2024-01-01T23:00:00Z,1', '2024-01-01 12:00,0', '2024-01-02T05:30+06:00,1.5');
    const data = prepareDataset(source, { seqLen: 4 });
    expect(Array.from(data.windows).map((v) => v * 2)).toEqual([0, 1, 1.5, 2]); // 05:30+06:00 is 23:30Z on the 1st
  });

  it('one-hot encodes a text column as categorical, and a numeric one when declared', () => {
    const source = csv('x,mode,gear', '0,walk,1', '1,sit,2', '2,walk,10');
    const data = prepareDataset(source, { seqLen: 3, categorical: ['gear'] });
    expect(data.encoder.features).toEqual([
      { name: 'x', kind: 'numeric', min: 0, max: 2 },
      { name: 'mode', kind: 'categorical', categories: ['sit', 'walk'] },
      { name: 'gear', kind: 'categorical', categories: ['1', '2', '10'] },
    ]);
    expect(windowRows(data, 0)).toEqual([
      [0, 0, 1, 1, 0, 0],
      [0.5, 1, 0, 0, 1, 0],
      [1, 0, 1, 0, 0, 1],
    ]);
  });

  it('gives each window the conditions of its first row, apart from the features', () => {
    const source = csv('x,label,speed', '0,run,5', '1,run,5', '2,walk,1', '3,walk,3');
    const data = prepareDataset(source, { seqLen: 2, conditions: ['label', 'speed'] });
    expect(data.features).toBe(1);
    expect(data.encoder.conditionCount).toBe(3); // run, walk, speed
    expect(Array.from(data.conditionValues)).toEqual([1, 0, 1, 1, 0, 1, 0, 1, 0]); // starts 0, 1, 2
  });

  it('leaves a series shorter than seqLen out, and says which is longest when all are', () => {
    const source = csv('id,x', 'a,1', 'a,2', 'a,3', 'b,1');
    expect(prepareDataset(source, { seqLen: 3 }).count).toBe(1);
    expect(() => prepareDataset(source, { seqLen: 4 })).toThrow(
      '--seq-len, data.csv: all 2 series are shorter than seqLen 4; the longest, series "a", has 3 rows',
    );
    expect(() => prepareDataset(csv('x', '1', '2'), { seqLen: 3 })).toThrow('the data has 2 rows, fewer than seqLen 3');
  });
});

describe('prepareDataset rejects bad options and data', () => {
  const source = csv('id,time,x,label', 'a,1,0.5,up', 'a,2,0.7,down');

  it.each([0, -3, 1.5, NaN])('seqLen %s', (seqLen) => {
    expect(() => prepareDataset(source, { seqLen })).toThrow(`--seq-len: seqLen must be a whole number of at least 1, got ${seqLen}`);
  });

  it.each([0, -1, 0.5])('stride %s', (stride) => {
    expect(() => prepareDataset(source, { seqLen: 1, stride })).toThrow(/--stride: stride must be a whole number/);
  });

  it('an unknown option or missing-value policy', () => {
    expect(() => prepareDataset(source, { seqLen: 1, window: 3 } as DataOptions)).toThrow('unknown data option "window"');
    expect(() => prepareDataset(source, { seqLen: 1, missing: 'zero' } as unknown as DataOptions)).toThrow(/--missing: unknown missing-value policy "zero"/);
  });

  it.each([
    ['id', { id: 'series' }, '--id'],
    ['time', { time: 'date' }, '--time'],
    ['condition', { conditions: ['labl'] }, '--condition'],
    ['categorical', { categorical: ['kind'] }, '--categorical'],
  ])('an unknown %s column, listing the columns', (_role, options, flag) => {
    const name = Object.values(options).flat()[0];
    expect(() => prepareDataset(source, { seqLen: 1, ...options })).toThrow(
      `${flag}, data.csv: no column named "${name}"; the columns are id, time, x, label`,
    );
  });

  it('a condition that is also the id column, or no feature left', () => {
    expect(() => prepareDataset(source, { seqLen: 1, conditions: ['id'] })).toThrow(/cannot be a condition: it is the id column/);
    expect(() => prepareDataset(source, { seqLen: 1, conditions: ['x', 'label'] })).toThrow(/no feature columns are left/);
  });

  it('a text cell in a numeric column, naming its line and column', () => {
    const bad = csv('x,y', '1,2', '3,4', '5,oops', '7,8');
    const error = catchUserError(() => prepareDataset(bad, { seqLen: 2 }));
    expect(error.message).toBe(
      'data.csv, row 4, column "y": "oops" is not a number, but the column\'s other cells are (declare the column categorical if it holds labels)',
    );
    expect(error.place).toEqual({ file: 'data.csv', row: 4, column: 'y' });
  });

  it('a time value that is neither a number nor an ISO date', () => {
    expect(() => prepareDataset(csv('time,x', '2024-01-01,1', 'yesterday,2'), { seqLen: 1 })).toThrow(
      'data.csv, row 3, column "time": time value "yesterday" is neither a number nor an ISO date like 2016-01-11 17:00:00',
    );
  });

  it('a column with nothing but missing cells', () => {
    expect(() => prepareDataset(csv('x,y', '1,NA', '2,'), { seqLen: 1, missing: 'drop' })).toThrow(
      'data.csv, column "y": the column has no values, only missing cells',
    );
  });
});

function catchUserError(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}
