// Gradient cases for the recurrent ops (see gradient-cases.ts): every cell through two stacked
// bidirectional layers with initial states, a length-1 sequence, and a stack whose top layer is
// frozen (its weights are constants) so gradients must still reach the input and the layer below.
import type { RECURRENT_OP_NAMES } from '../../src/engine/ops/recurrent-op-names.js';
import { recurrent, type CellKind, type RecurrentWeights } from '../../src/engine/ops/recurrent.js';
import { CELLS } from '../../src/engine/ops/recurrent-cells.js';
import { linear } from '../../src/engine/ops/linear.js';
import { reshape } from '../../src/engine/ops/reshape.js';
import type { Engine } from '../../src/engine/engine.js';
import type { Tensor } from '../../src/engine/tensor.js';
import type { GradientCase } from './gradcheck.js';
import { weightedSum } from './gradient-cases.js';

type RecurrentOpName = (typeof RECURRENT_OP_NAMES)[number];

interface Stack {
  cell: CellKind;
  batch: number;
  steps: number;
  inputs: number;
  hidden: number;
  layers: number;
  dirs: number;
  initial: boolean;
}

/** Shapes in input order: x, then W_ih, W_hh, b_ih, b_hh per layer and direction, then h0 (c0). */
function stackShapes(s: Stack): number[][] {
  const g = CELLS[s.cell].gates * s.hidden;
  const shapes = [[s.batch, s.steps, s.inputs]];
  for (let l = 0; l < s.layers; l++) {
    const I = l === 0 ? s.inputs : s.hidden * s.dirs;
    for (let d = 0; d < s.dirs; d++) shapes.push([g, I], [g, s.hidden], [g], [g]);
  }
  const state = [s.layers * s.dirs, s.batch, s.hidden];
  if (s.initial) shapes.push(state, ...(CELLS[s.cell].memory ? [state] : []));
  return shapes;
}

/** a + b for scalars [1]: a linear map with weight 1 and b as its bias. */
function addScalars(a: Tensor, b: Tensor, e: Engine): Tensor {
  return reshape(linear(reshape(a, [1, 1]), e.tensor([1, 1], [1]), b), [1]);
}

function stackLoss(s: Stack): GradientCase['loss'] {
  return ([x, ...rest], e) => {
    const weights: RecurrentWeights[][] = [];
    let i = 0;
    for (let l = 0; l < s.layers; l++) {
      weights.push([]);
      for (let d = 0; d < s.dirs; d++, i += 4) {
        weights[l].push({ weightIh: rest[i], weightHh: rest[i + 1], biasIh: rest[i + 2], biasHh: rest[i + 3] });
      }
    }
    const initial = s.initial ? { h: rest[i], ...(CELLS[s.cell].memory ? { c: rest[i + 1] } : {}) } : undefined;
    const r = recurrent(s.cell, x, weights, initial);
    let loss = addScalars(weightedSum(r.output, e), weightedSum(r.h, e), e);
    if (r.c !== undefined) loss = addScalars(loss, weightedSum(r.c, e), e);
    return loss;
  };
}

function stackCase(s: Stack, constantInputs?: number[]): GradientCase {
  return { shapes: stackShapes(s), loss: stackLoss(s), constantInputs };
}

function cellCases(cell: CellKind): GradientCase[] {
  const base = { cell, batch: 2, steps: 3, inputs: 3, hidden: 5 };
  return [
    stackCase({ ...base, layers: 2, dirs: 2, initial: true }),
    stackCase({ ...base, steps: 1, hidden: 3, layers: 1, dirs: 1, initial: false }),
    // top layer frozen: inputs 1 … 4 are layer 0's weights, 5 … 8 layer 1's
    stackCase({ ...base, layers: 2, dirs: 1, initial: false }, [5, 6, 7, 8]),
  ];
}

export const RECURRENT_GRADIENT_CASES: Record<RecurrentOpName, GradientCase[]> = {
  recurrent: [...cellCases('rnn'), ...cellCases('gru'), ...cellCases('lstm')],
};
