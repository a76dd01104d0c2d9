// Mini-batches and noise as TimeGAN draws them (docs/TIMEGAN.md §2): the first B of a fresh
// permutation (no repeats within a batch, batches independent), and U[0,1) noise per step.
import type { Random } from '../../engine/random.js';
import { gatherRows, sampleIndices, type TrainingData } from '../common/batches.js';

/** Real windows X, copied out of the data so that two steps can share them. */
export interface Windows {
  /** [B, T, D] */
  x: Float32Array;
  shape: [number, number, number];
}

/** Real windows X and noise Z ~ U[0,1) of the same shape (z_dim = D). */
export interface Batch extends Windows {
  z: Float32Array;
}

/** B windows of `data` drawn without repetition. */
export function sampleWindows(data: TrainingData, batchSize: number, rng: Random): Windows {
  const indices = sampleIndices(data.count, batchSize, rng);
  return { x: gatherRows(data.windows, data.length * data.features, indices), shape: [indices.length, data.length, data.features] };
}

/** `size` values of U[0, 1). */
export function uniformNoise(size: number, rng: Random): Float32Array {
  const z = new Float32Array(size);
  rng.fillUniform(z);
  return z;
}

/** Windows, then noise, in the reference's order of draws. */
export function sampleBatch(data: TrainingData, batchSize: number, rng: Random): Batch {
  const windows = sampleWindows(data, batchSize, rng);
  return { ...windows, z: uniformNoise(windows.x.length, rng) };
}
