// TimeGAN's five networks (docs/TIMEGAN.md §6.2). Each is a recurrent stack with a Dense head
// applied at every step; all but the discriminator end in a sigmoid.
//
//   embedder      X [B,T,D] → H [B,T,H]     recovery   H → X̃ [B,T,D]
//   generator     Z [B,T,D] → Ê [B,T,H]     supervisor H → Ĥ [B,T,H]  (L − 1 layers, ≥ 1)
//   discriminator H → logits [B,T,1]
import type { Engine } from '../../engine/engine.js';
import { sigmoid } from '../../engine/ops/index.js';
import type { Random } from '../../engine/random.js';
import type { Parameter, Tensor } from '../../engine/tensor.js';
import { freezeParameters } from '../../nn/module.js';
import { stackedParameters } from '../model-parts.js';
import { Dense } from '../../nn/dense.js';
import { Recurrent } from '../../nn/recurrent.js';
import { supervisorLayers, type TimeGANConfig } from './config.js';
import { initRecurrentTf1 } from './tf1-init.js';

export interface StepNetworkConfig {
  inputs: number;
  outputs: number;
  layers: number;
  /** sigmoid on the head's output, or plain logits. */
  output: 'sigmoid' | 'linear';
}

/** A recurrent stack, then a Dense head at each step: [B,T,inputs] → [B,T,outputs]. */
export class StepNetwork {
  readonly recurrent: Recurrent;
  /** Glorot-uniform weights, zero bias (TF1's fully_connected defaults). */
  readonly head: Dense;

  constructor(engine: Engine, config: TimeGANConfig, readonly shape: StepNetworkConfig, rng: Random) {
    const { cell, hidden } = config;
    this.recurrent = new Recurrent(engine, { cell, inputs: shape.inputs, hidden, layers: shape.layers }, rng);
    initRecurrentTf1(this.recurrent, rng);
    this.head = new Dense(engine, { inputs: hidden, outputs: shape.outputs }, rng);
  }

  forward(x: Tensor): Tensor {
    const y = this.head.forward(this.recurrent.forward(x).output);
    return this.shape.output === 'sigmoid' ? sigmoid(y) : y;
  }

  parameters(): Parameter[] {
    return [...this.recurrent.parameters(), ...this.head.parameters()];
  }

  /** Parameters with their names in the model file ('recurrent.weight_ih_l0', 'head.weight', …). */
  namedParameters(): Array<[string, Parameter]> {
    return stackedParameters(this);
  }

  /** Frozen: weights get no gradient and keep their values; gradients still reach the input. */
  freeze(frozen: boolean): void {
    freezeParameters(this.parameters(), frozen);
  }
}

export const NETWORK_NAMES = ['embedder', 'recovery', 'generator', 'supervisor', 'discriminator'] as const;
export type NetworkName = (typeof NETWORK_NAMES)[number];
export type TimeGANNetworks = Record<NetworkName, StepNetwork>;

/** The five networks, initialised in NETWORK_NAMES order from `rng`. */
export function buildNetworks(engine: Engine, config: TimeGANConfig, rng: Random): TimeGANNetworks {
  const { features: d, hidden: h, layers } = config;
  const net = (inputs: number, outputs: number, depth: number, output: StepNetworkConfig['output']): StepNetwork =>
    new StepNetwork(engine, config, { inputs, outputs, layers: depth, output }, rng);
  return {
    embedder: net(d, h, layers, 'sigmoid'),
    recovery: net(h, d, layers, 'sigmoid'),
    generator: net(d, h, layers, 'sigmoid'), // z_dim = D
    supervisor: net(h, h, supervisorLayers(config), 'sigmoid'),
    discriminator: net(h, 1, layers, 'linear'),
  };
}

/** Every parameter by its model-file name ('embedder.recurrent.weight_ih_l0', …). */
export function namedNetworkParameters(networks: TimeGANNetworks): Array<[string, Parameter]> {
  return NETWORK_NAMES.flatMap((name) => networks[name].namedParameters().map(([n, p]): [string, Parameter] => [`${name}.${n}`, p]));
}
