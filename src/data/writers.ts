// Writing decoded samples to .csv, .json or .npy (chosen by the extension), atomically.
//   .csv   wide: seq, t, then the feature columns and the condition columns (repeated on each
//          step of a sequence); original units, categorical cells as their labels.
//   .json  {"columns": [...], "sequences": [[[…], …], …]}: the same columns without seq and t,
//          labels as strings — a file readSequenceFile reads back.
//   .npy   float32 [N, T, columns], the same columns; a categorical cell is its category index
//          (the labels in order are the encoder's `categories`, kept in model.json).
// CSV and JSON print numbers with 7 significant digits (the precision of float32).
import { stringify } from 'csv-stringify/sync';
import { extname } from 'node:path';
import { UserError } from '../errors.js';
import { asUserError } from '../io/fs-errors.js';
import { assertParentDirectory, writeFileAtomic } from '../io/atomic-write.js';
import { encodeNpy } from './npy.js';
import { decodedCell, type DecodedColumn, type DecodedSamples } from './samples.js';

export const SAMPLE_FILE_EXTENSIONS = ['.csv', '.json', '.npy'] as const;

/**
 * Writes `samples` to `path` in the format its extension names. An unknown extension or a
 * missing directory is a UserError (naming `flag` when given); no partial file is ever left.
 *
 * @example
 * const samples = encoder.decodeWindows(generated, 24, conditions);
 * await writeSamples('out/samples.csv', samples, { flag: '--out' });
 */
export async function writeSamples(path: string, samples: DecodedSamples, options: { flag?: string } = {}): Promise<void> {
  const extension = extname(path).toLowerCase();
  if (!(SAMPLE_FILE_EXTENSIONS as readonly string[]).includes(extension)) {
    const problem = `cannot write samples as ${JSON.stringify(extension || '(no extension)')}; use ${SAMPLE_FILE_EXTENSIONS.join(', ')}`;
    throw new UserError(problem, { file: path, flag: options.flag });
  }
  await assertParentDirectory(path, options.flag);
  const content = extension === '.csv' ? samplesToCsv(samples) : extension === '.json' ? samplesToJson(samples) : samplesToNpy(samples);
  try {
    await writeFileAtomic(path, content);
  } catch (e) {
    throw asUserError(e, 'write the samples', { file: path, flag: options.flag }); // a directory, no permission, disk full
  }
}

/**
 * The CSV text: header seq,t,<columns>, then one line per sequence step. csv-stringify quotes
 * each distinct text field once (a label with a comma or quote); numbers need no quoting, and
 * joining lines by hand is ~10× faster than stringifying 10⁵ rows.
 */
export function samplesToCsv(samples: DecodedSamples): string {
  const quoted = new Map<string, string>();
  const field = (value: number | string): string => {
    if (typeof value === 'number') return String(value);
    let text = quoted.get(value);
    if (text === undefined) quoted.set(value, (text = stringify([[value]], { record_delimiter: 'unix' }).slice(0, -1)));
    return text;
  };
  const lines = [['seq', 't', ...columnNames(samples)].map(field).join(',')];
  forEachStep(samples, (n, t, cells) => lines.push(`${n},${t},${cells.map(field).join(',')}`));
  return lines.join('\n') + '\n';
}

/** The JSON text {columns, sequences}. */
export function samplesToJson(samples: DecodedSamples): string {
  const sequences: (number | string)[][][] = Array.from({ length: samples.count }, () => []);
  forEachStep(samples, (n, _t, cells) => sequences[n].push(cells));
  return JSON.stringify({ columns: columnNames(samples), sequences });
}

/** The .npy bytes: float32 [N, T, columns], categorical cells as category indices. */
export function samplesToNpy(samples: DecodedSamples): Uint8Array {
  const { count, length, features, conditions } = samples;
  const width = features.length + conditions.length;
  const data = new Float32Array(count * length * width);
  for (let i = 0; i < count * length; i++) {
    features.forEach((column, d) => (data[i * width + d] = column.values[i]));
    const n = Math.floor(i / length);
    conditions.forEach((column, c) => (data[i * width + features.length + c] = column.values[n]));
  }
  return encodeNpy(data, [count, length, width]);
}

function columnNames(samples: DecodedSamples): string[] {
  return [...samples.features, ...samples.conditions].map((column) => column.name);
}

/** Calls `visit` for each step of each sequence with its cells: features, then conditions. */
function forEachStep(samples: DecodedSamples, visit: (n: number, t: number, cells: (number | string)[]) => void): void {
  const cell = (column: DecodedColumn, i: number): number | string => {
    const value = decodedCell(column, i);
    return typeof value === 'number' ? Number(value.toPrecision(7)) : value;
  };
  for (let n = 0; n < samples.count; n++) {
    const conditions = samples.conditions.map((column) => cell(column, n));
    for (let t = 0; t < samples.length; t++) {
      const i = n * samples.length + t;
      visit(n, t, [...samples.features.map((column) => cell(column, i)), ...conditions]);
    }
  }
}
