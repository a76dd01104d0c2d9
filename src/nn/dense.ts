// Dense: a fully connected layer over the last axis, y = x·Wᵀ + b, W [outputs, inputs] in
// PyTorch's layout (so weights load from torch state dicts unchanged).
import type { Engine } from '../engine/engine.js';
import { linear } from '../engine/ops/linear.js';
import type { Random } from '../engine/random.js';
import type { Parameter, Tensor } from '../engine/tensor.js';
import { checkChoice } from '../config.js';
import { INITIALIZERS, type Initializer, initialWeights, uniform } from './init.js';
import { type Module, checkSize, freezeParameters, resolveConfig } from './module.js';

export interface DenseConfig {
  inputs: number;
  outputs: number;
  /** Whether to add a bias b [outputs]. */
  bias: boolean;
  /** Weight initialiser; the bias starts at 0, or U(±1/√inputs) with 'uniform' (PyTorch's default). */
  init: Initializer;
}

export const DENSE_DEFAULTS: Pick<DenseConfig, 'bias' | 'init'> = { bias: true, init: 'glorotUniform' };

export type DenseOptions = Pick<DenseConfig, 'inputs' | 'outputs'> & Partial<DenseConfig>;

export class Dense implements Module<DenseConfig> {
  readonly config: DenseConfig;
  /** [outputs, inputs] */
  readonly weight: Parameter;
  /** [outputs], when config.bias */
  readonly bias: Parameter | undefined;

  constructor(engine: Engine, options: DenseOptions, rng: Random) {
    const c = resolveConfig<DenseConfig>('Dense', DENSE_DEFAULTS, options, ['inputs', 'outputs']);
    checkSize('Dense', 'inputs', c.inputs);
    checkSize('Dense', 'outputs', c.outputs);
    checkChoice('Dense init', c.init, INITIALIZERS);
    this.config = c;
    engine.memory.ensureRoom(2 * c.outputs * (c.inputs + 1), `a dense layer of ${c.inputs} × ${c.outputs} (values and gradients)`);
    this.weight = engine.parameter('weight', [c.outputs, c.inputs], initialWeights(c.init, c.inputs, c.outputs, rng));
    if (c.bias) {
      const bound = 1 / Math.sqrt(c.inputs);
      const values = c.init === 'uniform' ? uniform(c.outputs, -bound, bound, rng) : undefined;
      this.bias = engine.parameter('bias', [c.outputs], values);
    }
  }

  /** x [..., inputs] → [..., outputs]. */
  forward(x: Tensor): Tensor {
    return linear(x, this.weight, this.bias);
  }

  parameters(): Parameter[] {
    return this.bias === undefined ? [this.weight] : [this.weight, this.bias];
  }

  freeze(frozen = true): void {
    freezeParameters(this.parameters(), frozen);
  }
}
