// Reading a text corpus: the texts of a file, one per line or record, with the line each came
// from and, for conditional text, a label per text. Formats by extension (after .gz):
//   .jsonl, .ndjson  one JSON object per line, {"text": "…", "label": …} (label optional)
//   .csv, .tsv       a header row; a text column and an optional label column
//   anything else    plain UTF-8 text, one text per line
// Blank lines and blank texts are skipped (or kept, for generated samples) and every text is
// trimmed. Binary input (NUL bytes, bytes that are
// not UTF-8, UTF-16) and an empty corpus are UserErrors naming the file and line.
import { formatExtension, readInputFile } from '../data/input-file.js';
import { parseTable } from '../data/table.js';
import { decodeText, NUL_PROBLEM } from '../data/text.js';
import { UserError } from '../errors.js';

/** The texts of a corpus file, before tokenization. */
export interface TextCorpus {
  /** The file (or built-in dataset) the texts came from, for messages. */
  readonly file: string;
  readonly texts: readonly string[];
  /** The 1-based line each text starts on. */
  readonly lines: Int32Array;
  /** One label per text, when the file has a label field or column. */
  readonly labels?: { readonly name: string; readonly texts: readonly string[] };
}

export interface CorpusOptions {
  /** JSON key or CSV column holding the text; default "text". */
  textField?: string;
  /**
   * JSON key or CSV column holding the label. Default "label", used when the file has it; a
   * field named here must be there.
   */
  labelField?: string;
  /**
   * `skip` (default) leaves blank lines and blank texts out; `keep` reads each as an empty text,
   * as Texygen reads generated sentences (an empty one scores 0). A line break at the very end
   * of a plain-text file ends the last line; it does not start another.
   */
  blankLines?: 'skip' | 'keep';
  /** The flag that named the file, for messages. */
  flag?: string;
}

/**
 * The texts of the corpus file at `path`.
 *
 * @example
 * const corpus = await readTextCorpus('captions.txt'); // corpus.texts[0] === 'a dog on a bed'
 * const labelled = await readTextCorpus('reviews.jsonl'); // labelled.labels?.texts[0] === 'positive'
 */
export async function readTextCorpus(path: string, options: CorpusOptions = {}): Promise<TextCorpus> {
  return parseTextCorpus(await readInputFile(path, options.flag), path, options);
}

/** The corpus in `bytes` read from `file`; the format comes from its extension. */
export function parseTextCorpus(bytes: Uint8Array, file: string, options: CorpusOptions = {}): TextCorpus {
  try {
    const extension = formatExtension(file);
    const text = checkedText(bytes, file);
    const corpus =
      extension === '.jsonl' || extension === '.ndjson'
        ? jsonLinesCorpus(text, file, options)
        : extension === '.csv' || extension === '.tsv'
          ? tableCorpus(text, file, options)
          : plainCorpus(text, file, options.blankLines ?? 'skip');
    if (corpus.texts.every((t) => t === '')) throw new UserError('the corpus holds no text: every line is blank', { file });
    return corpus;
  } catch (e) {
    // Every message names the file; name the flag that gave it too.
    if (e instanceof UserError && options.flag !== undefined && e.place.flag === undefined) throw new UserError(e.problem, { ...e.place, flag: options.flag });
    throw e;
  }
}

/** The bytes as UTF-8 text, refusing binary data with the first line that shows it. */
function checkedText(bytes: Uint8Array, file: string): string {
  const text = decodeText(bytes, file).replace(/^\uFEFF/, '');
  const nul = text.indexOf('\0');
  if (nul >= 0) throw new UserError(`line ${lineAt(text, nul)} ${NUL_PROBLEM}`, { file });
  const replaced = text.indexOf('\uFFFD');
  if (replaced >= 0 && !isUtf8(bytes)) {
    throw new UserError(`line ${lineAt(text, replaced)} is not UTF-8 text: this looks like a binary file, or text in another encoding`, { file });
  }
  return text;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The 1-based line holding character `index` of `text`. */
function lineAt(text: string, index: number): number {
  return splitLines(text.slice(0, index)).length;
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** One text per line, blank lines skipped or kept as empty texts. */
function plainCorpus(text: string, file: string, blankLines: 'skip' | 'keep'): TextCorpus {
  const texts: string[] = [];
  const lines: number[] = [];
  const all = splitLines(text);
  if (all[all.length - 1] === '') all.pop(); // the final line break
  all.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' && blankLines === 'skip') return;
    texts.push(trimmed);
    lines.push(i + 1);
  });
  return { file, texts, lines: Int32Array.from(lines) };
}

/** One {text, label} object per non-blank line; a blank text is skipped or kept as blank lines are. */
function jsonLinesCorpus(text: string, file: string, options: CorpusOptions): TextCorpus {
  const { textField = 'text', labelField = 'label', blankLines = 'skip' } = options;
  const texts: string[] = [];
  const labels: string[] = [];
  const lines: number[] = [];
  let labelled: boolean | undefined;
  splitLines(text).forEach((line, i) => {
    if (line.trim() === '') return;
    const at = `line ${i + 1}`;
    const fields = jsonRecord(line, at, textField, file);
    const label = fields[labelField];
    labelled ??= label !== undefined || options.labelField !== undefined; // a label asked for, or on the first record
    if ((label !== undefined) !== labelled) {
      const unlike = lines.length > 0 ? `, unlike line ${lines[0]}` : '';
      throw new UserError(`${at} ${labelled ? 'has no' : 'has a'} ${JSON.stringify(labelField)} field${unlike}`, { file });
    }
    const trimmed = (fields[textField] as string).trim();
    if (trimmed === '' && blankLines === 'skip') return;
    if (label !== undefined) labels.push(labelText(label, `${at}: the ${JSON.stringify(labelField)}`, file));
    texts.push(trimmed);
    lines.push(i + 1);
  });
  const corpus = { file, texts, lines: Int32Array.from(lines) };
  return labelled === true ? { ...corpus, labels: { name: labelField, texts: labels } } : corpus;
}

/** One line of a JSON-lines corpus: an object with a string `textField`. */
function jsonRecord(line: string, at: string, textField: string, file: string): Record<string, unknown> {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    throw new UserError(`${at} is not valid JSON; a JSON-lines corpus holds one object {"${textField}": "…"} per line`, { file });
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new UserError(`${at} is not a JSON object {"${textField}": "…"}`, { file });
  }
  const fields = record as Record<string, unknown>;
  if (typeof fields[textField] !== 'string') throw new UserError(`${at} has no string field ${JSON.stringify(textField)}`, { file });
  return fields;
}

/** A label as text: a string, a number or a boolean. */
function labelText(value: unknown, what: string, file: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new UserError(`${what} must be a non-blank string, a number or a boolean, got ${JSON.stringify(value)}`, { file });
}

/** A text column and, when the header has it, a label column. */
function tableCorpus(text: string, file: string, options: CorpusOptions): TextCorpus {
  const { textField = 'text', labelField = 'label' } = options;
  const table = parseTable(text, file);
  const textColumn = table.columns.indexOf(textField);
  if (textColumn < 0) {
    throw new UserError(`no column ${JSON.stringify(textField)} holds the text; the columns are ${table.columns.map((c) => JSON.stringify(c)).join(', ')}`, { file });
  }
  const labelColumn = table.columns.indexOf(labelField);
  if (labelColumn < 0 && options.labelField !== undefined) throw new UserError(`no column ${JSON.stringify(labelField)} holds the labels`, { file });
  const cells = table.cells as string[][];
  const texts: string[] = [];
  const lines: number[] = [];
  const labels: string[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const at = `line ${table.lines[r]}`;
    const value = cells[textColumn][r].trim();
    if (value === '' && (options.blankLines ?? 'skip') === 'skip') continue;
    texts.push(value);
    lines.push(table.lines[r]);
    if (labelColumn >= 0) labels.push(labelText(cells[labelColumn][r], `${at}: the ${JSON.stringify(labelField)} cell`, file));
  }
  const corpus = { file, texts, lines: Int32Array.from(lines) };
  return labelColumn >= 0 ? { ...corpus, labels: { name: labelField, texts: labels } } : corpus;
}
