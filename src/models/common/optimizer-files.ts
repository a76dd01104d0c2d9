// Optimizers' state in a model file, for any model: Adam's moments as tensors named
// 'adam.<optimizer>.m.<i>' in weights.bin and step counts in model.json, so a checkpoint resumes
// bit for bit.
import type { NamedTensor } from '../../io/model-directory.js';
import type { Adam } from '../../nn/adam.js';
import { UserError } from '../../errors.js';

/** Per optimizer name, the step count of each of its parameters (for model.json). */
export type OptimizerSteps = Record<string, number[]>;

/** Every optimizer's first and second moments as named tensors. */
export function optimizerTensors(optimizers: Record<string, Adam>): NamedTensor[] {
  return Object.entries(optimizers).flatMap(([name, adam]) => {
    const state = adam.getState();
    return adam.parameters.flatMap((p, i) => [
      { name: `adam.${name}.m.${i}`, shape: [...p.shape], data: state.m[i] },
      { name: `adam.${name}.v.${i}`, shape: [...p.shape], data: state.v[i] },
    ]);
  });
}

export function optimizerSteps(optimizers: Record<string, Adam>): OptimizerSteps {
  return Object.fromEntries(Object.entries(optimizers).map(([name, adam]) => [name, adam.getState().steps]));
}

/** Restores every optimizer from a model file's tensors and step counts; gaps are UserErrors. */
export function restoreOptimizers(optimizers: Record<string, Adam>, steps: OptimizerSteps, saved: Map<string, NamedTensor>): void {
  for (const [name, adam] of Object.entries(optimizers)) {
    const counts = steps?.[name];
    if (!Array.isArray(counts) || counts.length !== adam.parameters.length) {
      throw new UserError(`the model file's step counts of optimizer ${name} do not match its parameters`);
    }
    const moment = (kind: 'm' | 'v', i: number): Float32Array => {
      const tensor = saved.get(`adam.${name}.${kind}.${i}`);
      if (tensor === undefined || tensor.data.length !== adam.parameters[i].size) {
        throw new UserError(`the model file lacks the optimizer state adam.${name}.${kind}.${i}`);
      }
      return tensor.data;
    };
    adam.setState({ steps: [...counts], m: adam.parameters.map((_, i) => moment('m', i)), v: adam.parameters.map((_, i) => moment('v', i)) });
  }
}
