// Min-max scaling of one numeric column to [0, 1], kept as plain {min, max} so model.json can
// carry it and generated values can be mapped back to the data's units.

/** A column's range over the training rows. */
export interface MinMax {
  min: number;
  max: number;
}

/** The min and max of `values` over `rows` (which hold no NaN by now). */
export function fitMinMax(values: Float64Array, rows: Int32Array): MinMax {
  let min = Infinity;
  let max = -Infinity;
  for (const r of rows) {
    if (values[r] < min) min = values[r];
    if (values[r] > max) max = values[r];
  }
  return { min, max };
}

/** x → [0, 1]; a constant column (max = min) maps to 0. */
export function scaleValue(x: number, { min, max }: MinMax): number {
  return max > min ? (x - min) / (max - min) : 0;
}

/** [0, 1] → data units; values outside [0, 1] extrapolate (they are not clamped). */
export function unscaleValue(y: number, { min, max }: MinMax): number {
  return min + y * (max - min);
}
