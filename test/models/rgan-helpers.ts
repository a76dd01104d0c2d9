// Small, fast training data and configs for the recurrent-GAN tests.
import { loadBuiltinDataset, prepareDataset, type PreparedData } from '../../src/data/index.js';
import { Random } from '../../src/engine/random.js';
import type { DeepPartial } from '../../src/config.js';
import type { RGANConfig } from '../../src/models/rgan/config.js';

/** 200 sine sequences of 12 steps × 5 features. */
export async function smallSines(): Promise<PreparedData> {
  const source = await loadBuiltinDataset('sines', new Random(3), { count: 200, length: 12 });
  return prepareDataset(source, { seqLen: 12 });
}

/** A tiny network pair that trains in milliseconds per iteration. */
export const TINY: DeepPartial<RGANConfig> = {
  seed: 7,
  batchSize: 16,
  noise: { size: 3, sequenceSize: 2 },
  generator: { hidden: 6, layers: 1 },
  discriminator: { hidden: 6, layers: 1 },
};

/** All parameter values of a model, flattened, for bit-for-bit comparisons. */
export function weightsOf(gan: { namedParameters(): Array<[string, { data: ArrayLike<number> }]> }): number[] {
  return gan.namedParameters().flatMap(([, p]) => Array.from(p.data));
}
