// The recurrent GAN's configuration: every option with its default, and its validation.
import { UserError } from '../../errors.js';
import { checkChoice, checkInteger, checkNumber, mergeConfig, type DeepPartial } from '../../config.js';

export const CELLS = ['rnn', 'gru', 'lstm'] as const;
export const LOSSES = ['bce', 'ls', 'hinge', 'wasserstein'] as const;
export type Cell = (typeof CELLS)[number];
export type AdversarialLoss = (typeof LOSSES)[number];

export interface NetworkConfig {
  cell: Cell;
  hidden: number;
  layers: number;
}

export interface RGANConfig {
  /** Steps per generated sequence; `fit` sets it to the training windows' length. */
  seqLen: number;
  /** Features per step (after one-hot encoding); set from the data by `fit`. */
  features: number;
  /** Length of the condition vector y (0: unconditional); set from the data by `fit`. */
  conditions: number;
  /** Per-step noise values, a per-sequence latent repeated at every step, and their law. */
  noise: { size: number; sequenceSize: number; distribution: 'uniform' | 'normal' };
  generator: NetworkConfig & {
    /** Per-step output activation, matched to the data's scaling ([0, 1] → sigmoid). */
    output: 'sigmoid' | 'tanh' | 'linear';
  };
  discriminator: NetworkConfig & {
    bidirectional: boolean;
    /** 'mean': a logit per step, losses averaged over steps; 'last': one logit at the last step. */
    readout: 'mean' | 'last';
  };
  loss: AdversarialLoss;
  /** Generator loss: 'non-saturating' (−log D(G(z))) or 'minimax' (log(1 − D(G(z)))). */
  generatorLoss: 'non-saturating' | 'minimax';
  /** C-RNN-GAN feature matching: G matches the batch-mean of D's recurrent features on real data. */
  featureMatching: boolean;
  /** Weight of TimeGAN's moment loss in the generator's objective (0: off). */
  momentWeight: number;
  /** Discriminator steps per generator step. */
  dSteps: number;
  /** One-sided label smoothing: real targets are 1 − labelSmoothing (bce only). */
  labelSmoothing: number;
  /** Global-norm gradient clipping for both networks (0: off). */
  gradClip: number;
  /** Weight clipping bound for the Wasserstein critic. */
  weightClip: number;
  batchSize: number;
  optimizer: { generatorLearningRate: number; discriminatorLearningRate: number; beta1: number; beta2: number };
  seed: number;
}

export const DEFAULT_RGAN_CONFIG: RGANConfig = {
  seqLen: 24,
  features: 0,
  conditions: 0,
  noise: { size: 8, sequenceSize: 8, distribution: 'uniform' },
  generator: { cell: 'gru', hidden: 24, layers: 3, output: 'sigmoid' },
  discriminator: { cell: 'gru', hidden: 24, layers: 3, bidirectional: false, readout: 'mean' },
  loss: 'bce',
  generatorLoss: 'non-saturating',
  featureMatching: false,
  momentWeight: 0,
  dSteps: 1,
  labelSmoothing: 0,
  gradClip: 0,
  weightClip: 0.01,
  batchSize: 128,
  optimizer: { generatorLearningRate: 1e-3, discriminatorLearningRate: 1e-3, beta1: 0.9, beta2: 0.999 },
  seed: 0,
};

/** The defaults overlaid with `given`, validated; throws a UserError naming a bad option. */
export function resolveRGANConfig(given?: DeepPartial<RGANConfig>): RGANConfig {
  const c = mergeConfig(DEFAULT_RGAN_CONFIG, given);
  checkInteger('seqLen', c.seqLen);
  checkInteger('features', c.features, 0);
  checkInteger('conditions', c.conditions, 0);
  checkInteger('noise.size', c.noise.size, 0);
  checkInteger('noise.sequenceSize', c.noise.sequenceSize, 0);
  if (c.noise.size + c.noise.sequenceSize < 1) throw new UserError('noise.size + noise.sequenceSize must be at least 1');
  checkChoice('noise.distribution', c.noise.distribution, ['uniform', 'normal']);
  for (const [name, net] of [['generator', c.generator], ['discriminator', c.discriminator]] as const) {
    checkChoice(`${name}.cell`, net.cell, CELLS);
    checkInteger(`${name}.hidden`, net.hidden);
    checkInteger(`${name}.layers`, net.layers);
  }
  checkChoice('generator.output', c.generator.output, ['sigmoid', 'tanh', 'linear']);
  checkChoice('discriminator.readout', c.discriminator.readout, ['mean', 'last']);
  checkChoice('loss', c.loss, LOSSES);
  checkChoice('generatorLoss', c.generatorLoss, ['non-saturating', 'minimax']);
  checkNumber('momentWeight', c.momentWeight, 0);
  checkInteger('dSteps', c.dSteps);
  checkNumber('labelSmoothing', c.labelSmoothing, 0, 0.5);
  checkNumber('gradClip', c.gradClip, 0);
  checkNumber('weightClip', c.weightClip, 0);
  checkInteger('batchSize', c.batchSize);
  checkNumber('optimizer.generatorLearningRate', c.optimizer.generatorLearningRate, 0);
  checkNumber('optimizer.discriminatorLearningRate', c.optimizer.discriminatorLearningRate, 0);
  checkNumber('optimizer.beta1', c.optimizer.beta1, 0, 0.999999); // β = 1 divides by zero in Adam
  checkNumber('optimizer.beta2', c.optimizer.beta2, 0, 0.999999);
  rejectIgnoredOptions(c);
  checkInteger('seed', c.seed, 0);
  return c;
}

/** Options that only act with another one must not be given without it (they would be ignored). */
function rejectIgnoredOptions(c: RGANConfig): void {
  if (c.loss !== 'bce' && c.labelSmoothing > 0) throw new UserError(`labelSmoothing applies to loss bce only, not ${c.loss}`);
  if (c.loss !== 'bce' && c.generatorLoss === 'minimax') throw new UserError(`generatorLoss minimax applies to loss bce only, not ${c.loss}`);
  if (c.featureMatching && c.generatorLoss === 'minimax') throw new UserError('featureMatching replaces the generator loss: leave generatorLoss at non-saturating');
}
