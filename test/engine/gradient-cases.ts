// One gradient case list per op name: the check fails for an op in OP_NAMES without cases.
// A loss is usually Σ(op(x) ⊙ w) for a fixed random w, so every output element matters.
import type { OpName } from '../../src/engine/op-names.js';
import type { BASIC_OP_NAMES } from '../../src/engine/ops/basic-op-names.js';
import { RECURRENT_GRADIENT_CASES } from './recurrent-gradient-cases.js';

type BasicOpName = (typeof BASIC_OP_NAMES)[number];
import { linear, matmul } from '../../src/engine/ops/linear.js';
import { reshape } from '../../src/engine/ops/reshape.js';
import type { GradientCase } from './gradcheck.js';
import type { Tensor } from '../../src/engine/tensor.js';
import type { Engine } from '../../src/engine/engine.js';

/** Σ y ⊙ w for a fixed weight pattern w: a scalar that every element of y reaches. */
export function weightedSum(y: Tensor, engine: Engine): Tensor {
  const w = engine.tensor([y.size, 1], Array.from({ length: y.size }, (_, i) => Math.sin(i + 1)));
  return reshape(matmul(reshape(y, [1, y.size]), w), [1]);
}

const BASIC_GRADIENT_CASES: Record<BasicOpName, GradientCase[]> = {
  matmul: [
    { shapes: [[3, 5], [5, 4]], loss: ([a, b], e) => weightedSum(matmul(a, b), e) },
    { shapes: [[1, 1], [1, 1]], loss: ([a, b], e) => weightedSum(matmul(a, b), e) },
  ],
  reshape: [{ shapes: [[2, 3, 4]], loss: ([x], e) => weightedSum(reshape(x, [6, 4]), e) }],
  linear: [
    { shapes: [[2, 3, 5], [4, 5], [4]], loss: ([x, w, b], e) => weightedSum(linear(x, w, b), e) },
    { shapes: [[7, 3], [6, 3]], loss: ([x, w], e) => weightedSum(linear(x, w), e) },
  ],
};

export const GRADIENT_CASES: Record<OpName, GradientCase[]> = { ...BASIC_GRADIENT_CASES, ...RECURRENT_GRADIENT_CASES };
