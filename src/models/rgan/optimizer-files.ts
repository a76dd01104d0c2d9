// The trainer's optimizer state in a model file: moments as named tensors in weights.bin,
// step counts in model.json, so a checkpoint resumes bit for bit.
import type { ModelFiles } from '../../io/model-directory.js';
import type { Adam } from '../../nn/adam.js';
import { UserError } from '../../errors.js';
import type { RGANTrainer } from './trainer.js';

type Tensors = ModelFiles['tensors'];

/** Per optimizer, the step count of each of its parameters (for model.json). */
export interface OptimizerSteps {
  generator: number[];
  discriminator: number[];
}

function optimizers(trainer: RGANTrainer): Array<[keyof OptimizerSteps, Adam]> {
  return [
    ['generator', trainer.generatorOptimizer],
    ['discriminator', trainer.discriminatorOptimizer],
  ];
}

/** Adam's first and second moments as tensors named 'adam.generator.m.3', …. */
export function optimizerTensors(trainer: RGANTrainer): Tensors {
  return optimizers(trainer).flatMap(([name, adam]) => {
    const state = adam.getState();
    return adam.parameters.flatMap((p, i) => [
      { name: `adam.${name}.m.${i}`, shape: [...p.shape], data: state.m[i] },
      { name: `adam.${name}.v.${i}`, shape: [...p.shape], data: state.v[i] },
    ]);
  });
}

export function optimizerSteps(trainer: RGANTrainer): OptimizerSteps {
  const [[, g], [, d]] = optimizers(trainer);
  return { generator: g.getState().steps, discriminator: d.getState().steps };
}

/** Restores both optimizers from a model file's tensors and step counts. */
export function restoreOptimizer(trainer: RGANTrainer, steps: OptimizerSteps, byName: Map<string, Tensors[number]>): void {
  for (const [name, adam] of optimizers(trainer)) {
    const counts = steps?.[name];
    if (!Array.isArray(counts) || counts.length !== adam.parameters.length) {
      throw new UserError(`the model file's optimizer step counts for the ${name} do not match its parameters`);
    }
    const moment = (kind: 'm' | 'v', i: number): Float32Array => {
      const saved = byName.get(`adam.${name}.${kind}.${i}`);
      if (saved === undefined) throw new UserError(`the model file lacks the optimizer state adam.${name}.${kind}.${i}`);
      return saved.data;
    };
    adam.setState({
      steps: [...counts],
      m: adam.parameters.map((_, i) => moment('m', i)),
      v: adam.parameters.map((_, i) => moment('v', i)),
    });
  }
}
