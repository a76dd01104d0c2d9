// DecodedSamples: generated windows mapped back to the data's columns, units and labels.

/** One column of decoded samples. */
export type DecodedColumn =
  | { name: string; kind: 'numeric'; values: Float64Array }
  | { name: string; kind: 'categorical'; categories: string[]; /** indices into categories */ values: Int32Array };

/**
 * Decoded samples, column by column: feature values are [count × length] (sequence-major,
 * value of sequence n at step t at n·length + t); condition values are [count], one per sequence.
 */
export interface DecodedSamples {
  count: number;
  length: number;
  features: DecodedColumn[];
  conditions: DecodedColumn[];
}

/** The value of `column` at flat index `i`: a number, or a categorical column's label. */
export function decodedCell(column: DecodedColumn, i: number): number | string {
  return column.kind === 'numeric' ? column.values[i] : column.categories[column.values[i]];
}
