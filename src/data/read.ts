// Reading any supported data file into a DataSource, chosen by the file's extension.
import { UserError } from '../errors.js';
import { formatExtension, readInputFile } from './input-file.js';
import { parseJsonSequences } from './json-sequences.js';
import { parseNpy } from './npy.js';
import type { DataSource } from './source.js';
import { defaultColumnNames, numericSource } from './source.js';
import { parseTable, type TableOptions } from './table.js';
import { decodeText } from './text.js';

/** Options for readSequenceFile; `delimiter` applies to delimited text only. */
export interface ReadOptions extends TableOptions {
  /** Flag to name when the file itself is the problem (missing, unknown type). */
  fileFlag?: string;
}

/** The extensions readSequenceFile understands, each optionally followed by `.gz`. */
export const DATA_FILE_EXTENSIONS = ['.csv', '.tsv', '.txt', '.json', '.npy'] as const;

/**
 * Reads a data file by its extension: `.csv`/`.tsv`/`.txt` (wide table with a header), `.json`
 * (sequences) or `.npy` (float32/float64 [N, T, D]); `name.csv.gz` etc. are gunzipped first.
 *
 * @example
 * const source = await readSequenceFile('walks.csv');
 * const data = prepareDataset(source, { seqLen: 24, id: 'id', time: 'time' });
 */
export async function readSequenceFile(path: string, options: ReadOptions = {}): Promise<DataSource> {
  const extension = formatExtension(path);
  if (!(DATA_FILE_EXTENSIONS as readonly string[]).includes(extension)) {
    const known = DATA_FILE_EXTENSIONS.join(', ');
    const problem = `unknown data file type ${JSON.stringify(extension || '(none)')}; expected ${known} (optionally gzipped, .gz)`;
    throw new UserError(problem, { file: path, flag: options.fileFlag });
  }
  const bytes = await readInputFile(path, options.fileFlag);
  if (extension === '.json') return parseJsonSequences(decodeText(bytes, path), path);
  if (extension === '.npy') return npySource(bytes, path);
  return parseTable(bytes, path, options);
}

/** An [N, T, D] array as N sequences of T rows, columns feature_1 … feature_D. */
function npySource(bytes: Uint8Array, file: string): DataSource {
  const { shape, data } = parseNpy(bytes, file);
  const [count, length, width] = shape;
  const columns = Array.from({ length: width }, () => new Float64Array(count * length));
  for (let row = 0; row < count * length; row++) {
    for (let d = 0; d < width; d++) {
      const value = data[row * width + d];
      columns[d][row] = Number.isFinite(value) ? value : NaN; // ±Inf counts as missing
    }
  }
  return numericSource(file, defaultColumnNames(width), columns, new Int32Array(count).fill(length));
}
