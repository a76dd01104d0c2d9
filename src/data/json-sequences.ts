// JSON sequence files → DataSource. Two shapes are accepted:
//   [[[x00, x01], [x10, x11]], …]                         number[][][]: sequences × steps × features
//   {"columns": ["speed", "label"], "sequences": [[[1.5, "walk"], …], …]}  names survive
// A cell is a number, null (missing) or a string (a label, or a missing spelling like "NaN").
import { UserError } from '../errors.js';
import { jsonDepth } from '../io/json-text.js';
import type { ColumnCells, DataSource } from './source.js';
import { defaultColumnNames } from './source.js';
import { NUL_PROBLEM } from './text.js';

type Cell = number | string | null;

/** {"columns", "sequences"} → sequences → steps → values: deeper nesting is a mistake. */
const MAX_DEPTH = 4;

/** Parses JSON sequences; every step of every sequence must have the same number of values. */
export function parseJsonSequences(text: string, file: string): DataSource {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new UserError('the file is empty', { file });
  if (body.includes('\0')) throw new UserError(`the file ${NUL_PROBLEM}`, { file });
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    throw new UserError(`not valid JSON: ${(e as Error).message.split('\n')[0]}`, { file });
  }
  if (jsonDepth(value, MAX_DEPTH) > MAX_DEPTH) {
    throw new UserError(`the JSON nests deeper than the ${MAX_DEPTH} levels of a sequence file ({"sequences": [sequence [step [values]]]})`, { file });
  }
  const { sequences, names } = sequencesAndNames(value, file);
  const width = names?.length ?? firstWidth(sequences, file);
  const columns = names ?? defaultColumnNames(width);
  const lengths = new Int32Array(sequences.length);
  sequences.forEach((sequence, s) => (lengths[s] = checkSequence(sequence, s, width, file)));
  const rowCount = lengths.reduce((sum, n) => sum + n, 0);
  const cells = columns.map((_, c) => columnCells(sequences as Cell[][][], c, rowCount));
  return { file, columns, rowCount, cells, sequenceLengths: lengths };
}

function sequencesAndNames(value: unknown, file: string): { sequences: unknown[]; names?: string[] } {
  if (Array.isArray(value)) return { sequences: nonEmpty(value, file) };
  if (typeof value === 'object' && value !== null && 'sequences' in value && Array.isArray(value.sequences)) {
    const names = 'columns' in value ? checkNames(value.columns, file) : undefined;
    return { sequences: nonEmpty(value.sequences, file), names };
  }
  throw new UserError('expected an array of sequences, or {"columns": [...], "sequences": [...]}', { file });
}

function nonEmpty(sequences: unknown[], file: string): unknown[] {
  if (sequences.length === 0) throw new UserError('the file holds no sequences', { file });
  return sequences;
}

function checkNames(columns: unknown, file: string): string[] {
  if (!Array.isArray(columns) || columns.length === 0 || !columns.every((name) => typeof name === 'string' && name.trim() !== '')) {
    throw new UserError('"columns" must be a non-empty array of non-empty strings', { file });
  }
  const names = columns.map((name: string) => name.trim());
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new UserError(`column ${JSON.stringify(twice)} appears twice in "columns"`, { file });
  return names;
}

/** The number of values in the first step of the first non-empty sequence. */
function firstWidth(sequences: unknown[], file: string): number {
  const s = sequences.findIndex((sequence) => Array.isArray(sequence) && sequence.length > 0);
  const step: unknown = s < 0 ? [] : (sequences[s] as unknown[])[0];
  if (!Array.isArray(step)) throw new UserError(`sequence ${s}, step 0 is not an array of feature values`, { file });
  if (step.length === 0) throw new UserError('the sequences hold no feature values', { file });
  return step.length;
}

/** The sequence's length, after checking it is an array of `width`-long rows of cells. */
function checkSequence(sequence: unknown, s: number, width: number, file: string): number {
  if (!Array.isArray(sequence)) throw new UserError(`sequence ${s} is not an array of steps`, { file });
  sequence.forEach((step: unknown, t: number) => {
    const at = `sequence ${s}, step ${t}`;
    if (!Array.isArray(step)) throw new UserError(`${at} is not an array of feature values`, { file });
    if (step.length !== width) throw new UserError(`${at} has ${step.length} values, expected ${width}`, { file });
    for (const cell of step) {
      if (cell !== null && typeof cell !== 'number' && typeof cell !== 'string') {
        throw new UserError(`${at} holds ${JSON.stringify(cell)}; values must be numbers, strings or null`, { file });
      }
      if (typeof cell === 'number' && !Number.isFinite(cell)) {
        throw new UserError(`${at} holds a number out of range (beyond ±${Number.MAX_VALUE.toPrecision(2)})`, { file });
      }
    }
  });
  return sequence.length;
}

/** Column `c` over all rows: numbers (null → NaN) unless some cell is a string, then text. */
function columnCells(sequences: Cell[][][], c: number, rowCount: number): ColumnCells {
  const hasText = sequences.some((sequence) => sequence.some((step) => typeof step[c] === 'string'));
  if (hasText) return sequences.flatMap((sequence) => sequence.map((step) => (step[c] === null ? '' : String(step[c]))));
  const values = new Float64Array(rowCount);
  let r = 0;
  for (const sequence of sequences) for (const step of sequence) values[r++] = step[c] === null ? NaN : (step[c] as number);
  return values;
}
