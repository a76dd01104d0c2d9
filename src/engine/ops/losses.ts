// Losses, each the mean over elements (or rows) → a scalar [1]: binary cross-entropy on logits,
// squared and absolute error, and categorical cross-entropy on logits with integer targets.
import type { Engine } from '../engine.js';
import { type Tensor, fmt } from '../tensor.js';

function checkSizes(op: string, a: Tensor, b: Tensor): void {
  if (a.size !== b.size) throw new Error(`${op}: ${fmt(a.shape)} and ${fmt(b.shape)} differ in size`);
}

/** Integer values in [0, limit) copied into a float tensor (exact below 2^24). */
function indexTensor(e: Engine, op: string, values: Int32Array, limit: number): Tensor {
  for (let i = 0; i < values.length; i++) {
    if (!(values[i] >= 0 && values[i] < limit)) throw new Error(`${op}: target ${values[i]} at ${i} is outside [0, ${limit})`);
  }
  return e.tensor([values.length], values);
}

/**
 * mean over x of max(x, 0) − x·t + ln(1 + e^−|x|): binary cross-entropy of σ(x) against t,
 * stable for any logit. `target` is one number for every element (1 − smoothing, 0) or a
 * tensor of x's size. Backward: dx += dy/n · (σ(x) − t); dt += −dy/n · x.
 */
export function bceWithLogits(logits: Tensor, target: number | Tensor): Tensor {
  const e = logits.engine;
  const n = logits.size;
  const t = typeof target === 'number' ? e.tensor([1], [target]) : target;
  const stride = typeof target === 'number' ? 0 : 1;
  if (stride === 1) checkSizes('bceWithLogits', logits, t);
  const y = e.tensor([1]);
  e.kernels.bceWithLogits(n, logits.offset, t.offset, stride, y.offset);
  if (e.tape.wants([logits, t])) {
    e.tape.record('bceWithLogits', [logits, t], [y], ([dy]) => {
      if (logits.requiresGrad) e.kernels.bceWithLogitsBackward(n, logits.offset, t.offset, stride, dy!.offset, e.gradOf(logits).offset);
      if (stride === 1 && t.requiresGrad) {
        const g = e.tensor([n]);
        e.kernels.broadcastAxis(1, n, 1, -1 / n, dy!.offset, g.offset, 0); // −dy/n everywhere
        e.kernels.addProduct(n, g.offset, logits.offset, e.gradOf(t).offset);
      }
    });
  }
  return y;
}

/** mean (a − b)². Backward: da += dy · 2(a − b)/n; db −= the same. */
export function mseLoss(a: Tensor, b: Tensor): Tensor {
  checkSizes('mseLoss', a, b);
  const e = a.engine;
  const y = e.tensor([1]);
  e.kernels.mseLoss(a.size, a.offset, b.offset, y.offset);
  if (e.tape.wants([a, b])) {
    e.tape.record('mseLoss', [a, b], [y], ([dy]) => {
      if (a.requiresGrad) e.kernels.mseLossBackward(a.size, a.offset, b.offset, dy!.offset, e.gradOf(a).offset);
      if (b.requiresGrad) e.kernels.mseLossBackward(a.size, b.offset, a.offset, dy!.offset, e.gradOf(b).offset);
    });
  }
  return y;
}

/** mean |a − b|. Backward: da += dy · sign(a − b)/n; db −= the same. */
export function maeLoss(a: Tensor, b: Tensor): Tensor {
  checkSizes('maeLoss', a, b);
  const e = a.engine;
  const y = e.tensor([1]);
  e.kernels.maeLoss(a.size, a.offset, b.offset, y.offset);
  if (e.tape.wants([a, b])) {
    e.tape.record('maeLoss', [a, b], [y], ([dy]) => {
      if (a.requiresGrad) e.kernels.maeLossBackward(a.size, a.offset, b.offset, dy!.offset, e.gradOf(a).offset);
      if (b.requiresGrad) e.kernels.maeLossBackward(a.size, b.offset, a.offset, dy!.offset, e.gradOf(b).offset);
    });
  }
  return y;
}

/**
 * mean over rows of −log softmax(logits)[target]: logits [..., V], one target id in [0, V) per
 * row (targets.length = size / V). Backward: dlogits += dy/rows · (softmax − onehot).
 */
export function crossEntropy(logits: Tensor, targets: Int32Array): Tensor {
  const e = logits.engine;
  const v = logits.shape[logits.shape.length - 1];
  const rows = logits.size / v;
  if (targets.length !== rows) throw new Error(`crossEntropy: ${targets.length} targets for logits ${fmt(logits.shape)}`);
  const t = indexTensor(e, 'crossEntropy', targets, v);
  const lse = e.tensor([rows]); // log-sum-exp per row, kept for the backward
  const probs = e.tensor([v]);
  const y = e.tensor([1]);
  e.kernels.crossEntropy(rows, v, logits.offset, t.offset, lse.offset, probs.offset, y.offset);
  if (e.tape.wants([logits])) {
    e.tape.record('crossEntropy', [logits], [y], ([dy]) =>
      e.kernels.crossEntropyBackward(rows, v, logits.offset, t.offset, lse.offset, dy!.offset, e.gradOf(logits).offset),
    );
  }
  return y;
}
