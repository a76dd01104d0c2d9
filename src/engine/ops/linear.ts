// Linear maps: matmul (2-D) and linear (x·Wᵀ + b over the last axis of [..., in]).
// Weights use PyTorch's layout W [out, in], so x·Wᵀ is one gemm with transB.
import { type Tensor, fmt } from '../tensor.js';

/** y[M,N] = a[M,K] · b[K,N]. Backward: da += dy·bᵀ, db += aᵀ·dy. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const [m, k] = a.shape;
  const [k2, n] = b.shape;
  if (a.shape.length !== 2 || b.shape.length !== 2 || k !== k2) throw new Error(`matmul ${fmt(a.shape)} · ${fmt(b.shape)}`);
  const e = a.engine;
  const y = e.tensor([m, n]);
  e.kernels.gemm(0, 0, m, n, k, a.offset, b.offset, y.offset, 0);
  if (e.tape.wants([a, b])) {
    e.tape.record('matmul', [a, b], [y], ([dy]) => {
      if (a.requiresGrad) e.kernels.gemm(0, 1, m, k, n, dy!.offset, b.offset, e.gradOf(a).offset, 1);
      if (b.requiresGrad) e.kernels.gemm(1, 0, k, n, m, a.offset, dy!.offset, e.gradOf(b).offset, 1);
    });
  }
  return y;
}

/**
 * y = x·Wᵀ + b over the last axis: x [..., in], weight [out, in], bias [out] (optional) → [..., out].
 * Backward: dx += dy·W, dW += dyᵀ·x, db += Σ dy.
 */
export function linear(x: Tensor, weight: Tensor, bias?: Tensor): Tensor {
  const inputs = x.shape[x.shape.length - 1];
  const [outputs, inputs2] = weight.shape;
  if (inputs !== inputs2) throw new Error(`linear: input ${fmt(x.shape)} with weight ${fmt(weight.shape)}`);
  const rows = x.size / inputs;
  const e = x.engine;
  const y = e.tensor([...x.shape.slice(0, -1), outputs]);
  e.kernels.gemm(0, 1, rows, outputs, inputs, x.offset, weight.offset, y.offset, 0);
  if (bias !== undefined) e.kernels.addRowVector(rows, outputs, y.offset, bias.offset, y.offset);
  const parents = bias === undefined ? [x, weight] : [x, weight, bias];
  if (e.tape.wants(parents)) {
    e.tape.record('linear', parents, [y], ([dy]) => {
      if (x.requiresGrad) e.kernels.gemm(0, 0, rows, inputs, outputs, dy!.offset, weight.offset, e.gradOf(x).offset, 1);
      if (weight.requiresGrad) e.kernels.gemm(1, 0, outputs, inputs, rows, dy!.offset, x.offset, e.gradOf(weight).offset, 1);
      if (bias?.requiresGrad) e.kernels.sumRows(rows, outputs, dy!.offset, e.gradOf(bias).offset, 1);
    });
  }
  return y;
}
