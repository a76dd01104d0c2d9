// The synthetic "sines" dataset of TimeGAN (docs/TIMEGAN.md §1.1), from a seeded generator.
import type { Random } from '../engine/random.js';

/** Sizes of a sines dataset; the defaults are TimeGAN's. */
export interface SineOptions {
  /** N, sequences; default 10,000. */
  count?: number;
  /** T, steps per sequence; default 24. */
  length?: number;
  /** D, features; default 5. */
  features?: number;
}

/**
 * [count, length, features] values (sin(f·t + p) + 1) / 2 for t = 0 … T−1, with frequency f and
 * phase p drawn from U[0, 0.1) for each sequence and feature, in TimeGAN's order: sequence by
 * sequence, feature by feature, f before p. Every value lies in [0.5, 1].
 */
export function generateSines(rng: Random, options: SineOptions = {}): Float64Array {
  const { count = 10_000, length = 24, features = 5 } = options;
  const out = new Float64Array(count * length * features);
  for (let n = 0; n < count; n++) {
    for (let d = 0; d < features; d++) {
      const frequency = rng.uniformRange(0, 0.1);
      const phase = rng.uniformRange(0, 0.1);
      for (let t = 0; t < length; t++) {
        out[(n * length + t) * features + d] = (Math.sin(frequency * t + phase) + 1) / 2;
      }
    }
  }
  return out;
}
