// Inputs for comparing each WASM kernel with its float64 reference twin. Every kernel named in
// the Kernels interface must have cases here (the test fails otherwise). Sizes include ones not
// divisible by 4 or 8, and length-1 edges.
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
  const cases: KernelCase[] = [];
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

const BASIC_KERNEL_CASES: { [K in keyof BasicKernels]: () => KernelCase[] } = {
  axpy: () =>
    [1, 3, 8, 37].map((n) => ({
      buffers: { x: n, y: n },
      args: (o: Record<string, number>) => [n, 0.75, o.x, o.y],
      outputs: ['y'],
    })),
  gemm: gemmCases,
  addRowVector: () =>
    [[1, 1], [3, 7], [5, 8], [130, 24]].map(([rows, n]) => ({
      buffers: { x: rows * n, v: n, out: rows * n },
      args: (o) => [rows, n, o.x, o.v, o.out],
      outputs: ['out'],
    })),
  sumRows: () =>
    [[1, 1], [3, 7], [5, 8], [130, 25]].flatMap(([rows, n]) =>
      [0, 1].map((accumulate) => ({
        buffers: { x: rows * n, out: n },
        args: (o: Record<string, number>) => [rows, n, o.x, o.out, accumulate],
        outputs: ['out'],
      })),
    ),
};

export const KERNEL_CASES: { [K in keyof Kernels]: () => KernelCase[] } = { ...BASIC_KERNEL_CASES, ...RECURRENT_KERNEL_CASES };
