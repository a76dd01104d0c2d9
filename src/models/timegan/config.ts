// TimeGAN's configuration, declared once as a schema (src/config.ts): every setting with its
// type, default (the paper's code, docs/TIMEGAN.md §7), bounds, description and flag.
import { z } from 'zod';
import { resolveConfig, setting, SETTINGS, type DeepPartial } from '../../config.js';
import { batchSize, cell, discriminatorSteps, features, hidden, layers, learningRate, seed, seqLen } from '../common/settings.js';

export const LEARNING_RATE_DECAYS = ['none', 'linear', 'cosine'] as const;
export type LearningRateDecay = (typeof LEARNING_RATE_DECAYS)[number];

export const TIMEGAN_CONFIG = z.strictObject({
  // the supervised loss pairs step t with step t + 1
  seqLen: setting(z.int().min(2).default(24), { ...SETTINGS.get(seqLen)!, description: 'steps per sequence, T (at least 2)' }),
  // the noise has the same width as the data (z_dim = D)
  features,
  // the reference offers gru, lstm and lstmLN; rnn is ours
  cell,
  // also the width of the latent space, H
  hidden,
  // with L = 1 (where the reference fails) the supervisor keeps one layer: see supervisorLayers
  layers,
  batchSize,
  gamma: setting(z.number().min(0).default(1), { description: "weight γ of the adversarial terms on the generator's raw latent Ê" }),
  discriminatorThreshold: setting(z.number().default(0.15), { description: 'the joint phase updates the discriminator only while its loss exceeds this' }),
  // each on a fresh batch, each taken only if its loss exceeds the threshold; not in the paper
  discriminatorSteps,
  // β1 0.9, β2 0.999, ε 1e-8 (TF1's defaults) for all five optimizers
  learningRate,
  // not in the paper; 0 is the reference's behaviour
  averageDecay: setting(z.number().min(0).lt(1).default(0), {
    description: 'sample with a moving average of the sampling networks over the joint phase, with this decay (e.g. 0.999; 0: off)',
    flag: '--average-decay',
  }),
  // 'linear' and 'cosine' take the joint phase's optimizers (G, E, D) from learningRate to 0; not in the paper
  learningRateDecay: setting(z.enum(LEARNING_RATE_DECAYS).default('none'), { description: 'learning-rate decay over the joint phase', flag: '--lr-decay' }),
  // 0.5 holds the first half and decays over the second (CycleGAN's schedule)
  learningRateDecayStart: setting(z.number().min(0).lt(1).default(0), {
    description: 'share of the joint phase at the full rate before the decay begins',
    flag: '--lr-decay-start',
  }),
  // V on the increments x[t+1] − x[t], added to V in G_loss: asks for the data's volatility, which V
  // alone does not constrain; not in the paper
  incrementMomentWeight: setting(z.number().min(0).default(0), {
    description: "weight of a moment loss on step-to-step increments, which asks for the data's volatility (0: off)",
    flag: '--increment-moments',
  }),
  seed,
});

export type TimeGANConfig = z.output<typeof TIMEGAN_CONFIG>;

export const DEFAULT_TIMEGAN_CONFIG: TimeGANConfig = TIMEGAN_CONFIG.parse({});

/** The defaults overlaid with `given`, validated; throws a UserError naming a bad setting by its key. */
export function resolveTimeGANConfig(given?: DeepPartial<TimeGANConfig>): TimeGANConfig {
  return resolveConfig(TIMEGAN_CONFIG, given ?? {});
}

/** Recurrent layers of the supervisor: L − 1, but at least one. */
export function supervisorLayers(config: TimeGANConfig): number {
  return Math.max(1, config.layers - 1);
}
