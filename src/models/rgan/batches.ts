// Mini-batches and noise for training and sampling, drawn from the explicit seeded generator.
import type { Engine } from '../../engine/engine.js';
import type { Random } from '../../engine/random.js';
import type { Tensor } from '../../engine/tensor.js';

/** Training windows as the model sees them: scaled values and encoded conditions. */
export interface TrainingData {
  /** [count, length, features], scaled to the generator's output range. */
  windows: Float32Array;
  count: number;
  length: number;
  features: number;
  /** [count, conditionCount] encoded condition vectors (one per window), if conditional. */
  conditionValues?: Float32Array;
  conditionCount?: number;
}

/** `size` distinct indices in [0, n), uniformly (Floyd's algorithm: O(size), no repeats). */
export function sampleIndices(n: number, size: number, rng: Random): number[] {
  if (size >= n) return Array.from(rng.permutation(n));
  const chosen = new Set<number>();
  const order: number[] = [];
  for (let j = n - size; j < n; j++) {
    const t = rng.int(j + 1);
    const pick = chosen.has(t) ? j : t;
    chosen.add(pick);
    order.push(pick);
  }
  return order;
}

/** A batch of real windows x [B,T,F] and their conditions y [B,C] (if any). */
export function realBatch(engine: Engine, data: TrainingData, batchSize: number, rng: Random): { x: Tensor; y?: Tensor } {
  const indices = sampleIndices(data.count, batchSize, rng);
  const b = indices.length;
  const step = data.length * data.features;
  const x = engine.tensor([b, data.length, data.features]);
  const xs = x.data;
  indices.forEach((w, i) => xs.set(data.windows.subarray(w * step, (w + 1) * step), i * step));
  if (data.conditionValues === undefined || !data.conditionCount) return { x };
  const c = data.conditionCount;
  const y = engine.tensor([b, c]);
  const ys = y.data;
  indices.forEach((w, i) => ys.set(data.conditionValues!.subarray(w * c, (w + 1) * c), i * c));
  return { x, y };
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
