// Inputs for comparing each WASM kernel with its float64 reference twin. Every kernel named in
// the Kernels interface must have cases here (the test fails otherwise). Sizes include ones not
// divisible by 4 or 8, and length-1 edges.
import { SCRATCH_ELEMENTS } from '../../src/engine/engine.js';
import type { BasicKernels, Kernels } from '../../src/engine/kernels.js';
import { RECURRENT_KERNEL_CASES } from './recurrent-kernel-cases.js';

export interface KernelCase {
  /** Buffers to allocate and fill with random values: name → element count. */
  buffers: Record<string, number>;
  /** The kernel's arguments, given the buffers' offsets. */
  args: (offset: Record<string, number>) => number[];
  /** Buffers the kernel writes, compared after the call. */
  outputs: string[];
  /** Value range for the random inputs (default [-1, 1]). */
  range?: [number, number];
  name?: string;
}

const gemmSizes = [
  [1, 1, 1],
  [3, 5, 7],
  [4, 8, 6],
  [13, 17, 9],
  [128, 72, 24],
  [24, 72, 130],
];

function gemmCases(): KernelCase[] {
  const cases: KernelCase[] = [...gemmBeyondScratch()];
  for (const [m, n, k] of gemmSizes) {
    for (const transA of [0, 1]) {
      for (const transB of [0, 1]) {
        for (const accumulate of [0, 1]) {
          cases.push({
            buffers: { a: m * k, b: k * n, c: m * n },
            args: (o) => [transA, transB, m, n, k, o.a, o.b, o.c, accumulate],
            outputs: ['c'],
          });
        }
      }
    }
  }
  return cases;
}

/** op(A)·Bᵀ with a B [N, K] too large to transpose into the scratch: the dot-product fallback. */
function gemmBeyondScratch(): KernelCase[] {
  const [m, k] = [3, 1024];
  const n = SCRATCH_ELEMENTS / k + 1;
  return [0, 1].flatMap((transA) =>
    [0, 1].map((accumulate) => ({
      buffers: { a: m * k, b: k * n, c: m * n },
      args: (o: Record<string, number>) => [transA, 1, m, n, k, o.a, o.b, o.c, accumulate],
      outputs: ['c'],
    })),
  );
}

/** Flat sizes: a length-1 edge, sizes off and on multiples of 4 and 16, one large. */
const SIZES = [1, 3, 8, 37, 130];

/** Cases for an n-element kernel: `buffers(n)` sizes, `args(n, offsets)`. */
function flat(
  buffers: (n: number) => Record<string, number>,
  args: (n: number, o: Record<string, number>) => number[],
  outputs: string[],
  range?: [number, number],
): () => KernelCase[] {
  return () => SIZES.map((n) => ({ buffers: buffers(n), args: (o: Record<string, number>) => args(n, o), outputs, range }));
}

/** out = f(x) over n elements. */
const unary = (range?: [number, number]) =>
  flat((n) => ({ x: n, out: n }), (n, o) => [n, o.x, o.out], ['out'], range);
/** out = f(a, b), or out += f(a, b), over n elements. */
const binary = (range?: [number, number]) =>
  flat((n) => ({ a: n, b: n, out: n }), (n, o) => [n, o.a, o.b, o.out], ['out'], range);
/** dx += rule(saved, dy) over n elements. */
const backward = (range?: [number, number]) =>
  flat((n) => ({ s: n, dy: n, dx: n }), (n, o) => [n, o.s, o.dy, o.dx], ['dx'], range);
/** Mean losses a, b → out[0]; their backward a, b, dy[0] → dx. */
const loss = flat((n) => ({ a: n, b: n, out: 1 }), (n, o) => [n, o.a, o.b, o.out], ['out']);
const lossBackward = flat((n) => ({ a: n, b: n, dy: 1, dx: n }), (n, o) => [n, o.a, o.b, o.dy, o.dx], ['dx']);

/** [rows, n] shapes for row kernels. */
const ROWS = [[1, 1], [3, 7], [5, 8], [2, 37], [130, 24]];

function rows(
  buffers: (r: number, n: number) => Record<string, number>,
  args: (r: number, n: number, o: Record<string, number>) => number[],
  outputs: string[],
): () => KernelCase[] {
  return () => ROWS.map(([r, n]) => ({ buffers: buffers(r, n), args: (o: Record<string, number>) => args(r, n, o), outputs }));
}

const rowVector = rows((r, n) => ({ x: r * n, v: n, out: r * n }), (r, n, o) => [r, n, o.x, o.v, o.out], ['out']);
const rowMap = rows((r, n) => ({ x: r * n, out: r * n }), (r, n, o) => [r, n, o.x, o.out], ['out']);
const rowBackward = rows((r, n) => ({ y: r * n, dy: r * n, dx: r * n }), (r, n, o) => [r, n, o.y, o.dy, o.dx], ['dx']);

/** [outer, len, inner] shapes: the last axis (inner 1), the first (outer 1), a middle one. */
const AXES = [[1, 1, 1], [1, 37, 1], [3, 5, 1], [1, 9, 6], [4, 7, 24], [2, 3, 37], [5, 130, 1]];

function axisCases(kernel: 'sumAxis' | 'broadcastAxis'): KernelCase[] {
  return AXES.flatMap(([outer, len, inner]) =>
    [0, 1].map((accumulate) => {
      const [xSize, outSize] = kernel === 'sumAxis' ? [outer * len * inner, outer * inner] : [outer * inner, outer * len * inner];
      return {
        buffers: { x: xSize, out: outSize },
        args: (o: Record<string, number>) => [outer, len, inner, 0.5, o.x, o.out, accumulate],
        outputs: ['out'],
      };
    }),
  );
}

const BASIC_KERNEL_CASES: { [K in keyof BasicKernels]: () => KernelCase[] } = {
  gemm: gemmCases,
  addRowVector: rowVector,
  subRowVector: rowVector,
  mulRowVector: rowVector,
  sumRows: () =>
    [[1, 1], [3, 7], [5, 8], [130, 25]].flatMap(([rows, n]) =>
      [0, 1].map((accumulate) => ({
        buffers: { x: rows * n, out: n },
        args: (o: Record<string, number>) => [rows, n, o.x, o.out, accumulate],
        outputs: ['out'],
      })),
    ),
  axpy: flat((n) => ({ x: n, y: n }), (n, o) => [n, 0.75, o.x, o.y], ['y']),
  add: binary(),
  sub: binary(),
  mul: binary(),
  addProduct: binary(),
  scale: flat((n) => ({ x: n, out: n }), (n, o) => [n, -1.5, o.x, o.out], ['out']),
  addScalar: flat((n) => ({ x: n, out: n }), (n, o) => [n, 0.25, o.x, o.out], ['out']),
  sigmoid: unary([-12, 12]),
  sigmoidBackward: backward([0, 1]),
  tanh: unary([-6, 6]),
  tanhBackward: backward(),
  relu: unary(),
  reluBackward: backward(),
  sqrt: unary([0.01, 4]),
  sqrtBackward: backward([0.5, 2]),
  abs: unary(),
  absBackward: backward(),
  square: unary(),
  squareBackward: backward(),
  exp: unary([-10, 10]),
  log: unary([0.001, 100]),
  logBackward: backward([0.5, 2]),
  clamp: flat((n) => ({ x: n, out: n }), (n, o) => [n, -0.5, 0.25, o.x, o.out], ['out']),
  clampBackward: flat((n) => ({ x: n, dy: n, dx: n }), (n, o) => [n, -0.5, 0.25, o.x, o.dy, o.dx], ['dx']),
  softmax: rowMap,
  softmaxBackward: rowBackward,
  logSoftmax: rowMap,
  logSoftmaxBackward: rowBackward,
  sumAxis: () => axisCases('sumAxis'),
  broadcastAxis: () => axisCases('broadcastAxis'),
  variance: () =>
    AXES.map(([outer, len, inner]) => ({
      buffers: { x: outer * len * inner, mean: outer * inner, out: outer * inner },
      args: (o) => [outer, len, inner, o.x, o.mean, o.out],
      outputs: ['mean', 'out'],
    })),
  varianceBackward: () =>
    AXES.map(([outer, len, inner]) => ({
      buffers: { x: outer * len * inner, mean: outer * inner, dy: outer * inner, dx: outer * len * inner },
      args: (o) => [outer, len, inner, o.x, o.mean, o.dy, o.dx],
      outputs: ['dx'],
    })),
  sumSquares: () =>
    SIZES.flatMap((n) =>
      [0, 1].map((accumulate) => ({ buffers: { x: n, out: 1 }, args: (o: Record<string, number>) => [n, o.x, o.out, accumulate], outputs: ['out'] })),
    ),
  copyRows: () =>
    [[1, 1, 1, 1], [3, 5, 7, 9], [4, 8, 8, 16], [6, 37, 40, 37]].flatMap(([rows, n, srcStride, dstStride]) =>
      [0, 1].map((accumulate) => ({
        buffers: { src: rows * srcStride, dst: rows * dstStride },
        args: (o: Record<string, number>) => [rows, n, o.src, srcStride, o.dst, dstStride, accumulate],
        outputs: ['dst'],
      })),
    ),
  // ids: random values in [0, 5) truncate to valid rows of a 5-row table
  embedding: () =>
    [[1, 1], [4, 3], [9, 8], [7, 37]].map(([count, e]) => ({
      buffers: { table: 5 * e, ids: count, out: count * e },
      args: (o) => [count, e, o.table, o.ids, o.out],
      outputs: ['out'],
      range: [0, 4.99] as [number, number],
    })),
  embeddingBackward: () =>
    [[1, 1], [4, 3], [9, 8], [7, 37]].map(([count, e]) => ({
      buffers: { ids: count, dy: count * e, dtable: 5 * e },
      args: (o) => [count, e, o.ids, o.dy, o.dtable],
      outputs: ['dtable'],
      range: [0, 4.99] as [number, number],
    })),
  bceWithLogits: () =>
    SIZES.flatMap((n) =>
      [0, 1].map((tStride) => ({
        buffers: { x: n, t: n, out: 1 },
        args: (o: Record<string, number>) => [n, o.x, o.t, tStride, o.out],
        outputs: ['out'],
        range: [0, 1] as [number, number],
      })),
    ),
  bceWithLogitsBackward: () =>
    SIZES.flatMap((n) =>
      [0, 1].map((tStride) => ({
        buffers: { x: n, t: n, dy: 1, dx: n },
        args: (o: Record<string, number>) => [n, o.x, o.t, tStride, o.dy, o.dx],
        outputs: ['dx'],
      })),
    ),
  mseLoss: loss,
  mseLossBackward: lossBackward,
  maeLoss: loss,
  maeLossBackward: lossBackward,
  crossEntropy: () =>
    [[1, 1], [3, 7], [5, 8], [4, 37]].map(([r, v]) => ({
      buffers: { x: r * v, targets: r, lse: r, probs: v, out: 1 },
      args: (o) => [r, v, o.x, o.targets, o.lse, o.probs, o.out],
      outputs: ['lse', 'out'],
      range: [0, 0.999] as [number, number], // targets truncate to 0 (logits in [0, 1) too)
    })),
  crossEntropyBackward: () =>
    [[1, 1], [3, 7], [5, 8], [4, 37]].map(([r, v]) => ({
      buffers: { x: r * v, targets: r, lse: r, dy: 1, dx: r * v },
      args: (o) => [r, v, o.x, o.targets, o.lse, o.dy, o.dx],
      outputs: ['dx'],
      range: [0, 0.999] as [number, number],
    })),
  adamUpdate: () =>
    SIZES.map((n) => ({
      buffers: { p: n, g: n, m: n, v: n },
      args: (o) => [n, o.p, o.g, o.m, o.v, 0.01, 0.1, 0.999, 0.001, 0.3, 1e-8],
      outputs: ['p', 'g', 'm', 'v'],
      range: [0.01, 1] as [number, number], // v ≥ 0
    })),
  sgdUpdate: () =>
    SIZES.flatMap((n) =>
      [0, 0.9].map((momentum) => ({
        buffers: { p: n, g: n, b: n },
        args: (o: Record<string, number>) => [n, o.p, o.g, o.b, 0.1, momentum],
        outputs: ['p', 'g', 'b'],
      })),
    ),
};

export const KERNEL_CASES: { [K in keyof Kernels]: () => KernelCase[] } = { ...BASIC_KERNEL_CASES, ...RECURRENT_KERNEL_CASES };
