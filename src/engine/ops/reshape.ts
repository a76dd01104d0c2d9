// reshape: the same elements under another shape. No copy; the gradient is passed through.
import type { Tensor } from '../tensor.js';

/** x seen with `shape` (same size). Backward: dx += dy. */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const e = x.engine;
  const y = e.view(x, shape);
  if (e.tape.wants([x])) {
    e.tape.record('reshape', [x], [y], ([dy]) => e.kernels.axpy(x.size, 1, dy!.offset, e.gradOf(x).offset));
  }
  return y;
}
