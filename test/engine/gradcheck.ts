// Finite-difference gradient checks on the float64 reference engine: the analytic gradient of
// a scalar function of some inputs must match central differences.
import { Engine } from '../../src/engine/engine.js';
import { Random } from '../../src/engine/random.js';
import type { Tensor } from '../../src/engine/tensor.js';

export interface GradientCase {
  /** Shapes of the inputs to differentiate with respect to. */
  shapes: number[][];
  /** Builds a scalar loss from the inputs (on the reference engine). */
  loss: (inputs: Tensor[], engine: Engine) => Tensor;
  /** Range for random input values (default [-1, 1]); positive ranges suit sqrt, log. */
  range?: [number, number];
  /** Inputs that are not differentiated (e.g. integer indices or targets). */
  constantInputs?: number[];
}

/** Worst normwise relative error between analytic and numeric gradients over all inputs. */
export function gradientError(kase: GradientCase, seed = 7, eps = 1e-6): number {
  const engine = Engine.reference();
  const rng = new Random(seed);
  const [low, high] = kase.range ?? [-1, 1];
  const values = kase.shapes.map((s) => {
    const v = new Float64Array(s.reduce((a, b) => a * b, 1));
    rng.fillUniform(v, low, high);
    return v;
  });
  const constant = new Set(kase.constantInputs ?? []);
  const evaluate = (withGrad: boolean): { loss: number; grads: Float64Array[] } =>
    engine.step(() => {
      const inputs = kase.shapes.map((s, i) => {
        const p = withGrad && !constant.has(i) ? engine.parameter(`x${i}`, s, values[i]) : engine.tensor(s, values[i]);
        return p;
      });
      const loss = kase.loss(inputs, engine);
      if (withGrad) engine.backward(loss);
      return {
        loss: loss.data[0],
        grads: inputs.map((t) => (t.grad === null ? new Float64Array(t.size) : Float64Array.from(t.grad.data))),
      };
    });
  const analytic = evaluate(true).grads;
  let worst = 0;
  values.forEach((v, i) => {
    if (constant.has(i)) return;
    const numeric = new Float64Array(v.length);
    for (let j = 0; j < v.length; j++) {
      const keep = v[j];
      v[j] = keep + eps;
      const up = evaluate(false).loss;
      v[j] = keep - eps;
      const down = evaluate(false).loss;
      v[j] = keep;
      numeric[j] = (up - down) / (2 * eps);
    }
    const scale = Math.max(1e-3, ...numeric.map(Math.abs));
    const diff = Math.max(0, ...numeric.map((n, j) => Math.abs(n - analytic[i][j])));
    worst = Math.max(worst, diff / scale);
  });
  return worst;
}
