// Writing decoded samples to .csv, .json or .npy (chosen by the extension), atomically and in
// batches, so that memory does not grow with the number of sequences.
//   .csv   wide: the index columns seq and t (renamed by sampleIndexColumns when a data column
//          already has the name), then the feature columns and the condition columns (repeated
//          on each step of a sequence); original units, categorical cells as their labels.
//   .json  {"columns": [...], "sequences": [[[…], …], …]}: the same columns without the index,
//          labels as strings — a file readSequenceFile reads back.
//   .npy   float32 [N, T, columns], the same columns; a categorical cell is its category index
//          (the labels in order are the encoder's `categories`, kept in model.json).
// CSV and JSON print numbers with 7 significant digits (the precision of float32).
import { stringify } from 'csv-stringify/sync';
import { extname } from 'node:path';
import { UserError } from '../errors.js';
import { asUserError } from '../io/fs-errors.js';
import { assertParentDirectory, writeFileAtomic } from '../io/atomic-write.js';
import { encodeNpy, float32Bytes, npyHeader } from './npy.js';
import { decodedCell, sampleIndexColumns, type DecodedColumn, type DecodedSamples } from './samples.js';

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
  await writeSampleBatches(path, [samples], { count: samples.count, flag: options.flag });
}

/**
 * Writes `count` sequences arriving in `batches` (each a DecodedSamples of the same columns and
 * length) as one file, holding one batch in memory at a time: the same bytes as writeSamples
 * would write for all of them at once. Checks the extension and directory before the first batch.
 *
 * @example
 * await writeSampleBatches('big.npy', gan.sampleBatches(1_000_000, { seed: 1 }), { count: 1_000_000 });
 */
export async function writeSampleBatches(path: string, batches: Iterable<DecodedSamples>, options: { count: number; flag?: string }): Promise<void> {
  const extension = extname(path).toLowerCase();
  if (!(SAMPLE_FILE_EXTENSIONS as readonly string[]).includes(extension)) {
    const problem = `cannot write samples as ${JSON.stringify(extension || '(no extension)')}; use ${SAMPLE_FILE_EXTENSIONS.join(', ')}`;
    throw new UserError(problem, { file: path, flag: options.flag });
  }
  await assertParentDirectory(path, options.flag);
  const counted = countedBatches(batches, options.count);
  const chunks = extension === '.csv' ? csvChunks(counted) : extension === '.json' ? jsonChunks(counted) : npyChunks(counted, options.count);
  try {
    await writeFileAtomic(path, chunks);
  } catch (e) {
    throw asUserError(e, 'write the samples', { file: path, flag: options.flag }); // a directory, no permission, disk full
  }
}

/**
 * The samples as text in pieces, one per batch, for a stream such as standard output: the same
 * text writeSampleBatches writes to a .csv or .json file.
 */
export function sampleTextChunks(format: 'csv' | 'json', batches: Iterable<DecodedSamples>): Iterable<string> {
  return format === 'csv' ? csvChunks(batches) : jsonChunks(batches);
}

/** The CSV text: header seq,t,<columns>, then one line per sequence step. */
export function samplesToCsv(samples: DecodedSamples): string {
  return [...csvChunks([samples])].join('');
}

/** The JSON text {columns, sequences}. */
export function samplesToJson(samples: DecodedSamples): string {
  return [...jsonChunks([samples])].join('');
}

/** The .npy bytes: float32 [N, T, columns], categorical cells as category indices. */
export function samplesToNpy(samples: DecodedSamples): Uint8Array {
  return encodeNpy(npyValues(samples), [samples.count, samples.length, columnNames(samples).length]);
}

/** The batches, checked to hold `count` sequences in all (a short stream would write a wrong .npy shape). */
function* countedBatches(batches: Iterable<DecodedSamples>, count: number): Generator<DecodedSamples> {
  let written = 0;
  const check = (ok: boolean): void => {
    if (!ok) throw new Error(`writeSampleBatches: the batches hold more or fewer than the ${count} sequences announced`);
  };
  for (const batch of batches) {
    written += batch.count;
    check(written <= count);
    yield batch;
  }
  check(written === count);
}

/**
 * One chunk of CSV text per batch, the header first, sequences numbered across batches.
 * csv-stringify quotes each distinct text field once (a label with a comma or quote); numbers
 * need no quoting, and joining lines by hand is ~10× faster than stringifying 10⁵ rows.
 */
function* csvChunks(batches: Iterable<DecodedSamples>): Generator<string> {
  const quoted = new Map<string, string>();
  const field = (value: number | string): string => {
    if (typeof value === 'number') return String(value);
    let text = quoted.get(value);
    if (text === undefined) quoted.set(value, (text = stringify([[value]], { record_delimiter: 'unix' }).slice(0, -1)));
    return text;
  };
  let first = 0;
  for (const batch of batches) {
    const lines: string[] = [];
    if (first === 0) {
      const names = columnNames(batch);
      const { sequence, step } = sampleIndexColumns(names);
      lines.push([sequence, step, ...names].map(field).join(','));
    }
    forEachStep(batch, (n, t, cells) => lines.push(`${first + n},${t},${cells.map(field).join(',')}`));
    yield lines.join('\n') + '\n';
    first += batch.count;
  }
}

/** The JSON text {"columns":[…],"sequences":[…]} in pieces: the opening, one per batch, the close. */
function* jsonChunks(batches: Iterable<DecodedSamples>): Generator<string> {
  let opened = false;
  for (const batch of batches) {
    const sequences: (number | string)[][][] = Array.from({ length: batch.count }, () => []);
    forEachStep(batch, (n, _t, cells) => sequences[n].push(cells));
    const items = sequences.map((sequence) => JSON.stringify(sequence)).join(',');
    yield opened ? `,${items}` : `{"columns":${JSON.stringify(columnNames(batch))},"sequences":[${items}`;
    opened = true;
  }
  yield ']}';
}

/** The .npy header for all `count` sequences (known before the first batch), then each batch's values. */
function* npyChunks(batches: Iterable<DecodedSamples>, count: number): Generator<Uint8Array> {
  let opened = false;
  for (const batch of batches) {
    if (!opened) yield npyHeader([count, batch.length, columnNames(batch).length]);
    opened = true;
    yield float32Bytes(npyValues(batch));
  }
}

/** [count, length, columns] values: features, then each sequence's conditions on every step. */
function npyValues(samples: DecodedSamples): Float32Array {
  const { count, length, features, conditions } = samples;
  const width = features.length + conditions.length;
  const data = new Float32Array(count * length * width);
  for (let i = 0; i < count * length; i++) {
    features.forEach((column, d) => (data[i * width + d] = column.values[i]));
    const n = Math.floor(i / length);
    conditions.forEach((column, c) => (data[i * width + features.length + c] = column.values[n]));
  }
  return data;
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
