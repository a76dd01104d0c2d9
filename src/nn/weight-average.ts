// An exponential moving average of parameters (Polyak averaging for GANs, Yazıcı et al. 2019):
// a generator's weights oscillate around a good solution; their average samples better. The
// average lives in persistent tensors and is swapped in only while sampling.
import type { Parameter, Tensor } from '../engine/tensor.js';

export class WeightAverage {
  private readonly averages: Tensor[];
  private readonly scratch: Tensor[];

  /** average ← decay · average + (1 − decay) · weights, starting from the current weights. */
  constructor(
    readonly parameters: readonly Parameter[],
    readonly decay: number,
  ) {
    this.averages = parameters.map((p) => p.engine.persistent(p.shape, p.data));
    this.scratch = parameters.map((p) => p.engine.persistent(p.shape));
  }

  /** Restarts the average at the current weights. */
  reset(): void {
    this.parameters.forEach((p, i) => this.averages[i].data.set(p.data));
  }

  /** Moves the average one step towards the current weights. */
  update(): void {
    this.parameters.forEach((p, i) => {
      const k = p.engine.kernels;
      k.scale(p.size, this.decay, this.averages[i].offset, this.averages[i].offset);
      k.axpy(p.size, 1 - this.decay, p.offset, this.averages[i].offset);
    });
  }

  /** Runs `fn` with the averaged weights in place of the parameters, then puts them back. */
  withAverage<T>(fn: () => T): T {
    this.parameters.forEach((p, i) => {
      this.scratch[i].data.set(p.data);
      p.data.set(this.averages[i].data);
    });
    try {
      return fn();
    } finally {
      this.parameters.forEach((p, i) => p.data.set(this.scratch[i].data));
    }
  }

  /** The averages, in parameter order (for model files). */
  values(): Float32Array[] {
    return this.averages.map((t) => t.toFloat32Array());
  }

  /** Restores averages saved by `values`. */
  setValues(values: readonly Float32Array[]): void {
    if (values.length !== this.averages.length) throw new Error(`weight average: ${values.length} saved tensors for ${this.averages.length} parameters`);
    this.averages.forEach((t, i) => t.data.set(values[i]));
  }
}
