// Delimited text files (CSV, semicolon, tab) with a header row → Table, with file line numbers.
import { CsvError, parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';
import { quoteCell } from './cells.js';
import { readInputFile } from './input-file.js';
import type { Table } from './source.js';
import { decodeText, NUL_PROBLEM } from './text.js';

export interface TableOptions {
  /** One character; detected from the header line when absent (comma, semicolon or tab). */
  delimiter?: string;
  /** Flag to name in errors about `delimiter`. */
  flag?: string;
}

/**
 * Reads a delimited text file with a header row (gzip-compressed when the name ends in .gz).
 *
 * @example
 * const table = await readTable('walks.csv'); // id,time,x,label
 * table.columns;       // ['id', 'time', 'x', 'label']
 * table.cells[2][0];   // '0.25' — raw text of column x, first data row
 * table.lines[0];      // 2 — the header is line 1
 */
export async function readTable(path: string, options: TableOptions = {}): Promise<Table> {
  return parseTable(await readInputFile(path), path, options);
}

/**
 * Parses delimited `text` (quoted fields, CRLF or LF, a leading BOM) whose first record is the
 * header. Blank lines are skipped; every other row must have as many fields as the header.
 */
export function parseTable(text: Buffer | string, file: string, options: TableOptions = {}): Table {
  const source = typeof text === 'string' ? text : decodeText(text, file);
  if (!/[^\s\uFEFF]/.test(source)) throw new UserError('the file is empty', { file });
  const delimiter = options.delimiter ?? detectDelimiter(source);
  checkDelimiter(delimiter, options.flag);
  const table = parseRows(source, file, delimiter);
  if (table.rowCount === 0) throw new UserError('the file has a header but no data rows', { file });
  if (source.includes('\0')) throwAtNul(table);
  return table;
}
/**
 * The delimiter that occurs most often outside quotes in the header line: comma, semicolon or
 * tab (comma on a tie or when none occurs, as for a one-column file).
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > (counts.get(best) ?? 0)) best = ch;
  return best;
}

function checkDelimiter(delimiter: string, flag?: string): void {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new UserError(`the delimiter must be one character other than a quote or newline, got ${JSON.stringify(delimiter)}`, { flag });
  }
}

/**
 * The header and the rows, each row's cells stored into its columns as csv-parse reads it (so no
 * record outlives its row), with the line each row starts on. csv-parse reports the line a record
 * ends on; the start is one past the previous record's end plus the blank lines skipped in
 * between, which stays right when a quoted field spans lines.
 */
function parseRows(text: string, file: string, delimiter: string): Table {
  let columns: string[] | undefined;
  let cells: string[][] = [];
  const lines: number[] = [];
  let end = 0;
  let blank = 0;
  const onRecord = (record: string[], info: { lines: number; empty_lines: number }): null => {
    const line = end + 1 + (info.empty_lines - blank);
    end = info.lines;
    blank = info.empty_lines;
    if (columns === undefined) {
      columns = headerNames(record, file, line);
      cells = columns.map(() => []);
      return null;
    }
    if (record.length !== columns.length) {
      throw new UserError(`the row has ${record.length} fields but the header has ${columns.length}`, { file, row: line });
    }
    for (let c = 0; c < columns.length; c++) cells[c].push(record[c]);
    lines.push(line);
    return null; // keep nothing: the cells are stored
  };
  try {
    parse(text, {
      bom: true,
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true, // spaces around fields, so `a, "b"` reads as two fields
      on_record: onRecord,
    });
  } catch (e) {
    throw csvSyntaxError(e, file);
  }
  return { file, columns: columns ?? [], rowCount: lines.length, cells, lines: Int32Array.from(lines) };
}

/** The first cell (or header name) holding a NUL byte, as a UserError naming its place. */
function throwAtNul(table: Table): never {
  const { file, columns, cells, lines } = table;
  const named = columns.findIndex((name) => name.includes('\0'));
  if (named >= 0) throw new UserError(`the name of column ${named + 1} ${NUL_PROBLEM}`, { file, row: 1 });
  for (let r = 0; r < table.rowCount; r++) {
    const c = cells.findIndex((column) => column[r].includes('\0'));
    if (c >= 0) throw new UserError(`the value ${quoteCell(cells[c][r])} ${NUL_PROBLEM}`, { file, row: lines[r], column: columns[c] });
  }
  throw new Error('parseTable: a NUL byte was found in the text but in no cell');
}

/** csv-parse's syntax errors (an unclosed quote, a quote inside a bare field) as UserErrors. */
function csvSyntaxError(e: unknown, file: string): unknown {
  if (!(e instanceof CsvError)) return e;
  const line = 'lines' in e && typeof e.lines === 'number' ? e.lines : undefined;
  // csv-parse says "Invalid Opening Quote: a quote is found on field 1 at line 2, value is …"
  const problem = e.message.split(':')[0].trim().toLowerCase();
  return new UserError(`malformed CSV: ${problem}`, { file, row: line });
}

/** Header cells trimmed; each must be non-empty and unique. */
function headerNames(header: string[], file: string, row: number): string[] {
  const names = header.map((name) => name.trim());
  const seen = new Set<string>();
  names.forEach((name, c) => {
    if (name === '') throw new UserError(`column ${c + 1} has no name in the header`, { file, row });
    if (seen.has(name)) throw new UserError(`column ${JSON.stringify(name)} appears twice in the header`, { file, row });
    seen.add(name);
  });
  return names;
}
