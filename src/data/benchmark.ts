// The TimeGAN benchmark data, prepared exactly as TimeGAN's loader does (docs/TIMEGAN.md §1.2)
// so results compare with the paper's: not the general pipeline, whose choices differ.
import { UserError } from '../errors.js';
import type { Random } from '../engine/random.js';
import { readBuiltinTable, type BuiltinDatasetName } from './builtin.js';
import { parseNumberCell } from './cells.js';
import { flagOf } from './options.js';
import { generateSines } from './sines.js';
import { defaultColumnNames } from './source.js';

/** Benchmark windows in [0, 1]: `data` is [count, length, features], row-major. */
export interface BenchmarkWindows {
  data: Float32Array;
  count: number;
  length: number;
  features: number;
  columns: string[];
}

/**
 * TimeGAN's "original data" for a benchmark.
 * - stocks, energy: all numeric columns (energy without `date`), rows reversed, each column
 *   scaled by (x − min) / (max − min + 1e-7), windows of seqLen starting at i = 0 … R − T − 1
 *   (R − T of them: the last possible start is skipped), shuffled by one permutation from `rng`.
 *   seqLen 24 gives 3,661 × 24 × 6 (stocks) and 19,711 × 24 × 28 (energy).
 * - sines: 10,000 × seqLen × 5 generated from `rng`, neither scaled nor shuffled.
 *
 * @example
 * const { data, count } = await loadBenchmarkWindows('stocks', { rng: new Random(1) }); // 3,661
 */
export async function loadBenchmarkWindows(
  name: BuiltinDatasetName,
  { seqLen = 24, rng }: { seqLen?: number; rng: Random },
): Promise<BenchmarkWindows> {
  if (!Number.isInteger(seqLen) || seqLen < 1) {
    throw new UserError(`seqLen must be a whole number of at least 1, got ${seqLen}`, { flag: flagOf('seqLen') });
  }
  if (name === 'sines') {
    const data = Float32Array.from(generateSines(rng, { length: seqLen }));
    return { data, count: 10_000, length: seqLen, features: 5, columns: defaultColumnNames(5) };
  }
  const { columns, matrix, rows } = await numericMatrix(name);
  const width = columns.length;
  scaleColumnsTimeGan(reverseRows(matrix, rows, width), rows, width);
  const count = rows - seqLen;
  if (count < 1) throw new UserError(`${name} has ${rows} rows; seqLen ${seqLen} leaves no window`, { flag: flagOf('seqLen') });
  const order = rng.permutation(count);
  const rowsF32 = Float32Array.from(matrix); // one conversion, then each window is a plain copy
  const size = seqLen * width;
  const data = new Float32Array(count * size);
  for (let k = 0; k < count; k++) data.set(rowsF32.subarray(order[k] * width, order[k] * width + size), k * size);
  return { data, count, length: seqLen, features: width, columns };
}

/** [rows, columns] values of every column but energy's `date`, in file order. */
async function numericMatrix(name: 'stocks' | 'energy'): Promise<{ columns: string[]; matrix: Float64Array; rows: number }> {
  const table = await readBuiltinTable(name);
  const kept = table.columns.map((_, c) => c).filter((c) => table.columns[c] !== 'date');
  const matrix = new Float64Array(table.rowCount * kept.length);
  kept.forEach((c, d) => {
    const cells = table.cells[c];
    for (let r = 0; r < table.rowCount; r++) {
      const value = parseNumberCell(cells[r]);
      if (value === undefined || Number.isNaN(value)) throw new Error(`${name}: shipped data has a bad cell at line ${table.lines[r]}`);
      matrix[r * kept.length + d] = value;
    }
  });
  return { columns: kept.map((c) => table.columns[c]), matrix, rows: table.rowCount };
}

/** Reverses the order of the `rows` rows of a [rows, width] matrix, in place. */
function reverseRows(matrix: Float64Array, rows: number, width: number): Float64Array {
  const swap = new Float64Array(width);
  for (let a = 0, b = rows - 1; a < b; a++, b--) {
    swap.set(matrix.subarray(a * width, (a + 1) * width));
    matrix.copyWithin(a * width, b * width, (b + 1) * width);
    matrix.set(swap, b * width);
  }
  return matrix;
}

/** TimeGAN's MinMaxScaler, in place: (x − min) / (max − min + 1e-7) per column. */
function scaleColumnsTimeGan(matrix: Float64Array, rows: number, width: number): void {
  for (let d = 0; d < width; d++) {
    let min = Infinity;
    let max = -Infinity;
    for (let r = 0; r < rows; r++) {
      min = Math.min(min, matrix[r * width + d]);
      max = Math.max(max, matrix[r * width + d]);
    }
    for (let r = 0; r < rows; r++) matrix[r * width + d] = (matrix[r * width + d] - min) / (max - min + 1e-7);
  }
}
