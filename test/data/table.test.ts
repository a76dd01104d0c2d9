import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseTable, readTable } from '../../src/data/index.js';
import { UserError } from '../../src/errors.js';
import { makeTempDir, writeFixture } from './temp-files.js';

const dir = makeTempDir();

describe('readTable', () => {
  it('reads a comma-separated file into columns of raw cells with their file lines', async () => {
    const path = writeFixture(dir, 'walk.csv', 'id,time,x\na,1,0.5\na,2,0.75\n');
    const table = await readTable(path);
    expect(table.columns).toEqual(['id', 'time', 'x']);
    expect(table.rowCount).toBe(2);
    expect(table.cells[2]).toEqual(['0.5', '0.75']);
    expect(Array.from(table.lines)).toEqual([2, 3]);
  });

  it('detects semicolons and tabs from the header line', () => {
    expect(parseTable('a;b\n1,5;2\n', 'eu.csv').cells).toEqual([['1,5'], ['2']]);
    expect(parseTable('a\tb\n1\t2\n', 'x.tsv').columns).toEqual(['a', 'b']);
    expect(detectDelimiter('"a,b";c;d\n1;2;3')).toBe(';'); // the comma is inside quotes
    expect(detectDelimiter('only\n1')).toBe(',');
  });

  it('uses a delimiter given explicitly', () => {
    expect(parseTable('a|b\n1|2\n', 'p.csv', { delimiter: '|' }).columns).toEqual(['a', 'b']);
    expect(() => parseTable('a\n1\n', 'p.csv', { delimiter: '::', flag: '--delimiter' })).toThrow(/--delimiter: the delimiter must be one character/);
  });

  it('handles a BOM, CRLF line ends, quoted fields and trimmed header names', () => {
    const table = parseTable('\uFEFF"id", "note"\r\n1,"a, ""quoted"" note"\r\n2,plain\r\n', 'q.csv');
    expect(table.columns).toEqual(['id', 'note']);
    expect(table.cells[1]).toEqual(['a, "quoted" note', 'plain']);
  });

  it('keeps file line numbers across blank lines and quoted fields that span lines', () => {
    const table = parseTable('a,b\n1,"two\nlines"\n\n3,4\n5,6\n', 'm.csv');
    expect(Array.from(table.lines)).toEqual([2, 5, 6]);
    expect(() => parseTable('a,b\n1,"two\nlines"\n\n3,4,9\n', 'm.csv')).toThrow('m.csv, row 5: the row has 3 fields but the header has 2');
  });

  it('reads gzip-compressed files', async () => {
    const path = writeFixture(dir, 'small.csv.gz', gzipSync('x\n1\n2\n'));
    expect((await readTable(path)).cells[0]).toEqual(['1', '2']);
  });

  it('rejects an empty file, a header without rows, a ragged row and a repeated column', () => {
    expect(() => parseTable('', 'e.csv')).toThrow('e.csv: the file is empty');
    expect(() => parseTable('\uFEFF \n\n', 'e.csv')).toThrow('e.csv: the file is empty');
    expect(() => parseTable('a,b\n', 'h.csv')).toThrow('h.csv: the file has a header but no data rows');
    expect(() => parseTable('a,b\n1,2\n3\n', 'r.csv')).toThrow('r.csv, row 3: the row has 1 fields but the header has 2');
    expect(() => parseTable('a,b,a\n1,2,3\n', 'd.csv')).toThrow('d.csv, row 1: column "a" appears twice in the header');
    expect(() => parseTable('a,,c\n1,2,3\n', 'n.csv')).toThrow('n.csv, row 1: column 2 has no name in the header');
  });

  it('turns CSV syntax errors into UserErrors with the line', () => {
    const error = catchError(() => parseTable('a,b\n1,2\n3,"open\n', 'bad.csv'));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/^bad\.csv, row \d+: malformed CSV: quote not closed/);
  });

  it('says so when the file does not exist or is a folder', async () => {
    await expect(readTable(join(dir, 'nope.csv'))).rejects.toThrow(/nope\.csv: file not found$/);
    mkdirSync(join(dir, 'folder.csv'));
    await expect(readTable(join(dir, 'folder.csv'))).rejects.toThrow(/this is a directory/);
  });
});

function catchError(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}
