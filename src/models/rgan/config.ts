// The recurrent GAN's configuration, declared once as a schema: every setting with its type,
// default, bounds, description and flag (src/config.ts). The defaults, the validation, the CLI's
// flags and model.json's "config" all come from RGAN_CONFIG.
import { z } from 'zod';
import { group, narrowed, resolveConfig, setting, type DeepPartial } from '../../config.js';
import { UserError } from '../../errors.js';
import { batchSize, cell, discriminatorSteps, features, hidden, layers, learningRate, seed, seqLen } from '../common/settings.js';

export { CELLS, type Cell } from '../common/settings.js';
export const LOSSES = ['bce', 'ls', 'hinge', 'wasserstein'] as const;
export type AdversarialLoss = (typeof LOSSES)[number];

/** Adam's β: below 1, where its bias correction would divide by zero. */
const beta = (flag: string, value: number, description: string) => setting(z.number().min(0).lt(1).default(value), { flag, description });

export const RGAN_CONFIG = z
  .strictObject({
    seqLen,
    features,
    conditions: setting(z.int().min(0).default(0), { description: 'length of the condition vector y (0: unconditional)', fromData: true }),
    noise: group({
      size: setting(z.int().min(0).default(8), { description: 'noise values drawn afresh at every step', flag: '--noise-size' }),
      sequenceSize: setting(z.int().min(0).default(8), { description: 'noise values drawn once per sequence', flag: '--sequence-noise-size' }),
      distribution: setting(z.enum(['uniform', 'normal']).default('uniform'), { description: 'noise distribution', flag: '--noise' }),
    }),
    generator: group({
      cell: narrowed(cell, { flag: '--g-cell', description: 'generator cell' }),
      hidden,
      layers,
      output: setting(z.enum(['sigmoid', 'tanh', 'linear']).default('sigmoid'), { description: "per-step output activation, matched to the data's scaling ([0, 1]: sigmoid)" }),
    }),
    discriminator: group({
      cell: narrowed(cell, { flag: '--d-cell', description: 'discriminator cell' }),
      hidden: narrowed(hidden, { flag: '--d-hidden', description: 'discriminator units per layer' }),
      layers: narrowed(layers, { flag: '--d-layers', description: 'discriminator layers' }),
      bidirectional: setting(z.boolean().default(false), { description: 'bidirectional discriminator', flag: '--bidirectional' }),
      readout: setting(z.enum(['mean', 'last']).default('mean'), { description: 'discriminator logit: one per step, averaged (mean), or one at the last step', flag: '--readout' }),
    }),
    loss: setting(z.enum(LOSSES).default('bce'), { description: 'adversarial loss', flag: '--loss' }),
    generatorLoss: setting(z.enum(['non-saturating', 'minimax']).default('non-saturating'), { description: 'generator loss: −log D(G(z)) or log(1 − D(G(z)))', flag: '--generator-loss' }),
    featureMatching: setting(z.boolean().default(false), { description: "generator matches the batch-mean of the discriminator's features (C-RNN-GAN)", flag: '--feature-matching' }),
    momentWeight: setting(z.number().min(0).default(0), { description: "weight of TimeGAN's moment loss in the generator objective (0: off)", flag: '--moment-weight' }),
    discriminatorSteps,
    labelSmoothing: setting(z.number().min(0).max(0.5).default(0), { description: 'one-sided label smoothing: real targets are 1 − p (bce only)', flag: '--label-smoothing' }),
    gradClip: setting(z.number().min(0).default(0), { description: 'global gradient-norm clipping of both networks (0: off)', flag: '--grad-clip' }),
    weightClip: setting(z.number().positive().default(0.01), { description: 'critic weight clipping bound for --loss wasserstein', flag: '--weight-clip' }),
    batchSize,
    optimizer: group({
      generatorLearningRate: narrowed(learningRate, { flag: '--lr-g', description: 'generator learning rate' }),
      discriminatorLearningRate: narrowed(learningRate, { flag: '--lr-d', description: 'discriminator learning rate' }),
      beta1: beta('--beta1', 0.9, 'Adam β1'),
      beta2: beta('--beta2', 0.999, 'Adam β2'),
    }),
    seed,
  })
  .superRefine((c, context) => {
    const problem = (path: string[], message: string): void => void context.addIssue({ code: 'custom', path, message });
    if (c.noise.size + c.noise.sequenceSize < 1) problem(['noise', 'size'], 'must be at least 1 when {noise.sequenceSize} is 0');
    // settings that only act with another one must not be given without it (they would be ignored)
    if (c.loss !== 'bce' && c.labelSmoothing > 0) problem(['labelSmoothing'], `applies to {loss} bce only, not ${c.loss}`);
    if (c.loss !== 'bce' && c.generatorLoss === 'minimax') problem(['generatorLoss'], `minimax applies to {loss} bce only, not ${c.loss}`);
    if (c.featureMatching && c.generatorLoss === 'minimax') problem(['generatorLoss'], 'must stay non-saturating with {featureMatching}, which replaces it');
  });

export type RGANConfig = z.output<typeof RGAN_CONFIG>;
export type NetworkConfig = Pick<RGANConfig['generator'], 'cell' | 'hidden' | 'layers'>;

export const DEFAULT_RGAN_CONFIG: RGANConfig = RGAN_CONFIG.parse({});

/** The defaults overlaid with `given`, validated; throws a UserError naming a bad setting by its key. */
export function resolveRGANConfig(given?: DeepPartial<RGANConfig>): RGANConfig {
  return resolveConfig(RGAN_CONFIG, given ?? {});
}

/** A saved config as this version reads it: older model files call discriminatorSteps "dSteps". */
export function upgradeSavedConfig(saved: Record<string, unknown>): Record<string, unknown> {
  if (!('dSteps' in saved)) return saved;
  if ('discriminatorSteps' in saved) throw new UserError('"config" holds both dSteps and discriminatorSteps');
  return Object.fromEntries(Object.entries(saved).map(([key, value]) => [key === 'dSteps' ? 'discriminatorSteps' : key, value]));
}
