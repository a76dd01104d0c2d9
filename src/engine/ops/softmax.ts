// softmax and logSoftmax over the last axis, numerically stable (each row's max is subtracted
// before exponentiating). Both save their output for the backward rule.
import type { Tensor } from '../tensor.js';

/** Rows and row length of x seen as [rows, n] over its last axis. */
function rowsOf(x: Tensor): [number, number] {
  const n = x.shape[x.shape.length - 1];
  return [x.size / n, n];
}

/** y = softmax(x) over the last axis: [..., n] → [..., n]. Backward: dx += y ⊙ (dy − Σ dy ⊙ y). */
export function softmax(x: Tensor): Tensor {
  const e = x.engine;
  const [rows, n] = rowsOf(x);
  const y = e.tensor(x.shape);
  e.kernels.softmax(rows, n, x.offset, y.offset);
  if (e.tape.wants([x])) {
    e.tape.record('softmax', [x], [y], ([dy]) => e.kernels.softmaxBackward(rows, n, y.offset, dy!.offset, e.gradOf(x).offset));
  }
  return y;
}

/** y = x − ln Σ eˣ over the last axis: [..., n] → [..., n]. Backward: dx += dy − e^y · Σ dy. */
export function logSoftmax(x: Tensor): Tensor {
  const e = x.engine;
  const [rows, n] = rowsOf(x);
  const y = e.tensor(x.shape);
  e.kernels.logSoftmax(rows, n, x.offset, y.offset);
  if (e.tape.wants([x])) {
    e.tape.record('logSoftmax', [x], [y], ([dy]) => e.kernels.logSoftmaxBackward(rows, n, y.offset, dy!.offset, e.gradOf(x).offset));
  }
  return y;
}
