// recurrent: a whole stack of recurrent layers (rnn | gru | lstm, any depth, one or two
// directions) as ONE op on the tape. Forward runs every layer direction with one fused kernel call
// over all time steps; backward runs BPTT with one kernel call per layer direction.
//
//   const { output, h } = recurrent('gru', x, [[{ weightIh, weightHh, biasIh, biasHh }]]);
//   // x [B,T,I] → output [B,T,H], h [1,B,H]
import type { Tensor } from '../tensor.js';
import { fmt, sameShape } from '../tensor.js';
import { CELLS, type CellKind } from './recurrent-cells.js';
import { layerBackward, layerForward, type LayerTrace, type RecurrentWeights } from './recurrent-layer.js';

export type { CellKind } from './recurrent-cells.js';
export type { RecurrentWeights } from './recurrent-layer.js';

/** Initial states, each [layers·directions, B, H] (c: lstm only). Zeros where absent. */
export interface RecurrentState {
  h: Tensor;
  c?: Tensor;
}

/** The output sequence [B, T, H·directions] and the final states [layers·directions, B, H]. */
export interface RecurrentResult {
  output: Tensor;
  h: Tensor;
  c?: Tensor;
}

/**
 * Runs x [B, T, I] through `weights[layer][direction]` (direction 0 forwards, 1 backwards in time).
 * Bidirectional outputs concatenate forward then reverse on the last axis, as PyTorch's.
 * Backward: gradients reach x, every unfrozen weight and the initial states.
 */
export function recurrent(cell: CellKind, x: Tensor, weights: RecurrentWeights[][], initial?: RecurrentState): RecurrentResult {
  const e = x.engine;
  const { batch: B, steps: T, hidden: H, layers: L, dirs: D } = checkShapes(cell, x, weights, initial);
  const memory = CELLS[cell].memory;
  const h0 = initial?.h ?? e.zeros([L * D, B, H]);
  const c0 = memory ? (initial?.c ?? e.zeros([L * D, B, H])) : null;
  const hn = e.tensor([L * D, B, H]);
  const cn = memory ? e.tensor([L * D, B, H]) : null;
  const slot = (t: Tensor | null, l: number, d: number): number => (t === null ? 0 : t.offset + (l * D + d) * B * H);
  const traces: LayerTrace[][] = [];
  let input = x;
  for (let l = 0; l < L; l++) {
    const out = e.tensor([B, T, H * D]);
    traces.push(weights[l].map((w, d) =>
      layerForward(cell, w, input, d, { h0: slot(h0, l, d), c0: slot(c0, l, d), hn: slot(hn, l, d), cn: slot(cn, l, d) }, out, d * H)));
    input = out;
  }
  const output = input;
  const result: RecurrentResult = cn === null ? { output, h: hn } : { output, h: hn, c: cn };
  const parents = [x, ...weights.flat().flatMap((w) => [w.weightIh, w.weightHh, w.biasIh, w.biasHh])];
  if (initial !== undefined) parents.push(h0, ...(c0 === null ? [] : [c0]));
  if (e.tape.wants(parents)) {
    const outputs = cn === null ? [output, hn] : [output, hn, cn];
    e.tape.record('recurrent', parents, outputs, () => backwardStack(traces, { output, hn, cn, h0, c0 }, initial !== undefined));
  }
  return result;
}

interface StackTensors {
  output: Tensor;
  hn: Tensor;
  cn: Tensor | null;
  h0: Tensor;
  c0: Tensor | null;
}

// Layers from the top down; each layer's input gradient is the output gradient of the one below.
function backwardStack(traces: LayerTrace[][], t: StackTensors, hasInitial: boolean): void {
  const e = t.output.engine;
  const B = t.output.shape[0];
  const D = traces[0].length;
  const H = t.hn.shape[2];
  const grad = (x: Tensor | null): Tensor | null => (x === null ? null : (x.grad ?? e.zeros(x.shape)));
  const dhn = grad(t.hn)!;
  const dcn = grad(t.cn);
  const dh0 = e.tensor(t.hn.shape);
  const dc0 = t.cn === null ? null : e.tensor(t.hn.shape);
  const initialGrad = hasInitial && (t.h0.requiresGrad || (t.c0?.requiresGrad ?? false));
  const needsInput = inputGradientNeeded(traces, initialGrad);
  let dout = grad(t.output)!;
  for (let l = traces.length - 1; l >= 0; l--) {
    const x = traces[l][0].x;
    const dx = l > 0 ? (needsInput[l] ? e.zeros(x.shape) : null) : x.requiresGrad ? e.gradOf(x) : null;
    traces[l].forEach((trace, d) => {
      const at = (s: Tensor | null): number => (s === null ? 0 : s.offset + (l * D + d) * B * H);
      layerBackward(trace, { dout: dout.offset + d * H, width: H * D, dhn: at(dhn), dcn: at(dcn), dh0: at(dh0), dc0: at(dc0), dx: dx?.offset ?? null });
    });
    if (dx === null) break; // nothing below learns
    dout = dx;
  }
  if (initialGrad) addInitialGradients(t, dh0, dc0);
}

// needsInput[l]: whether layer l's input needs a gradient (something below it, or x, learns).
function inputGradientNeeded(traces: LayerTrace[][], initialGrad: boolean): boolean[] {
  const needs: boolean[] = [];
  let below = traces[0][0].x.requiresGrad || initialGrad;
  for (const layer of traces) {
    needs.push(below);
    for (const { weights: w } of layer) {
      below ||= w.weightIh.requiresGrad || w.weightHh.requiresGrad || w.biasIh.requiresGrad || w.biasHh.requiresGrad;
    }
  }
  return needs;
}

function addInitialGradients(t: StackTensors, dh0: Tensor, dc0: Tensor | null): void {
  const e = t.h0.engine;
  if (t.h0.requiresGrad) e.kernels.axpy(dh0.size, 1, dh0.offset, e.gradOf(t.h0).offset);
  if (t.c0 !== null && dc0 !== null && t.c0.requiresGrad) e.kernels.axpy(dc0.size, 1, dc0.offset, e.gradOf(t.c0).offset);
}

interface StackSize {
  batch: number;
  steps: number;
  hidden: number;
  layers: number;
  dirs: number;
}

function checkShapes(cell: CellKind, x: Tensor, weights: RecurrentWeights[][], initial?: RecurrentState): StackSize {
  if (x.shape.length !== 3) throw new Error(`recurrent: input must be [batch, time, features], got ${fmt(x.shape)}`);
  const [batch, steps, inputs] = x.shape;
  const layers = weights.length;
  const dirs = weights[0]?.length ?? 0;
  if (layers === 0 || (dirs !== 1 && dirs !== 2)) throw new Error('recurrent: need ≥ 1 layer of 1 or 2 directions');
  const hidden = weights[0][0].weightHh.shape[1];
  const g = CELLS[cell].gates * hidden;
  weights.forEach((layer, l) => {
    if (layer.length !== dirs) throw new Error(`recurrent: layer ${l} has ${layer.length} directions, not ${dirs}`);
    const I = l === 0 ? inputs : hidden * dirs;
    for (const w of layer) {
      const ok = sameShape(w.weightIh.shape, [g, I]) && sameShape(w.weightHh.shape, [g, hidden])
        && sameShape(w.biasIh.shape, [g]) && sameShape(w.biasHh.shape, [g]);
      if (!ok) throw new Error(`recurrent ${cell}: layer ${l} weights ${fmt(w.weightIh.shape)}, ${fmt(w.weightHh.shape)} do not fit [${g}, ${I}], [${g}, ${hidden}]`);
    }
  });
  const stateShape = [layers * dirs, batch, hidden];
  for (const s of [initial?.h, initial?.c]) {
    if (s !== undefined && !sameShape(s.shape, stateShape)) throw new Error(`recurrent: initial state ${fmt(s.shape)}, expected ${fmt(stateShape)}`);
  }
  if (initial?.c !== undefined && !CELLS[cell].memory) throw new Error(`recurrent: ${cell} has no cell state c`);
  return { batch, steps, hidden, layers, dirs };
}
