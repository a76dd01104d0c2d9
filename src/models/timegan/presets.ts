// TimeGAN configurations per benchmark dataset, each setting kept for a measured gain (the
// measurements: BENCHMARKS.md, "How the TimeGAN presets were chosen"); a dataset without one
// trains with the reference's defaults (docs/TIMEGAN.md §7).
import type { DeepPartial } from '../../config.js';
import type { TimeGANConfig } from './config.js';

/** Config overrides by dataset name ('sines', 'stocks', 'energy'); add one once measured. */
export const TIMEGAN_PRESETS: Readonly<Record<string, DeepPartial<TimeGANConfig>>> = {
  stocks: {
    averageDecay: 0.999, // discriminative .257 → .171 at seed 0
    learningRateDecay: 'linear', // with the start below: lower discriminative at 4 seeds, predictive unchanged
    learningRateDecayStart: 0.5,
    incrementMomentWeight: 1, // the generated volume moved 8× less per step than the real one: mean discriminative .188 → .160
    discriminatorSteps: 3, // mean discriminative .160 → .134, predictive .0376, for ≈ 1.5× the joint phase's time
  },
  sines: {
    averageDecay: 0.999, // discriminative .351 → .250, predictive .137 → .121
  },
  energy: {
    averageDecay: 0.999, // predictive .2990 → .2704 (discriminative stays at .500)
  },
};

/** The overrides for `dataset` (a copy), or none: the reference's defaults. */
export function fidelityPreset(dataset: string): DeepPartial<TimeGANConfig> {
  return { ...(TIMEGAN_PRESETS[dataset] ?? {}) };
}
