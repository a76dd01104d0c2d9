// embedding: rows of a table looked up by integer ids (token → vector).
import type { Tensor } from '../tensor.js';
import { fmt, shapeSize } from '../tensor.js';

/**
 * table [V, E], ids (Int32Array of shapeSize(shape) values in [0, V)) → [...shape, E].
 * E.g. embedding(table, tokens, [B, T]) → [B, T, E]. Backward scatter-adds dy into the rows used.
 */
export function embedding(table: Tensor, ids: Int32Array, shape: readonly number[]): Tensor {
  const [vocabulary, width] = table.shape;
  if (table.shape.length !== 2) throw new Error(`embedding: table must be [V, E], got ${fmt(table.shape)}`);
  if (ids.length !== shapeSize(shape)) throw new Error(`embedding: ${ids.length} ids for shape ${fmt(shape)}`);
  for (let i = 0; i < ids.length; i++) {
    if (!(ids[i] >= 0 && ids[i] < vocabulary)) throw new Error(`embedding: id ${ids[i]} at ${i} is outside [0, ${vocabulary})`);
  }
  const e = table.engine;
  const idValues = e.tensor([ids.length], ids); // float copies, exact below 2^24
  const y = e.tensor([...shape, width]);
  e.kernels.embedding(ids.length, width, table.offset, idValues.offset, y.offset);
  if (e.tape.wants([table])) {
    e.tape.record('embedding', [table], [y], ([dy]) =>
      e.kernels.embeddingBackward(ids.length, width, idValues.offset, dy!.offset, e.gradOf(table).offset),
    );
  }
  return y;
}
