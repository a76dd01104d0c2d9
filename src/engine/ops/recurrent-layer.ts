// One recurrent layer in one direction: forward = one big input-projection gemm for all steps
// plus one fused kernel call over T steps; backward = one BPTT kernel call plus big gemms for the
// weight and input gradients (skipped for frozen weights / inputs that need none).
import type { Engine } from '../engine.js';
import type { Tensor } from '../tensor.js';
import { CELLS, backwardWork, forwardWork, type CellKind } from './recurrent-cells.js';

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
  const g = shape.gates * H;
  const xw = e.tensor([B, T, g]); // x·W_ihᵀ for every step at once
  k.gemm(0, 1, B * T, g, I, x.offset, weights.weightIh.offset, xw.offset, 0);
  const hprev = e.tensor([B, T, H]);
  const cprev = shape.memory ? e.tensor([B, T, H]) : null;
  const saved = e.tensor([B, T, shape.saved * H]);
  const work = e.tensor([forwardWork(cell, B, H)]).offset;
  const { weightHh: whh, biasIh: bih, biasHh: bhh } = weights;
  const o = out.offset + column;
  const W = out.shape[2];
  if (cell === 'lstm') {
    k.lstmForward(B, T, H, reverse, xw.offset, whh.offset, bih.offset, bhh.offset, states.h0, states.c0,
      o, W, states.hn, states.cn, hprev.offset, cprev!.offset, saved.offset, work);
  } else {
    const run = cell === 'gru' ? k.gruForward : k.rnnForward;
    run(B, T, H, reverse, xw.offset, whh.offset, bih.offset, bhh.offset, states.h0, o, W, states.hn, hprev.offset, saved.offset, work);
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

/** Backpropagates one direction through all steps; accumulates into the weights' gradients. */
export function layerBackward(trace: LayerTrace, grads: LayerGradients): void {
  const { cell, weights, x, reverse, hprev, saved } = trace;
  const e = x.engine;
  const k = e.kernels;
  const [B, T, I] = x.shape;
  const H = hprev.shape[2];
  const g = CELLS[cell].gates * H;
  const split = CELLS[cell].splitGradients;
  const dgx = e.tensor([B * T, g]); // d(x-side pre-activations x·W_ihᵀ + b_ih)
  const dgh = split ? e.tensor([B * T, g]) : dgx; // d(h-side pre-activations h·W_hhᵀ + b_hh)
  const dbx = e.tensor([g]); // Σ dgx = d b_ih
  const dbh = split ? e.tensor([g]) : dbx; // Σ dgh = d b_hh
  const work = e.tensor([backwardWork(cell, B, H)]).offset;
  const { dout, width, dhn, dh0 } = grads;
  const whh = weights.weightHh.offset;
  if (cell === 'lstm') {
    k.lstmBackward(B, T, H, reverse, whh, saved.offset, trace.cprev!.offset, dout, width, dhn, grads.dcn, dgx.offset, dbx.offset, dh0, grads.dc0, work);
  } else if (cell === 'gru') {
    k.gruBackward(B, T, H, reverse, whh, saved.offset, hprev.offset, dout, width, dhn, dgx.offset, dgh.offset, dbx.offset, dbh.offset, dh0, work);
  } else {
    k.rnnBackward(B, T, H, reverse, whh, saved.offset, dout, width, dhn, dgx.offset, dbx.offset, dh0, work);
  }
  accumulateWeightGradients(e, weights, { x, hprev, dgx, dgh, dbx, dbh });
  if (grads.dx !== null) k.gemm(0, 0, B * T, I, g, dgx.offset, weights.weightIh.offset, grads.dx, 1);
}

interface BackwardProducts {
  x: Tensor;
  hprev: Tensor;
  dgx: Tensor;
  dgh: Tensor;
  dbx: Tensor;
  dbh: Tensor;
}

// dW_ih += dgxᵀ·x, dW_hh += dghᵀ·hprev, d b_ih += dbx, d b_hh += dbh — each only if not frozen.
function accumulateWeightGradients(e: Engine, w: RecurrentWeights, p: BackwardProducts): void {
  const k = e.kernels;
  const [rows, g] = p.dgx.shape;
  const I = p.x.shape[2];
  const H = p.hprev.shape[2];
  if (w.weightIh.requiresGrad) k.gemm(1, 0, g, I, rows, p.dgx.offset, p.x.offset, e.gradOf(w.weightIh).offset, 1);
  if (w.weightHh.requiresGrad) k.gemm(1, 0, g, H, rows, p.dgh.offset, p.hprev.offset, e.gradOf(w.weightHh).offset, 1);
  if (w.biasIh.requiresGrad) k.axpy(g, 1, p.dbx.offset, e.gradOf(w.biasIh).offset);
  if (w.biasHh.requiresGrad) k.axpy(g, 1, p.dbh.offset, e.gradOf(w.biasHh).offset);
}
