// The two networks: a recurrent generator (noise [+ condition] → sequence) and a recurrent
// discriminator (sequence [+ condition] → a logit per step, or one at the last step).
import type { Engine } from '../../engine/engine.js';
import { concat, expandTime, sigmoid, slice, tanh } from '../../engine/ops/index.js';
import type { Random } from '../../engine/random.js';
import type { Parameter, Tensor } from '../../engine/tensor.js';
import { Dense } from '../../nn/dense.js';
import { freezeParameters } from '../../nn/module.js';
import { stackedParameters } from '../model-parts.js';
import { Recurrent } from '../../nn/recurrent.js';
import type { RGANConfig } from './config.js';

/** x [B,T,F] with the condition y [B,C] appended to every step → [B,T,F+C]. */
function withCondition(x: Tensor, y: Tensor | undefined): Tensor {
  if (y === undefined) return x;
  return concat([x, expandTime(y, x.shape[1])], 2);
}

export class Generator {
  readonly recurrent: Recurrent;
  readonly head: Dense;

  constructor(engine: Engine, private readonly config: RGANConfig, rng: Random) {
    const g = config.generator;
    this.recurrent = new Recurrent(engine, { cell: g.cell, inputs: config.noise.size + config.noise.sequenceSize + config.conditions, hidden: g.hidden, layers: g.layers }, rng);
    this.head = new Dense(engine, { inputs: g.hidden, outputs: config.features }, rng);
  }

  /** z [B,T,noise], y [B,C] → generated sequences [B,T,features] on the data's scale. */
  forward(z: Tensor, y?: Tensor): Tensor {
    const { output } = this.recurrent.forward(withCondition(z, y));
    const raw = this.head.forward(output);
    switch (this.config.generator.output) {
      case 'sigmoid':
        return sigmoid(raw);
      case 'tanh':
        return tanh(raw);
      case 'linear':
        return raw;
    }
  }

  parameters(): Parameter[] {
    return [...this.recurrent.parameters(), ...this.head.parameters()];
  }

  /** Parameters with their names in the model file ('recurrent.weight_ih_l0', 'head.weight', …). */
  namedParameters(): Array<[string, Parameter]> {
    return stackedParameters(this);
  }
}

export class Discriminator {
  readonly recurrent: Recurrent;
  readonly head: Dense;

  constructor(engine: Engine, private readonly config: RGANConfig, rng: Random) {
    const d = config.discriminator;
    const inputs = config.features + config.conditions;
    this.recurrent = new Recurrent(engine, { cell: d.cell, inputs, hidden: d.hidden, layers: d.layers, bidirectional: d.bidirectional }, rng);
    this.head = new Dense(engine, { inputs: d.hidden * (d.bidirectional ? 2 : 1), outputs: 1 }, rng);
  }

  /**
   * x [B,T,F], y [B,C] → logits [B,T,1] ('mean' readout) or [B,1,1] ('last'), and the recurrent
   * features [B,T,H·dirs] that feature matching compares.
   */
  forward(x: Tensor, y?: Tensor): { logits: Tensor; features: Tensor } {
    const { output } = this.recurrent.forward(withCondition(x, y));
    const steps = output.shape[1];
    const read = this.config.discriminator.readout === 'last' ? slice(output, 1, steps - 1, steps) : output;
    return { logits: this.head.forward(read), features: output };
  }

  parameters(): Parameter[] {
    return [...this.recurrent.parameters(), ...this.head.parameters()];
  }

  namedParameters(): Array<[string, Parameter]> {
    return stackedParameters(this);
  }

  /** Frozen: no weight gradients, but gradients still flow to the input (the generator's step). */
  freeze(frozen: boolean): void {
    freezeParameters(this.parameters(), frozen);
  }
}
