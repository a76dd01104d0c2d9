import { describe, expect, it } from 'vitest';
import { parseTable, prepareDataset, type MissingPolicy } from '../../src/data/index.js';

const csv = (...lines: string[]) => parseTable(lines.join('\n'), 'gaps.csv');

/** The x column of every row that made it into the windows, back in data units (seqLen 1). */
function xs(source: ReturnType<typeof csv>, missing: MissingPolicy, extra = {}): number[] {
  const data = prepareDataset(source, { seqLen: 1, missing, ...extra });
  const { min, max } = data.encoder.features[0] as { min: number; max: number };
  return Array.from(data.windows.filter((_, i) => i % data.features === 0), (v) => +(min + v * (max - min)).toFixed(4));
}

describe('missing values', () => {
  it.each(['', 'NaN', 'nan', 'NA', 'N/A', 'null', 'Inf', '-Inf', 'Infinity'])(
    'stop with the first missing cell %j by default, naming its line and column',
    (cell) => {
      const source = csv('x,y', '1,2', `3,${cell}`, ',4');
      expect(() => prepareDataset(source, { seqLen: 1 })).toThrow(
        /^gaps\.csv, row 3, column "y": missing value .*; set --missing to drop, ffill or interpolate to handle missing values$/,
      );
    },
  );

  it("'drop' removes every row with a missing cell", () => {
    const source = csv('x,y', '1,2', '3,NA', '5,6', ',8');
    expect(xs(source, 'drop')).toEqual([1, 5]);
  });

  it("'ffill' carries the last value forward within each series, back-filling a leading gap", () => {
    const source = csv('id,x', 'a,', 'a,1', 'a,', 'a,4', 'b,NA', 'b,7', 'b,');
    expect(xs(source, 'ffill')).toEqual([1, 1, 1, 4, 7, 7, 7]);
  });

  it("'ffill' follows time order, not file order", () => {
    const source = csv('time,x', '3,', '1,10', '2,20');
    expect(xs(source, 'ffill')).toEqual([10, 20, 20]);
  });

  it("'interpolate' draws a line between neighbours and holds the ends", () => {
    const source = csv('id,x', 'a,', 'a,0', 'a,', 'a,', 'a,3', 'a,', 'b,5', 'b,');
    expect(xs(source, 'interpolate')).toEqual([0, 0, 1, 2, 3, 3, 5, 5]);
  });

  it("'interpolate' forward-fills categorical columns, which have no in-between", () => {
    const source = csv('x,mode', '0,walk', '1,', '2,sit');
    const data = prepareDataset(source, { seqLen: 3, missing: 'interpolate' });
    expect(Array.from(data.windows)).toEqual([0, 0, 1, 0.5, 0, 1, 1, 1, 0]); // x, sit, walk
  });

  it('fails when a series has no value at all to fill from', () => {
    const source = csv('id,x,y', 'a,1,2', 'b,3,', 'b,4,');
    expect(() => prepareDataset(source, { seqLen: 1, missing: 'ffill' })).toThrow('gaps.csv, column "y": series "b" has no value to fill from');
  });

  it('drops rows without an id or time under drop; elsewhere they are errors', () => {
    const source = csv('id,x', 'a,1', ',2', 'a,3');
    expect(xs(source, 'drop')).toEqual([1, 3]);
    expect(() => prepareDataset(source, { seqLen: 1, missing: 'ffill' })).toThrow(
      'gaps.csv, row 3, column "id": missing value (empty); only --missing drop can skip a row without an id or time',
    );
  });
});
