// Sequence sets for the metric tests: TimeGAN's sines, uniform noise, and simple transforms.
import { generateSines } from '../../src/data/sines.js';
import { Random } from '../../src/engine/random.js';
import type { SequenceSet } from '../../src/metrics/index.js';

/** `count` sines sequences as TimeGAN makes them (spec §1.1): [count, length, features] in [0.5, 1]. */
export function sines(seed: number, count: number, length = 24, features = 5): SequenceSet {
  const data = Float32Array.from(generateSines(new Random(seed), { count, length, features }));
  return { data, count, length, features };
}

/** Independent U[0, 1) values. */
export function uniformNoise(seed: number, count: number, length = 24, features = 5): SequenceSet {
  const data = new Float32Array(count * length * features);
  new Random(seed).fillUniform(data);
  return { data, count, length, features };
}

/** Every value mapped through `f`. */
export function mapValues(set: SequenceSet, f: (v: number, index: number) => number): SequenceSet {
  return { ...set, data: set.data.map(f) };
}

/** The sequences from `start` to `end` (exclusive). */
export function range(set: SequenceSet, start: number, end: number): SequenceSet {
  const w = set.length * set.features;
  return { ...set, data: set.data.slice(start * w, end * w), count: end - start };
}
