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

/**
 * A sample CSV's index columns, named so that no data column loses its name: `seq` (the
 * sequence) and `t` (the step), each with one `_` more than the longest data column of the same
 * form. Data columns x, y → seq, t; data columns seq, t, x → seq_, t_; seq, seq_ → seq__.
 * Reading back, the index columns are the longest names of these forms (sampleIndexColumn).
 */
export function sampleIndexColumns(dataColumns: readonly string[]): { sequence: string; step: string } {
  const next = (base: 'seq' | 't'): string => {
    const longest = sampleIndexColumn(dataColumns, base);
    return longest === undefined ? base : `${longest}_`;
  };
  return { sequence: next('seq'), step: next('t') };
}

/** The longest of `base`, `base_`, `base__` … among `columns`, if any: `('seq_', 'seq')` → `seq_`. */
export function sampleIndexColumn(columns: readonly string[], base: 'seq' | 't'): string | undefined {
  let longest: string | undefined;
  for (const name of columns) {
    if (name.startsWith(base) && /^_*$/.test(name.slice(base.length)) && name.length > (longest?.length ?? -1)) longest = name;
  }
  return longest;
}
