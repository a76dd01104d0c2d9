// Kernel comparison cases for the recurrent kernels (see kernel-cases.ts): batch sizes that do and
// do not fill the 4-row blocks, input and hidden sizes below, at and off multiples of 4 and 8,
// length-1 sequences, both directions, outputs written into a wider (bidirectional) output tensor,
// and backward with every gradient, with frozen weights (input gradient only) and without dx.
import type { RecurrentKernels } from '../../src/engine/kernels.js';
import { backwardWork, forwardWork } from '../../src/engine/ops/recurrent-cells.js';
import type { KernelCase } from './kernel-cases.js';

type Cell = 'rnn' | 'gru' | 'lstm';

/** [batch, steps, inputs, hidden] */
const SIZES = [
  [1, 1, 1, 1],
  [3, 5, 6, 6],
  [4, 2, 3, 8],
  [5, 4, 7, 13],
  [8, 3, 24, 24],
];

const GATES: Record<Cell, number> = { rnn: 1, gru: 3, lstm: 4 };
const SAVED: Record<Cell, number> = { rnn: 1, gru: 4, lstm: 5 };

interface Shape {
  batch: number;
  steps: number;
  inputs: number;
  hidden: number;
  reverse: number;
  /** Width of the output tensor: hidden, or 2·hidden with this direction in the second half. */
  outWidth: number;
  column: number;
  /** Which gradients backward accumulates: all (31), frozen weights (16), or no dx (15). */
  needs: number;
}

function shapes(): Shape[] {
  return SIZES.flatMap(([batch, steps, inputs, hidden], i) =>
    [0, 1].map((reverse) => {
      const wide = (batch + steps) % 2 === 1;
      const needs = [31, 16, 15][(2 * i + reverse) % 3];
      return { batch, steps, inputs, hidden, reverse, outWidth: wide ? 2 * hidden : hidden, column: wide && reverse ? hidden : 0, needs };
    }),
  );
}

type Args = (o: Record<string, number>) => number[];

function forwardCases(cell: Cell): KernelCase[] {
  return shapes().map(({ batch: B, steps: T, inputs: I, hidden: H, reverse, outWidth, column }) => {
    const g = GATES[cell] * H;
    const lstm = cell === 'lstm';
    const buffers: Record<string, number> = {
      x: B * T * I, wih: g * I, whh: g * H, bih: g, bhh: g, h0: B * H, out: B * T * outWidth, hn: B * H,
      hprev: B * T * H, saved: B * T * SAVED[cell] * H, work: forwardWork(cell, B, T, I, H),
      ...(lstm ? { c0: B * H, cn: B * H, cprev: B * T * H } : {}),
    };
    const head: Args = (o) => [B, T, I, H, reverse, o.x, o.wih, o.whh, o.bih, o.bhh];
    const args: Args = lstm
      ? (o) => [...head(o), o.h0, o.c0, o.out + column, outWidth, o.hn, o.cn, o.hprev, o.cprev, o.saved, o.work]
      : (o) => [...head(o), o.h0, o.out + column, outWidth, o.hn, o.hprev, o.saved, o.work];
    const outputs = ['out', 'hn', 'hprev', 'saved', ...(lstm ? ['cn', 'cprev'] : [])];
    return { buffers, args, outputs };
  });
}

function backwardCases(cell: Cell): KernelCase[] {
  return shapes().map(({ batch: B, steps: T, inputs: I, hidden: H, reverse, outWidth, column, needs }) => {
    const g = GATES[cell] * H;
    const buffers: Record<string, number> = {
      x: B * T * I, wih: g * I, whh: g * H, saved: B * T * SAVED[cell] * H, hprev: B * T * H, cprev: B * T * H,
      dout: B * T * outWidth, dhn: B * H, dcn: B * H, dx: B * T * I, dwih: g * I, dwhh: g * H, dbih: g, dbhh: g,
      dh0: B * H, dc0: B * H, work: backwardWork(cell, B, T, I, H),
    };
    const head: Args = (o) => [B, T, I, H, reverse, o.x, o.wih, o.whh, o.saved, o.hprev];
    const grads: Args = (o) => [needs, o.dx, o.dwih, o.dwhh, o.dbih, o.dbhh];
    const args: Args = cell === 'lstm'
      ? (o) => [...head(o), o.cprev, o.dout + column, outWidth, o.dhn, o.dcn, ...grads(o), o.dh0, o.dc0, o.work]
      : (o) => [...head(o), o.dout + column, outWidth, o.dhn, ...grads(o), o.dh0, o.work];
    const outputs = ['dx', 'dwih', 'dwhh', 'dbih', 'dbhh', 'dh0', ...(cell === 'lstm' ? ['dc0'] : [])];
    return { buffers, args, outputs };
  });
}
export const RECURRENT_KERNEL_CASES: { [K in keyof RecurrentKernels]: () => KernelCase[] } = {
  rnnForward: () => forwardCases('rnn'),
  rnnBackward: () => backwardCases('rnn'),
  gruForward: () => forwardCases('gru'),
  gruBackward: () => backwardCases('gru'),
  lstmForward: () => forwardCases('lstm'),
  lstmBackward: () => backwardCases('lstm'),
};
