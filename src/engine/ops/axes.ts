// Axis helpers: a tensor seen as [outer, len, inner] around one axis, which is how the copy and
// reduction kernels address it. Negative axes count from the end (−1 = last).
import { fmt, shapeSize } from '../tensor.js';

/** The axis as a non-negative index, or an error naming the op. */
export function resolveAxis(op: string, shape: readonly number[], axis: number): number {
  const a = axis < 0 ? axis + shape.length : axis;
  if (!Number.isInteger(a) || a < 0 || a >= shape.length) throw new Error(`${op}: axis ${axis} out of range for ${fmt(shape)}`);
  return a;
}

/** [outer, len, inner]: the products of the dims before the axis, the axis, and after it. */
export function around(shape: readonly number[], axis: number): [number, number, number] {
  return [shapeSize(shape.slice(0, axis)), shape[axis], shapeSize(shape.slice(axis + 1))];
}

/** The shape without `axis` (a reduction's result); [1] when nothing is left. */
export function withoutAxis(shape: readonly number[], axis: number): number[] {
  const rest = shape.filter((_, d) => d !== axis);
  return rest.length > 0 ? rest : [1];
}
