// Stochastic gradient descent with optional momentum, in PyTorch's form (b ← μb + g; p ← p − lr·b).
// One fused kernel call per parameter (sgdUpdate) that also zeroes its gradient.
import type { Parameter, Tensor } from '../engine/tensor.js';
import { UserError } from '../errors.js';
import { type Optimizer, copySlots, restoreSlots, slotsFor, zeroGradients } from './optimizer.js';

export interface SGDConfig {
  learningRate: number;
  momentum: number;
}

export const SGD_DEFAULTS: Omit<SGDConfig, 'learningRate'> = { momentum: 0 };

/** Momentum buffers, one per parameter (none when momentum is 0). */
export interface SGDState {
  velocity: Float32Array[];
}

export class SGD implements Optimizer<SGDState> {
  readonly config: SGDConfig;
  private readonly velocity: Tensor[];

  constructor(
    readonly parameters: readonly Parameter[],
    config: Pick<SGDConfig, 'learningRate'> & Partial<SGDConfig>,
  ) {
    for (const key of Object.keys(config)) {
      if (key !== 'learningRate' && !(key in SGD_DEFAULTS)) throw new UserError(`SGD: unknown option "${key}"`);
    }
    this.config = { ...SGD_DEFAULTS, ...config };
    this.velocity = this.config.momentum !== 0 ? slotsFor(parameters) : [];
  }

  get learningRate(): number {
    return this.config.learningRate;
  }
  set learningRate(value: number) {
    this.config.learningRate = value;
  }

  step(): void {
    const { learningRate, momentum } = this.config;
    this.parameters.forEach((p, i) => {
      if (p.frozen) {
        p.gradient.data.fill(0);
        return;
      }
      const b = momentum !== 0 ? this.velocity[i].offset : p.gradient.offset; // unused when μ = 0
      p.engine.kernels.sgdUpdate(p.size, p.offset, p.gradient.offset, b, learningRate, momentum);
    });
  }

  zeroGrad(): void {
    zeroGradients(this.parameters);
  }

  getState(): SGDState {
    return { velocity: copySlots(this.velocity) };
  }

  setState(state: SGDState): void {
    restoreSlots('SGD velocity', this.velocity, state.velocity);
  }
}
