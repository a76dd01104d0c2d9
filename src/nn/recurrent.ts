// Recurrent: a stack of rnn | gru | lstm layers, optionally bidirectional, with PyTorch's
// parameter names, shapes and gate order, run as one fused op (engine/ops/recurrent.ts).
//
//   const gru = new Recurrent(engine, { cell: 'gru', inputs: 6, hidden: 24, layers: 3 }, rng);
//   const { output, states } = gru.forward(x);   // x [B,T,6] → output [B,T,24], states.h [3,B,24]
import { checkChoice, checkNumber } from '../config.js';
import type { Engine } from '../engine/engine.js';
import { recurrent, type RecurrentState, type RecurrentWeights } from '../engine/ops/recurrent.js';
import { CELLS, CELL_KINDS, type CellKind } from '../engine/ops/recurrent-cells.js';
import type { Random } from '../engine/random.js';
import type { Parameter, Tensor } from '../engine/tensor.js';
import { UserError } from '../errors.js';
import { glorotUniform, orthogonal } from './init.js';
import { type Module, checkSize, freezeParameters, resolveConfig } from './module.js';

export interface RecurrentConfig {
  cell: CellKind;
  /** Features per time step of the input. */
  inputs: number;
  /** Units per layer and direction. */
  hidden: number;
  /** Stacked layers; layer l > 0 reads layer l − 1's output. */
  layers: number;
  /** A second, time-reversed direction per layer; outputs concatenate [forward, reverse]. */
  bidirectional: boolean;
  /** LSTM only: initial value of the forget-gate bias b_if (1 helps long memories); else 0. */
  forgetBias: number;
}

/** The config as given: cell, inputs and hidden are required, the rest have defaults. */
export type RecurrentOptions = Pick<RecurrentConfig, 'cell' | 'inputs' | 'hidden'> & Partial<RecurrentConfig>;

export const RECURRENT_DEFAULTS: Pick<RecurrentConfig, 'layers' | 'bidirectional' | 'forgetBias'> = {
  layers: 1,
  bidirectional: false,
  forgetBias: 0,
};

/** A layer's parameters, in PyTorch's order and with its names (weight_ih_l0, bias_hh_l1_reverse, …). */
type NamedWeights = RecurrentWeights & { [K in keyof RecurrentWeights]: Parameter };

export class Recurrent implements Module<RecurrentConfig> {
  readonly config: RecurrentConfig;
  /** [layer][direction] */
  private readonly weights: NamedWeights[][];

  constructor(engine: Engine, options: RecurrentOptions, rng: Random) {
    this.config = checkConfig(resolveConfig<RecurrentConfig>('Recurrent', RECURRENT_DEFAULTS, options, ['cell', 'inputs', 'hidden']));
    const { layers, bidirectional } = this.config;
    engine.memory.ensureRoom(2 * parameterCount(this.config), `the ${this.config.cell} layers of ${this.config.hidden.toLocaleString('en-US')} units (values and gradients)`);
    this.weights = Array.from({ length: layers }, (_, l) =>
      (bidirectional ? ['', '_reverse'] : ['']).map((suffix) => this.initLayer(engine, l, suffix, rng)),
    );
  }

  /**
   * x [B, T, inputs] → output [B, T, hidden·directions] and the final states
   * h (and c for lstm) [layers·directions, B, hidden]. `initialState` defaults to zeros.
   */
  forward(x: Tensor, initialState?: RecurrentState): { output: Tensor; states: RecurrentState } {
    const r = recurrent(this.config.cell, x, this.weights, initialState);
    return { output: r.output, states: r.c === undefined ? { h: r.h } : { h: r.h, c: r.c } };
  }

  /** All parameters in PyTorch's order: per layer, forward then reverse; W_ih, W_hh, b_ih, b_hh. */
  parameters(): Parameter[] {
    return this.weights.flat().flatMap((w) => [w.weightIh, w.weightHh, w.biasIh, w.biasHh]);
  }

  /** Frozen parameters get no gradient (and the kernels skip computing it); inputs still do. */
  freeze(frozen = true): void {
    freezeParameters(this.parameters(), frozen);
  }

  // W_ih Glorot-uniform, W_hh orthogonal, biases zero (b_if = forgetBias for lstm).
  private initLayer(engine: Engine, layer: number, suffix: string, rng: Random): NamedWeights {
    const { cell, inputs, hidden, bidirectional, forgetBias } = this.config;
    const g = CELLS[cell].gates * hidden;
    const I = layer === 0 ? inputs : hidden * (bidirectional ? 2 : 1);
    const name = (kind: string): string => `${kind}_l${layer}${suffix}`;
    const biasIh = new Float64Array(g);
    if (cell === 'lstm') biasIh.fill(forgetBias, hidden, 2 * hidden); // gate order i, f, g, o
    return {
      weightIh: engine.parameter(name('weight_ih'), [g, I], glorotUniform(I, g, rng)),
      weightHh: engine.parameter(name('weight_hh'), [g, hidden], orthogonal(g, hidden, rng)),
      biasIh: engine.parameter(name('bias_ih'), [g], biasIh),
      biasHh: engine.parameter(name('bias_hh'), [g]),
    };
  }
}

/** Parameters of the whole stack: per layer and direction W_ih [G, I], W_hh [G, H], two biases [G]. */
function parameterCount({ cell, inputs, hidden, layers, bidirectional }: RecurrentConfig): number {
  const directions = bidirectional ? 2 : 1;
  const gates = CELLS[cell].gates * hidden;
  const first = gates * (inputs + hidden + 2);
  const later = gates * (hidden * directions + hidden + 2);
  return directions * (first + (layers - 1) * later);
}

function checkConfig(c: RecurrentConfig): RecurrentConfig {
  checkChoice('Recurrent cell', c.cell, CELL_KINDS);
  for (const key of ['inputs', 'hidden', 'layers'] as const) checkSize('Recurrent', key, c[key]);
  if (typeof c.bidirectional !== 'boolean') throw new UserError(`Recurrent: bidirectional must be true or false, got ${String(c.bidirectional)}`);
  checkNumber('Recurrent forgetBias', c.forgetBias, -Infinity);
  if (c.forgetBias !== 0 && c.cell !== 'lstm') throw new UserError(`Recurrent: forgetBias applies to lstm only, not ${c.cell}`);
  return c;
}
