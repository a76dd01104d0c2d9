// One gradient case list per op name: the check fails for an op in OP_NAMES without cases.
// A loss is usually Σ(op(x) ⊙ w) for a fixed random w, so every output element matters.
import type { OpName } from '../../src/engine/op-names.js';
import type { BasicOpName } from '../../src/engine/ops/basic-op-names.js';
import { RECURRENT_GRADIENT_CASES } from './recurrent-gradient-cases.js';
import * as op from '../../src/engine/ops/index.js';
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

/** Cases for an elementwise map f: a 3-D input and a length-1 edge. */
function mapCases(f: (x: Tensor) => Tensor, range?: [number, number]): GradientCase[] {
  return [
    { shapes: [[2, 3, 5]], loss: ([x], e) => weightedSum(f(x), e), range },
    { shapes: [[1]], loss: ([x], e) => weightedSum(f(x), e), range },
  ];
}

/** Cases for a binary op: same shapes, a row-vector b, a size-1 b, and both inputs the same. */
function binaryCases(f: (a: Tensor, b: Tensor) => Tensor): GradientCase[] {
  return [
    { shapes: [[2, 3, 5], [2, 3, 5]], loss: ([a, b], e) => weightedSum(f(a, b), e) },
    { shapes: [[2, 3, 5], [5]], loss: ([a, b], e) => weightedSum(f(a, b), e) },
    { shapes: [[4, 3], [3]], loss: ([a, b], e) => weightedSum(f(a, b), e) },
    { shapes: [[3, 2], [1]], loss: ([a, b], e) => weightedSum(f(a, b), e) },
    { shapes: [[3, 4]], loss: ([a], e) => weightedSum(f(a, a), e) },
  ];
}

const ids = Int32Array.from([0, 4, 2, 2, 1, 0]);

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
  add: binaryCases(op.add),
  sub: binaryCases(op.sub),
  mul: binaryCases(op.mul),
  scale: mapCases((x) => op.scale(x, -1.5)),
  addScalar: mapCases((x) => op.addScalar(x, 0.7)),
  sigmoid: mapCases(op.sigmoid, [-4, 4]),
  tanh: mapCases(op.tanh, [-3, 3]),
  relu: mapCases(op.relu),
  sqrt: mapCases(op.sqrt, [0.2, 3]),
  abs: mapCases(op.abs),
  square: mapCases(op.square),
  exp: mapCases(op.exp, [-2, 2]),
  log: mapCases(op.log, [0.2, 3]),
  clamp: mapCases((x) => op.clamp(x, -0.5, 0.25)),
  softmax: [
    { shapes: [[3, 5]], loss: ([x], e) => weightedSum(op.softmax(x), e), range: [-3, 3] },
    { shapes: [[2, 2, 1]], loss: ([x], e) => weightedSum(op.softmax(x), e) },
  ],
  logSoftmax: [
    { shapes: [[3, 5]], loss: ([x], e) => weightedSum(op.logSoftmax(x), e), range: [-3, 3] },
    { shapes: [[2, 1, 7]], loss: ([x], e) => weightedSum(op.logSoftmax(x), e) },
  ],
  concat: [0, 1, 2, -1].map((axis) => ({
    shapes: [[2, 3, 4], [2, 3, 4], [2, 3, 4]].map((s, i) => s.map((d, k) => (k === (axis + 3) % 3 ? d + i : d))),
    loss: ([a, b, c], e) => weightedSum(op.concat([a, b, c], axis), e),
  })),
  slice: [
    { shapes: [[2, 5, 3]], loss: ([x], e) => weightedSum(op.slice(x, 1, 1, 4), e) },
    { shapes: [[4, 3]], loss: ([x], e) => weightedSum(op.slice(x, 0, 3, 4), e) },
    { shapes: [[2, 3, 5]], loss: ([x], e) => weightedSum(op.slice(x, -1, 0, 2), e) },
  ],
  expandTime: [
    { shapes: [[2, 3]], loss: ([x], e) => weightedSum(op.expandTime(x, 4), e) },
    { shapes: [[1, 1]], loss: ([x], e) => weightedSum(op.expandTime(x, 1), e) },
  ],
  sum: [undefined, 0, 1, 2].map((axis) => ({ shapes: [[3, 4, 5]], loss: ([x], e) => weightedSum(op.sum(x, axis), e) })),
  mean: [undefined, 0, 1, -1].map((axis) => ({ shapes: [[3, 4, 5]], loss: ([x], e) => weightedSum(op.mean(x, axis), e) })),
  variance: [0, 1, 2].map((axis) => ({ shapes: [[5, 3, 4]], loss: ([x], e) => weightedSum(op.variance(x, axis), e) })),
  embedding: [{ shapes: [[5, 3]], loss: ([table], e) => weightedSum(op.embedding(table, ids, [2, 3]), e) }],
  bceWithLogits: [
    { shapes: [[3, 4]], loss: ([x]) => op.bceWithLogits(x, 0.9), range: [-4, 4] },
    { shapes: [[3, 4], [3, 4]], loss: ([x, t]) => op.bceWithLogits(x, t), range: [-3, 3] },
    { shapes: [[5], [5]], loss: ([x, t]) => op.bceWithLogits(x, t), constantInputs: [1] },
  ],
  mseLoss: [{ shapes: [[3, 4], [3, 4]], loss: ([a, b]) => op.mseLoss(a, b) }],
  maeLoss: [{ shapes: [[3, 4], [12]], loss: ([a, b]) => op.maeLoss(a, b) }],
  crossEntropy: [
    { shapes: [[2, 3, 5]], loss: ([x]) => op.crossEntropy(x, ids), range: [-3, 3] },
    { shapes: [[1, 1]], loss: ([x]) => op.crossEntropy(x, Int32Array.from([0])) },
  ],
};

export const GRADIENT_CASES: Record<OpName, GradientCase[]> = { ...BASIC_GRADIENT_CASES, ...RECURRENT_GRADIENT_CASES };
