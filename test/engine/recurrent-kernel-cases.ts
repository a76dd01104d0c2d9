// Kernel comparison cases for the recurrent kernels (see kernel-cases.ts): batch sizes that do and
// do not fill the 4-row blocks, hidden sizes below, at and off multiples of 4 and 8, length-1
// sequences, both directions, and outputs written into a wider (bidirectional) output tensor.
import type { RecurrentKernels } from '../../src/engine/kernels.js';
import type { KernelCase } from './kernel-cases.js';

type Cell = 'rnn' | 'gru' | 'lstm';

/** [batch, steps, hidden] */
const SIZES = [
  [1, 1, 1],
  [3, 5, 6],
  [4, 2, 8],
  [5, 4, 13],
  [8, 3, 24],
];

const GATES: Record<Cell, number> = { rnn: 1, gru: 3, lstm: 4 };
const SAVED: Record<Cell, number> = { rnn: 1, gru: 4, lstm: 5 };

interface Shape {
  batch: number;
  steps: number;
  hidden: number;
  reverse: number;
  /** Width of the output tensor: hidden, or 2·hidden with this direction in the second half. */
  outWidth: number;
  column: number;
}

function shapes(): Shape[] {
  return SIZES.flatMap(([batch, steps, hidden]) =>
    [0, 1].map((reverse) => {
      const wide = (batch + steps) % 2 === 1;
      return { batch, steps, hidden, reverse, outWidth: wide ? 2 * hidden : hidden, column: wide && reverse ? hidden : 0 };
    }),
  );
}

function forwardCases(cell: Cell): KernelCase[] {
  return shapes().map(({ batch: B, steps: T, hidden: H, reverse, outWidth, column }) => {
    const g = GATES[cell] * H;
    const lstm = cell === 'lstm';
    const buffers: Record<string, number> = {
      xw: B * T * g, whh: g * H, bih: g, bhh: g, h0: B * H, out: B * T * outWidth, hn: B * H,
      hprev: B * T * H, saved: B * T * SAVED[cell] * H, work: H * g + B * g,
      ...(lstm ? { c0: B * H, cn: B * H, cprev: B * T * H } : {}),
    };
    const head = (o: Record<string, number>): number[] => [B, T, H, reverse, o.xw, o.whh, o.bih, o.bhh];
    const args = lstm
      ? (o: Record<string, number>) => [...head(o), o.h0, o.c0, o.out + column, outWidth, o.hn, o.cn, o.hprev, o.cprev, o.saved, o.work]
      : (o: Record<string, number>) => [...head(o), o.h0, o.out + column, outWidth, o.hn, o.hprev, o.saved, o.work];
    const outputs = ['out', 'hn', 'hprev', 'saved', ...(lstm ? ['cn', 'cprev'] : [])];
    return { buffers, args, outputs };
  });
}

function backwardCases(cell: Cell): KernelCase[] {
  return shapes().map(({ batch: B, steps: T, hidden: H, reverse, outWidth, column }) => {
    const g = GATES[cell] * H;
    const buffers: Record<string, number> = {
      whh: g * H, saved: B * T * SAVED[cell] * H, hprev: B * T * H, cprev: B * T * H, dout: B * T * outWidth,
      dhn: B * H, dcn: B * H, dgx: B * T * g, dgh: B * T * g, dbx: g, dbh: g, dh0: B * H, dc0: B * H, work: 2 * B * H,
    };
    const head = (o: Record<string, number>): number[] => [B, T, H, reverse, o.whh, o.saved];
    const dout = (o: Record<string, number>): number[] => [o.dout + column, outWidth];
    const byCell: Record<Cell, [(o: Record<string, number>) => number[], string[]]> = {
      rnn: [(o) => [...head(o), ...dout(o), o.dhn, o.dgx, o.dbx, o.dh0, o.work], ['dgx', 'dbx', 'dh0']],
      gru: [(o) => [...head(o), o.hprev, ...dout(o), o.dhn, o.dgx, o.dgh, o.dbx, o.dbh, o.dh0, o.work], ['dgx', 'dgh', 'dbx', 'dbh', 'dh0']],
      lstm: [(o) => [...head(o), o.cprev, ...dout(o), o.dhn, o.dcn, o.dgx, o.dbx, o.dh0, o.dc0, o.work], ['dgx', 'dbx', 'dh0', 'dc0']],
    };
    const [args, outputs] = byCell[cell];
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
