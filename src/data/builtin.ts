// The built-in datasets — stocks and energy (shipped in datasets/ as .csv.gz) and generated
// sines — as DataSources, so `--data stocks` goes through the same pipeline as a file.
import { existsSync } from 'node:fs';
import { Random } from '../engine/random.js';
import { UserError } from '../errors.js';
import { formatCount } from '../format-units.js';
import { readInputFile } from './input-file.js';
import { checkWindowValues } from './limits.js';
import { datasetPath } from './package-root.js';
import { readSequenceFile, type ReadOptions } from './read.js';
import { generateSines, type SineOptions } from './sines.js';
import type { DataSource, Table } from './source.js';
import { defaultColumnNames, numericSource } from './source.js';
import { parseTable } from './table.js';

export const BUILTIN_DATASETS = ['sines', 'stocks', 'energy'] as const;

export type BuiltinDatasetName = (typeof BUILTIN_DATASETS)[number];

/** True for the names of built-in datasets: sines, stocks, energy. */
export function isBuiltinDataset(name: string): name is BuiltinDatasetName {
  return (BUILTIN_DATASETS as readonly string[]).includes(name);
}

/**
 * A built-in dataset as a DataSource named after it:
 * - `stocks`: 3,685 daily rows of 6 price columns, one series in file order;
 * - `energy`: 19,735 rows of 29 columns; `date` is its time column, leaving 28 features;
 * - `sines`: 10,000 sequences of 24 steps × 5 features drawn from `rng` (sizes from `sines`).
 *
 * @example
 * const source = await loadBuiltinDataset('energy');
 * const data = prepareDataset(source, { seqLen: 24 }); // data.features === 28
 */
export async function loadBuiltinDataset(
  name: BuiltinDatasetName,
  rng: Random = new Random(0),
  sines: SineOptions = {},
): Promise<DataSource> {
  if (name === 'sines') return sinesSource(rng, sines);
  return readBuiltinTable(name);
}

/** The stored CSV of `stocks` or `energy` as a Table named after the dataset. */
export async function readBuiltinTable(name: 'stocks' | 'energy'): Promise<Table> {
  const table = parseTable(await readInputFile(datasetPath(`${name}.csv.gz`)), name);
  return name === 'energy' ? { ...table, defaultTime: 'date' } : table;
}

function sinesSource(rng: Random, options: SineOptions): DataSource {
  const { count = 10_000, length = 24, features = 5 } = options;
  const what = `sines of ${formatCount(count)} sequences × ${formatCount(length)} steps × ${features} features`;
  checkWindowValues(count * length * features, what, 'use a shorter --seq-len', { file: 'sines', flag: '--seq-len' });
  const values = generateSines(rng, { count, length, features }); // [N, T, D]
  const columns = Array.from({ length: features }, (_, d) => {
    const column = new Float64Array(count * length);
    for (let row = 0; row < column.length; row++) column[row] = values[row * features + d];
    return column;
  });
  return numericSource('sines', defaultColumnNames(features), columns, new Int32Array(count).fill(length));
}

/**
 * What `--data` names: a built-in dataset when `pathOrName` is one of their names, else a file
 * read by its extension.
 */
export async function loadDataSource(
  pathOrName: string,
  options: ReadOptions & { rng?: Random; sines?: SineOptions } = {},
): Promise<DataSource> {
  const { rng, sines, ...read } = options;
  if (isBuiltinDataset(pathOrName)) return loadBuiltinDataset(pathOrName, rng, sines);
  const near = nearestBuiltin(pathOrName);
  if (near !== undefined && !existsSync(pathOrName)) {
    throw new UserError(`no file or built-in dataset named ${JSON.stringify(pathOrName)}; did you mean ${near}?`, { flag: read.fileFlag });
  }
  return readSequenceFile(pathOrName, read);
}

/** The built-in name within two edits of `name` (`sine`, `Stocks`, `enrgy`), if one is. */
function nearestBuiltin(name: string): BuiltinDatasetName | undefined {
  const lower = name.toLowerCase();
  return BUILTIN_DATASETS.find((builtin) => editDistance(lower, builtin) <= 2);
}

/** Levenshtein distance: the fewest insertions, deletions and substitutions from a to b. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return Infinity; // far apart; and names can be long
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}
