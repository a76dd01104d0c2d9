// The five optimizers' state in a model file: Adam's moments as named tensors in weights.bin,
// step counts in model.json, so a checkpoint resumes bit for bit.
import type { ModelFiles } from '../../io/model-directory.js';
import { UserError } from '../../errors.js';
import { OPTIMIZER_NAMES, type OptimizerName, type TimeGANTrainer } from './trainer.js';

type Tensors = ModelFiles['tensors'];

/** Per optimizer, the step count of each of its parameters (for model.json). */
export type OptimizerSteps = Record<OptimizerName, number[]>;

/** First and second moments as tensors named 'adam.generator.m.3', …. */
export function optimizerTensors(trainer: TimeGANTrainer): Tensors {
  return OPTIMIZER_NAMES.flatMap((name) => {
    const adam = trainer.optimizers[name];
    const state = adam.getState();
    return adam.parameters.flatMap((p, i) => [
      { name: `adam.${name}.m.${i}`, shape: [...p.shape], data: state.m[i] },
      { name: `adam.${name}.v.${i}`, shape: [...p.shape], data: state.v[i] },
    ]);
  });
}

export function optimizerSteps(trainer: TimeGANTrainer): OptimizerSteps {
  const steps = OPTIMIZER_NAMES.map((name) => [name, trainer.optimizers[name].getState().steps]);
  return Object.fromEntries(steps) as OptimizerSteps;
}

/** Restores all five optimizers from a model file's tensors and step counts. */
export function restoreOptimizers(trainer: TimeGANTrainer, steps: OptimizerSteps, byName: Map<string, Tensors[number]>): void {
  for (const name of OPTIMIZER_NAMES) {
    const adam = trainer.optimizers[name];
    const moment = (kind: 'm' | 'v', i: number): Float32Array => {
      const saved = byName.get(`adam.${name}.${kind}.${i}`);
      if (saved === undefined) throw new UserError(`the model file lacks the optimizer state adam.${name}.${kind}.${i}`);
      return saved.data;
    };
    if (steps?.[name] === undefined) throw new UserError(`the model file lacks the step counts of optimizer ${name}`);
    adam.setState({
      steps: [...steps[name]],
      m: adam.parameters.map((_, i) => moment('m', i)),
      v: adam.parameters.map((_, i) => moment('v', i)),
    });
  }
}
