// The recurrent GAN's mini-batches and noise, drawn from the explicit seeded generator.
import type { Engine } from '../../engine/engine.js';
import type { Random } from '../../engine/random.js';
import type { Tensor } from '../../engine/tensor.js';
import { gatherRows, sampleIndices, type TrainingData } from '../common/batches.js';

/** A batch of real windows x [B,T,F] and their conditions y [B,C] (if any). */
export function realBatch(engine: Engine, data: TrainingData, batchSize: number, rng: Random): { x: Tensor; y?: Tensor } {
  const indices = sampleIndices(data.count, batchSize, rng);
  const x = engine.tensor([indices.length, data.length, data.features], gatherRows(data.windows, data.length * data.features, indices));
  if (data.conditionValues === undefined || !data.conditionCount) return { x };
  return { x, y: engine.tensor([indices.length, data.conditionCount], gatherRows(data.conditionValues, data.conditionCount, indices)) };
}

/** What the generator's noise is made of. */
export interface NoiseSpec {
  /** Fresh values at every step. */
  size: number;
  /** Values drawn once per sequence and repeated at every step (a per-sequence latent). */
  sequenceSize: number;
  distribution: 'uniform' | 'normal';
}

/** Noise z [B, T, size + sequenceSize]: per-step values, then the per-sequence latent. */
export function noise(engine: Engine, batch: number, steps: number, spec: NoiseSpec, rng: Random): Tensor {
  const width = spec.size + spec.sequenceSize;
  const z = engine.tensor([batch, steps, width]);
  const data = z.data;
  const draw = spec.distribution === 'uniform' ? () => rng.uniform() : () => rng.normal();
  for (let b = 0; b < batch; b++) {
    const row = (b * steps) * width;
    for (let t = 0; t < steps; t++) for (let i = 0; i < spec.size; i++) data[row + t * width + i] = draw();
    for (let i = spec.size; i < width; i++) {
      const v = draw();
      for (let t = 0; t < steps; t++) data[row + t * width + i] = v;
    }
  }
  return z;
}
