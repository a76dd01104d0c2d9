// One recurrent layer in one direction: forward is one kernel call (the input projection of all
// steps, then the time loop); backward is one kernel call (backprop through time, then the
// weight and input gradients — only those that are wanted: frozen weights cost nothing).
import type { Tensor } from '../tensor.js';
import { CELLS, NEEDS, backwardWork, forwardWork, type CellKind } from './recurrent-cells.js';

/** PyTorch's per-layer, per-direction parameters: W_ih [G·H, I], W_hh [G·H, H], b_ih, b_hh [G·H]. */
export interface RecurrentWeights {
  weightIh: Tensor;
  weightHh: Tensor;
  biasIh: Tensor;
  biasHh: Tensor;
}

/** Element offsets of one direction's states: initial h0, c0 and final hn, cn, each [B, H]. */
export interface StateOffsets {
  h0: number;
  c0: number;
  hn: number;
  cn: number;
}

/** What forward keeps for backward. */
export interface LayerTrace {
  cell: CellKind;
  weights: RecurrentWeights;
  /** The layer's input [B, T, I]. */
  x: Tensor;
  reverse: number;
  /** States entering each step, [B, T, H] (cprev: lstm only, else null). */
  hprev: Tensor;
  cprev: Tensor | null;
  /** Per-step gate values, [B, T, saved·H]. */
  saved: Tensor;
}

/** Runs one direction over x [B, T, I], writing h into `out` [B, T, W] at columns column … column+H. */
export function layerForward(
  cell: CellKind, weights: RecurrentWeights, x: Tensor, reverse: number, states: StateOffsets, out: Tensor, column: number,
): LayerTrace {
  const e = x.engine;
  const k = e.kernels;
  const [B, T, I] = x.shape;
  const H = weights.weightHh.shape[1];
  const shape = CELLS[cell];
  const hprev = e.tensor([B, T, H]);
  const cprev = shape.memory ? e.tensor([B, T, H]) : null;
  const saved = e.tensor([B, T, shape.saved * H]);
  const work = e.tensor([forwardWork(cell, B, T, I, H)]).offset;
  const { weightIh: wih, weightHh: whh, biasIh: bih, biasHh: bhh } = weights;
  const head = [B, T, I, H, reverse, x.offset, wih.offset, whh.offset, bih.offset, bhh.offset] as const;
  const o = out.offset + column;
  const W = out.shape[2];
  if (cell === 'lstm') {
    k.lstmForward(...head, states.h0, states.c0, o, W, states.hn, states.cn, hprev.offset, cprev!.offset, saved.offset, work);
  } else {
    const run = cell === 'gru' ? k.gruForward : k.rnnForward;
    run(...head, states.h0, o, W, states.hn, hprev.offset, saved.offset, work);
  }
  return { cell, weights, x, reverse, hprev, cprev, saved };
}

/** Where backward reads output gradients and writes input gradients (element offsets). */
export interface LayerGradients {
  /** This direction's first column of d(out) [B, T, width]. */
  dout: number;
  width: number;
  /** d(final h), d(final c) [B, H] (dcn: lstm only). */
  dhn: number;
  dcn: number;
  /** Written: d(initial h), d(initial c) [B, H]. */
  dh0: number;
  dc0: number;
  /** Accumulated into: d(x) [B, T, I], or null when x needs no gradient. */
  dx: number | null;
}

/** Backpropagates one direction through all steps; accumulates into the gradients that are wanted. */
export function layerBackward(trace: LayerTrace, grads: LayerGradients): void {
  const { cell, weights: w, x, reverse, hprev, saved } = trace;
  const e = x.engine;
  const [B, T, I] = x.shape;
  const H = hprev.shape[2];
  const weights = [w.weightIh, w.weightHh, w.biasIh, w.biasHh];
  // needs: bit j for weights[j] (1 W_ih, 2 W_hh, 4 b_ih, 8 b_hh), 16 for dx; frozen ones are skipped
  const needs = weights.reduce((n, t, j) => n | (t.requiresGrad ? 1 << j : 0), grads.dx !== null ? NEEDS.input : 0);
  const [dwih, dwhh, dbih, dbhh] = weights.map((t) => (t.requiresGrad ? e.gradOf(t).offset : 0));
  const head = [B, T, I, H, reverse, x.offset, w.weightIh.offset, w.weightHh.offset, saved.offset, hprev.offset] as const;
  const tail = [needs, grads.dx ?? 0, dwih, dwhh, dbih, dbhh] as const;
  const work = e.tensor([backwardWork(cell, B, T, I, H)]).offset;
  const { dout, width, dhn, dh0 } = grads;
  const k = e.kernels;
  if (cell === 'lstm') {
    k.lstmBackward(...head, trace.cprev!.offset, dout, width, dhn, grads.dcn, ...tail, dh0, grads.dc0, work);
  } else {
    const run = cell === 'gru' ? k.gruBackward : k.rnnBackward;
    run(...head, dout, width, dhn, ...tail, dh0, work);
  }
}
