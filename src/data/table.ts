// Delimited text files (CSV, semicolon, tab) with a header row → Table, with file line numbers.
import { CsvError, parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';
import { readInputFile } from './input-file.js';
import type { Table } from './source.js';

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
  const source = typeof text === 'string' ? text : text.toString('utf8');
  if (!/[^\s\uFEFF]/.test(source)) throw new UserError('the file is empty', { file });
  const delimiter = options.delimiter ?? detectDelimiter(source);
  checkDelimiter(delimiter, options.flag);
  const { records, lines } = parseRecords(source, file, delimiter);
  const columns = headerNames(records[0], file, lines[0]);
  if (records.length === 1) throw new UserError('the file has a header but no data rows', { file });
  const rowCount = records.length - 1;
  const cells = columns.map(() => new Array<string>(rowCount));
  for (let r = 0; r < rowCount; r++) {
    const record = records[r + 1];
    if (record.length !== columns.length) {
      const problem = `the row has ${record.length} fields but the header has ${columns.length}`;
      throw new UserError(problem, { file, row: lines[r + 1] });
    }
    for (let c = 0; c < columns.length; c++) cells[c][r] = record[c];
  }
  return { file, columns, rowCount, cells, lines: lines.subarray(1) };
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
 * All records and the line each starts on. csv-parse reports the line a record ends on; the
 * start is one past the previous record's end plus the blank lines skipped in between, which
 * stays right when a quoted field spans lines.
 */
function parseRecords(text: string, file: string, delimiter: string): { records: string[][]; lines: Int32Array } {
  let parsed: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    // with `info: true` each record comes as {record, info}; the typings do not model that
    parsed = parse(text, {
      bom: true,
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true, // spaces around fields, so `a, "b"` reads as two fields

      info: true,
    }) as unknown as typeof parsed;
  } catch (e) {
    throw csvSyntaxError(e, file);
  }
  const records = new Array<string[]>(parsed.length);
  const lines = new Int32Array(parsed.length);
  let end = 0;
  let blank = 0;
  for (let i = 0; i < parsed.length; i++) {
    const { record, info } = parsed[i];
    records[i] = record;
    lines[i] = end + 1 + (info.empty_lines - blank);
    end = info.lines;
    blank = info.empty_lines;
  }
  return { records, lines };
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
