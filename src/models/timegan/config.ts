// TimeGAN's configuration: every option with its default (the paper's code, docs/TIMEGAN.md §7),
// and its validation. Unknown keys are rejected by mergeConfig.
import { checkChoice, checkInteger, checkNumber, mergeConfig, type DeepPartial } from '../../config.js';
import { CELLS, type Cell } from '../rgan/config.js';

export interface TimeGANConfig {
  /** Steps per sequence, T; set from the data by `fit`. */
  seqLen: number;
  /** Features per step, D; set from the data by `fit`. The noise has the same width (z_dim = D). */
  features: number;
  /** Recurrent cell of all five networks (the reference offers gru, lstm, lstmLN; rnn is ours). */
  cell: Cell;
  /** Units per recurrent layer and width of the latent space, H. */
  hidden: number;
  /**
   * Recurrent layers per network, L. The supervisor has L − 1; with L = 1 (where the reference
   * fails) it keeps one layer, so that it still sees the past when it predicts the next latent.
   */
  layers: number;
  batchSize: number;
  /** Weight γ of the adversarial terms on the generator's raw latent Ê (in D_loss and G_loss). */
  gamma: number;
  /** The joint phase updates the discriminator only while its loss exceeds this. */
  discriminatorThreshold: number;
  /**
   * Discriminator steps per joint iteration, each on a fresh batch and each taken only if its
   * loss exceeds the threshold (the reference: 1). Not in the paper.
   */
  discriminatorSteps: number;
  /** Adam's learning rate for all five optimizers (β1 0.9, β2 0.999, ε 1e-8, TF1's defaults). */
  learningRate: number;
  /**
   * Sample with an exponential moving average of the generator, supervisor and recovery weights
   * over the joint phase, with this decay (0: off, the reference's behaviour). Not in the paper.
   */
  averageDecay: number;
  /**
   * How the learning rate of the joint phase's optimizers (generator, embedder, discriminator)
   * moves over that phase: 'none' keeps `learningRate` (the reference), 'linear' and 'cosine'
   * take it from `learningRate` down to 0 at the phase's end. Not in the paper.
   */
  learningRateDecay: LearningRateDecay;
  /**
   * Share of the joint phase run at the full rate before the decay begins: 0 decays throughout,
   * 0.5 holds the first half and decays over the second (CycleGAN's schedule).
   */
  learningRateDecayStart: number;
  /**
   * Weight of a second moment loss on the step-to-step increments x[t+1] − x[t] (their mean and
   * standard deviation over the batch, per step and feature, as V does for the values), added to V
   * in G_loss. It asks the generator for the data's volatility, which V alone does not constrain
   * (0: off, the reference). Not in the paper.
   */
  incrementMomentWeight: number;
  seed: number;
}

export const LEARNING_RATE_DECAYS = ['none', 'linear', 'cosine'] as const;
export type LearningRateDecay = (typeof LEARNING_RATE_DECAYS)[number];

export const DEFAULT_TIMEGAN_CONFIG: TimeGANConfig = {
  seqLen: 24,
  features: 0,
  cell: 'gru',
  hidden: 24,
  layers: 3,
  batchSize: 128,
  gamma: 1,
  discriminatorThreshold: 0.15,
  discriminatorSteps: 1,
  learningRate: 1e-3,
  averageDecay: 0,
  learningRateDecay: 'none',
  learningRateDecayStart: 0,
  incrementMomentWeight: 0,
  seed: 0,
};

/** The defaults overlaid with `given`, validated; throws a UserError naming a bad option. */
export function resolveTimeGANConfig(given?: DeepPartial<TimeGANConfig>): TimeGANConfig {
  const c = mergeConfig(DEFAULT_TIMEGAN_CONFIG, given);
  checkInteger('seqLen', c.seqLen, 2); // the supervised loss pairs step t with step t + 1
  checkInteger('features', c.features, 0);
  checkChoice('cell', c.cell, CELLS);
  checkInteger('hidden', c.hidden);
  checkInteger('layers', c.layers);
  checkInteger('batchSize', c.batchSize);
  checkNumber('gamma', c.gamma, 0);
  checkNumber('discriminatorThreshold', c.discriminatorThreshold, -Infinity);
  checkInteger('discriminatorSteps', c.discriminatorSteps);
  checkNumber('learningRate', c.learningRate, 0);
  checkNumber('averageDecay', c.averageDecay, 0, 0.99999);
  checkChoice('learningRateDecay', c.learningRateDecay, LEARNING_RATE_DECAYS);
  checkNumber('learningRateDecayStart', c.learningRateDecayStart, 0, 0.999);
  checkNumber('incrementMomentWeight', c.incrementMomentWeight, 0);
  checkInteger('seed', c.seed, 0);
  return c;
}

/** Recurrent layers of the supervisor: L − 1, but at least one. */
export function supervisorLayers(config: TimeGANConfig): number {
  return Math.max(1, config.layers - 1);
}
