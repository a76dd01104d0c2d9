// Column specs and the encoded layout they imply: a numeric column is one slot scaled to [0, 1],
// a categorical column of k labels is k one-hot slots. Encoding rows and decoding them back.
import type { MinMax } from './scaler.js';
import { scaleValue, unscaleValue } from './scaler.js';
import type { DecodedColumn } from './samples.js';

/** A numeric column and the range its values are scaled from. */
export interface NumericColumnSpec extends MinMax {
  name: string;
  kind: 'numeric';
}

/** A categorical column and its labels; label i is one-hot slot i of the column's block. */
export interface CategoricalColumnSpec {
  name: string;
  kind: 'categorical';
  categories: string[];
}

export type ColumnSpec = NumericColumnSpec | CategoricalColumnSpec;

/** Slots a column takes in an encoded row. */
export function columnWidth(spec: ColumnSpec): number {
  return spec.kind === 'numeric' ? 1 : spec.categories.length;
}

/** [specs + 1]: where each column's block starts; the last entry is the row width. */
export function columnOffsets(specs: readonly ColumnSpec[]): Int32Array {
  const offsets = new Int32Array(specs.length + 1);
  specs.forEach((spec, i) => (offsets[i + 1] = offsets[i] + columnWidth(spec)));
  return offsets;
}

/**
 * Encodes `rows` of the columns' values (numbers, or category indices) into a
 * [rows.length, width] block: numeric scaled to [0, 1], categorical one-hot.
 */
export function encodeColumns(specs: readonly ColumnSpec[], values: Float64Array[], rows: Int32Array): Float32Array {
  const offsets = columnOffsets(specs);
  const width = offsets[specs.length];
  const out = new Float32Array(rows.length * width);
  specs.forEach((spec, c) => {
    const column = values[c];
    for (let i = 0; i < rows.length; i++) {
      const at = i * width + offsets[c];
      if (spec.kind === 'numeric') out[at] = scaleValue(column[rows[i]], spec);
      else out[at + column[rows[i]]] = 1;
    }
  });
  return out;
}

/**
 * Decodes a [rowCount, width] block: numeric slots back to data units, each categorical block
 * to the index of its largest slot (argmax; the first wins a tie).
 */
export function decodeColumns(specs: readonly ColumnSpec[], encoded: Float32Array, rowCount: number): DecodedColumn[] {
  const offsets = columnOffsets(specs);
  const width = offsets[specs.length];
  return specs.map((spec, c) => {
    const offset = offsets[c];
    if (spec.kind === 'numeric') {
      const values = new Float64Array(rowCount);
      for (let i = 0; i < rowCount; i++) values[i] = unscaleValue(encoded[i * width + offset], spec);
      return { name: spec.name, kind: 'numeric', values };
    }
    const values = new Int32Array(rowCount);
    for (let i = 0; i < rowCount; i++) values[i] = argmax(encoded, i * width + offset, spec.categories.length);
    return { name: spec.name, kind: 'categorical', categories: spec.categories, values };
  });
}

function argmax(data: Float32Array, start: number, count: number): number {
  let best = 0;
  for (let k = 1; k < count; k++) if (data[start + k] > data[start + best]) best = k;
  return best;
}
