// TimeGAN configurations per benchmark dataset, each kept for a measured gain; a dataset without
// one trains with the reference's defaults (DEFAULT_TIMEGAN_CONFIG, spec §7).
import type { DeepPartial } from '../../config.js';
import type { TimeGANConfig } from './config.js';

/** Config overrides by dataset name ('sines', 'stocks', 'energy'); add one once measured. */
export const TIMEGAN_PRESETS: Readonly<Record<string, DeepPartial<TimeGANConfig>>> = {
  // Sampling from a moving average of the weights: at 5,000 iterations per phase, seed 0, the
  // same training run scored discriminative .257 ± .075 → .171 ± .090 and predictive
  // .0430 ± .0003 → .0403 ± .0002 (10 repeats each; BENCHMARKS.md). Then the joint phase's
  // learning rate held for its first half and decayed linearly to 0 over the second: at seeds
  // 0, 1, 2, 4 discriminative .171/.213/.224/.264 → .148/.154/.209/.258, predictive within ±.001.
  // Then the moment loss on increments (the generated volume moved 8× less per step than the
  // real one): at seeds 0–4 discriminative .148/.154/.209/.170/.258 → .140/.172/.125/.198/.165
  // (mean .188 → .160), predictive .0405/.0397/.0382/.0471/.0393 → .0387/.0384/.0382/.0384/.0379.
  // Then three discriminator steps per joint iteration (≈ 1.5× the joint phase's time): at seeds
  // 0–4 discriminative → .100/.154/.127/.128/.164 (mean .134), predictive → .0385/.0374/.0379/
  // .0373/.0369 (mean .0376).
  stocks: { averageDecay: 0.999, learningRateDecay: 'linear', learningRateDecayStart: 0.5, incrementMomentWeight: 1, discriminatorSteps: 3 },
  // Sines, 5,000 iterations per phase, seed 0: discriminative .351 ± .158 → .250 ± .049,
  // predictive .137 ± .028 → .121 ± .005. (The learning-rate decay and the increment moments gave
  // no gain beyond the spread here; BENCHMARKS.md.)
  sines: { averageDecay: 0.999 },
  // At 2,000 iterations per phase, seed 0: predictive .2990 ± .0047 → .2704 ± .0023; the
  // discriminative score stayed at .500 (MMD² rose from .012 to .038). The increment moments made
  // the predictive score worse (.2704 → .3175).
  energy: { averageDecay: 0.999 },
};

/** The overrides for `dataset` (a copy), or none: the reference's defaults. */
export function fidelityPreset(dataset: string): DeepPartial<TimeGANConfig> {
  return { ...(TIMEGAN_PRESETS[dataset] ?? {}) };
}
