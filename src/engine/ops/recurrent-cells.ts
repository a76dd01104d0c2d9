// The three recurrent cells as the ops see them: how many gate blocks each has, what its forward
// saves per step, and how much scratch its kernels borrow. The equations live in the kernels
// (kernels/recurrent/*.ts) and their float64 twins (../reference/recurrent-*.ts).
import { recurrentWorkSizes } from '../wasm-kernels.js';

export type CellKind = 'rnn' | 'gru' | 'lstm';

export const CELL_KINDS: readonly CellKind[] = ['rnn', 'gru', 'lstm'];

export interface CellShape {
  /** Gate blocks of H rows in W_ih / W_hh: rnn 1, gru 3 (r, z, n), lstm 4 (i, f, g, o). */
  gates: number;
  /** Blocks of H values saved per step for backward (rnn h'; gru r, z, n, W_hn·h + b_hn; lstm i, f, g, o, tanh c'). */
  saved: number;
  /** Whether the cell carries a memory c beside h (lstm). */
  memory: boolean;
  /** Whether the h-side pre-activation gradients differ from the x side (gru: n gets r ⊙ dn). */
  splitGradients: boolean;
}

export const CELLS: Record<CellKind, CellShape> = {
  rnn: { gates: 1, saved: 1, memory: false, splitGradients: false },
  gru: { gates: 3, saved: 4, memory: false, splitGradients: true },
  lstm: { gates: 4, saved: 5, memory: true, splitGradients: false },
};

/** Floats of scratch a forward kernel needs (the kernel module states it). */
export function forwardWork(cell: CellKind, batch: number, steps: number, inputs: number, hidden: number): number {
  return recurrentWorkSizes().forwardWorkSize(batch, steps, inputs, hidden, CELLS[cell].gates * hidden);
}

/** Floats of scratch a backward kernel needs (the kernel module states it). */
export function backwardWork(cell: CellKind, batch: number, steps: number, inputs: number, hidden: number): number {
  const { gates, splitGradients, memory } = CELLS[cell];
  return recurrentWorkSizes().backwardWorkSize(batch, steps, inputs, hidden, gates * hidden, splitGradients ? 1 : 0, memory ? 2 : 1);
}

/** Bits of a backward kernel's `needs` (kernels/recurrent/layer.ts). */
export const NEEDS = { weightIh: 1, weightHh: 2, biasIh: 4, biasHh: 8, input: 16 } as const;
