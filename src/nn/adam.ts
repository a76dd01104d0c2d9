// Adam (Kingma & Ba), with PyTorch's arithmetic and per-parameter step counts. The update of
// each parameter is one fused kernel call (adamUpdate) that also zeroes its gradient.
import type { Parameter, Tensor } from '../engine/tensor.js';
import { UserError } from '../errors.js';
import { type Optimizer, copySlots, restoreSlots, slotsFor, zeroGradients } from './optimizer.js';

export interface AdamConfig {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export const ADAM_DEFAULTS: AdamConfig = { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

/** Moments and step counts, one entry per parameter in the optimizer's order. */
export interface AdamState {
  /** Updates each parameter has had (frozen steps do not count, as in PyTorch). */
  steps: number[];
  /** First moments. */
  m: Float32Array[];
  /** Second moments. */
  v: Float32Array[];
}

export class Adam implements Optimizer<AdamState> {
  readonly config: AdamConfig;
  private readonly m: Tensor[];
  private readonly v: Tensor[];
  private readonly steps: number[];

  constructor(
    readonly parameters: readonly Parameter[],
    config: Partial<AdamConfig> = {},
  ) {
    for (const key of Object.keys(config)) if (!(key in ADAM_DEFAULTS)) throw new UserError(`Adam: unknown option "${key}"`);
    this.config = { ...ADAM_DEFAULTS, ...config };
    this.m = slotsFor(parameters);
    this.v = slotsFor(parameters);
    this.steps = parameters.map(() => 0);
  }

  get learningRate(): number {
    return this.config.learningRate;
  }
  set learningRate(value: number) {
    this.config.learningRate = value;
  }

  step(): void {
    const { learningRate, beta1, beta2, epsilon } = this.config;
    this.parameters.forEach((p, i) => {
      if (p.frozen) {
        p.gradient.data.fill(0);
        return;
      }
      const t = ++this.steps[i];
      const stepSize = learningRate / (1 - beta1 ** t);
      const sqrtBc2 = Math.sqrt(1 - beta2 ** t);
      const k = p.engine.kernels;
      k.adamUpdate(p.size, p.offset, p.gradient.offset, this.m[i].offset, this.v[i].offset, stepSize, 1 - beta1, beta2, 1 - beta2, sqrtBc2, epsilon);
    });
  }

  zeroGrad(): void {
    zeroGradients(this.parameters);
  }

  getState(): AdamState {
    return { steps: [...this.steps], m: copySlots(this.m), v: copySlots(this.v) };
  }

  setState(state: AdamState): void {
    if (state.steps.length !== this.steps.length) throw new Error(`Adam: state for ${state.steps.length} parameters, have ${this.steps.length}`);
    restoreSlots('Adam m', this.m, state.m);
    restoreSlots('Adam v', this.v, state.v);
    this.steps.splice(0, this.steps.length, ...state.steps);
  }
}
