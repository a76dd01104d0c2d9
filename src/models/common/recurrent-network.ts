// The network every model kind is built from: a recurrent stack, then a Dense head at each step
// (or at the last step only), then an output activation. rgan's generator and discriminator and
// TimeGAN's five networks are all this.
import type { Engine } from '../../engine/engine.js';
import { sigmoid, slice, tanh } from '../../engine/ops/index.js';
import type { Random } from '../../engine/random.js';
import type { Parameter, Tensor } from '../../engine/tensor.js';
import { Dense } from '../../nn/dense.js';
import { Recurrent } from '../../nn/recurrent.js';
import type { Cell } from './settings.js';

export interface RecurrentNetworkConfig {
  cell: Cell;
  inputs: number;
  hidden: number;
  layers: number;
  bidirectional?: boolean;
  outputs: number;
  /** The head's activation: sigmoid, tanh, or plain values (logits). */
  output: 'sigmoid' | 'tanh' | 'linear';
  /** 'every-step': an output per step; 'last-step': one, read at the last step. */
  readout?: 'every-step' | 'last-step';
}

/** [B,T,inputs] → [B,T,outputs] (or [B,1,outputs] read at the last step). */
export class RecurrentNetwork {
  readonly recurrent: Recurrent;
  readonly head: Dense;

  /** `initRecurrent` may redraw the recurrent weights (TimeGAN's TF1 initialisation) before the head draws its own. */
  constructor(engine: Engine, readonly config: RecurrentNetworkConfig, rng: Random, initRecurrent?: (recurrent: Recurrent, rng: Random) => void) {
    const { cell, inputs, hidden, layers, bidirectional = false, outputs } = config;
    this.recurrent = new Recurrent(engine, { cell, inputs, hidden, layers, bidirectional }, rng);
    initRecurrent?.(this.recurrent, rng);
    this.head = new Dense(engine, { inputs: hidden * (bidirectional ? 2 : 1), outputs }, rng);
  }

  /** x [B,T,inputs] → the outputs. */
  forward(x: Tensor): Tensor {
    return this.run(x).output;
  }

  /** The outputs, and the recurrent features [B,T,hidden·directions] they are read from. */
  run(x: Tensor): { output: Tensor; features: Tensor } {
    const { output: features } = this.recurrent.forward(x);
    const steps = features.shape[1];
    const read = this.config.readout === 'last-step' ? slice(features, 1, steps - 1, steps) : features;
    const raw = this.head.forward(read);
    switch (this.config.output) {
      case 'sigmoid':
        return { output: sigmoid(raw), features };
      case 'tanh':
        return { output: tanh(raw), features };
      case 'linear':
        return { output: raw, features };
    }
  }

  parameters(): Parameter[] {
    return [...this.recurrent.parameters(), ...this.head.parameters()];
  }

  /** Parameters with their names in the model file ('recurrent.weight_ih_l0', 'head.weight', …). */
  namedParameters(): Array<[string, Parameter]> {
    return [
      ...this.recurrent.parameters().map((p): [string, Parameter] => [`recurrent.${p.name}`, p]),
      ...this.head.parameters().map((p): [string, Parameter] => [`head.${p.name}`, p]),
    ];
  }
}

/** Every parameter of `networks` by its model-file name ('generator.recurrent.weight_ih_l0', …). */
export function namedNetworkParameters(networks: Readonly<Record<string, RecurrentNetwork>>): Array<[string, Parameter]> {
  return Object.entries(networks).flatMap(([name, net]) => net.namedParameters().map(([n, p]): [string, Parameter] => [`${name}.${n}`, p]));
}
