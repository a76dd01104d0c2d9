// Elementwise arithmetic: add, sub, mul of two tensors, scale and addScalar by a number.
// add/sub/mul take b of a's shape, or of a's trailing dims (a bias-like row vector [n] against
// [..., n]), or of size 1; the gradient of a broadcast b is summed over the rows it met.
import type { Engine } from '../engine.js';
import { type Tensor, fmt, sameShape } from '../tensor.js';

/** How b meets a: elementwise (rows 0), or as a row of n values repeated over `rows` rows. */
interface Broadcast {
  rows: number;
  n: number;
}

function broadcastOf(op: string, a: Tensor, b: Tensor): Broadcast {
  if (sameShape(a.shape, b.shape)) return { rows: 0, n: a.size };
  if (b.size === 1) return { rows: a.size, n: 1 };
  const trailing = a.shape.slice(a.shape.length - b.shape.length);
  if (b.shape.length < a.shape.length && sameShape(trailing, b.shape)) return { rows: a.size / b.size, n: b.size };
  throw new Error(`${op}: shapes ${fmt(a.shape)} and ${fmt(b.shape)} do not match or broadcast`);
}

/** A step-arena scratch tensor of n elements. */
function scratch(e: Engine, n: number): Tensor {
  return e.tensor([n]);
}

/** y = a + b. Backward: da += dy; db += dy (summed over broadcast rows). */
export function add(a: Tensor, b: Tensor): Tensor {
  const e = a.engine;
  const { rows, n } = broadcastOf('add', a, b);
  const y = e.tensor(a.shape);
  if (rows === 0) e.kernels.add(n, a.offset, b.offset, y.offset);
  else e.kernels.addRowVector(rows, n, a.offset, b.offset, y.offset);
  if (e.tape.wants([a, b])) {
    e.tape.record('add', [a, b], [y], ([dy]) => {
      if (a.requiresGrad) e.kernels.axpy(a.size, 1, dy!.offset, e.gradOf(a).offset);
      if (!b.requiresGrad) return;
      if (rows === 0) e.kernels.axpy(n, 1, dy!.offset, e.gradOf(b).offset);
      else e.kernels.sumRows(rows, n, dy!.offset, e.gradOf(b).offset, 1);
    });
  }
  return y;
}

/** y = a − b. Backward: da += dy; db −= dy (summed over broadcast rows). */
export function sub(a: Tensor, b: Tensor): Tensor {
  const e = a.engine;
  const { rows, n } = broadcastOf('sub', a, b);
  const y = e.tensor(a.shape);
  if (rows === 0) e.kernels.sub(n, a.offset, b.offset, y.offset);
  else e.kernels.subRowVector(rows, n, a.offset, b.offset, y.offset);
  if (e.tape.wants([a, b])) {
    e.tape.record('sub', [a, b], [y], ([dy]) => {
      if (a.requiresGrad) e.kernels.axpy(a.size, 1, dy!.offset, e.gradOf(a).offset);
      if (!b.requiresGrad) return;
      if (rows === 0) {
        e.kernels.axpy(n, -1, dy!.offset, e.gradOf(b).offset);
      } else {
        const colSums = scratch(e, n);
        e.kernels.sumRows(rows, n, dy!.offset, colSums.offset, 0);
        e.kernels.axpy(n, -1, colSums.offset, e.gradOf(b).offset);
      }
    });
  }
  return y;
}

/** y = a ⊙ b. Backward: da += dy ⊙ b; db += dy ⊙ a (summed over broadcast rows). */
export function mul(a: Tensor, b: Tensor): Tensor {
  const e = a.engine;
  const { rows, n } = broadcastOf('mul', a, b);
  const y = e.tensor(a.shape);
  if (rows === 0) e.kernels.mul(n, a.offset, b.offset, y.offset);
  else e.kernels.mulRowVector(rows, n, a.offset, b.offset, y.offset);
  if (e.tape.wants([a, b])) {
    e.tape.record('mul', [a, b], [y], ([dy]) => {
      if (rows === 0) {
        if (a.requiresGrad) e.kernels.addProduct(n, dy!.offset, b.offset, e.gradOf(a).offset);
        if (b.requiresGrad) e.kernels.addProduct(n, dy!.offset, a.offset, e.gradOf(b).offset);
        return;
      }
      const t = scratch(e, a.size); // [rows, n]
      if (a.requiresGrad) {
        e.kernels.mulRowVector(rows, n, dy!.offset, b.offset, t.offset);
        e.kernels.axpy(a.size, 1, t.offset, e.gradOf(a).offset);
      }
      if (b.requiresGrad) {
        e.kernels.mul(a.size, dy!.offset, a.offset, t.offset);
        e.kernels.sumRows(rows, n, t.offset, e.gradOf(b).offset, 1);
      }
    });
  }
  return y;
}

/** y = s · x for a number s. Backward: dx += s · dy. */
export function scale(x: Tensor, s: number): Tensor {
  const e = x.engine;
  const y = e.tensor(x.shape);
  e.kernels.scale(x.size, s, x.offset, y.offset);
  if (e.tape.wants([x])) {
    e.tape.record('scale', [x], [y], ([dy]) => e.kernels.axpy(x.size, s, dy!.offset, e.gradOf(x).offset));
  }
  return y;
}

/** y = x + s for a number s. Backward: dx += dy. */
export function addScalar(x: Tensor, s: number): Tensor {
  const e = x.engine;
  const y = e.tensor(x.shape);
  e.kernels.addScalar(x.size, s, x.offset, y.offset);
  if (e.tape.wants([x])) {
    e.tape.record('addScalar', [x], [y], ([dy]) => e.kernels.axpy(x.size, 1, dy!.offset, e.gradOf(x).offset));
  }
  return y;
}
