// The flags that configure a recurrent GAN, parsed straight into its typed config
// (src/models/rgan/config.ts holds the defaults; a flag left out keeps its default).
import type { Command } from 'commander';
import { withoutUndefined, type DeepPartial } from '../config.js';
import { UserError } from '../errors.js';
import type { SequenceModel } from '../models/registry.js';
import { RecurrentGAN } from '../models/rgan/model.js';
import { TimeGAN } from '../models/timegan/model.js';
import { LEARNING_RATE_DECAYS, type TimeGANConfig } from '../models/timegan/config.js';
import { fidelityPreset, TIMEGAN_PRESETS } from '../models/timegan/presets.js';
import { CELLS, DEFAULT_RGAN_CONFIG, LOSSES, type RGANConfig } from '../models/rgan/config.js';
import { choice, fractionBelowOne, nonNegativeInteger, nonNegativeNumber, positiveInteger, positiveNumber, probability, seed } from './flags.js';

export interface ModelFlags {
  cell?: RGANConfig['generator']['cell'];
  gCell?: RGANConfig['generator']['cell'];
  dCell?: RGANConfig['generator']['cell'];
  hidden?: number;
  layers?: number;
  dHidden?: number;
  dLayers?: number;
  bidirectional?: boolean;
  readout?: RGANConfig['discriminator']['readout'];
  noiseSize?: number;
  sequenceNoiseSize?: number;
  momentWeight?: number;
  averageDecay?: number;
  lrDecay?: TimeGANConfig['learningRateDecay'];
  lrDecayStart?: number;
  incrementMoments?: number;
  preset?: string;
  noise?: RGANConfig['noise']['distribution'];
  batch?: number;
  loss?: RGANConfig['loss'];
  generatorLoss?: RGANConfig['generatorLoss'];
  featureMatching?: boolean;
  dSteps?: number;
  labelSmoothing?: number;
  gradClip?: number;
  weightClip?: number;
  lr?: number;
  lrG?: number;
  lrD?: number;
  beta1?: number;
  beta2?: number;
  seed: number;
}

const d = DEFAULT_RGAN_CONFIG;

/** The option keys addModelFlags defines, plus --model (a checkpoint keeps all of them). */
export const MODEL_FLAG_KEYS: readonly string[] = [
  'model', 'cell', 'gCell', 'dCell', 'hidden', 'layers', 'dHidden', 'dLayers', 'bidirectional', 'readout', 'noiseSize',
  'sequenceNoiseSize', 'momentWeight', 'averageDecay', 'lrDecay', 'lrDecayStart', 'incrementMoments', 'preset', 'noise', 'batch', 'loss', 'generatorLoss', 'featureMatching', 'dSteps',
  'labelSmoothing', 'gradClip', 'weightClip', 'lr', 'lrG', 'lrD', 'beta1', 'beta2', 'seed',
];

/** Adds the model's flags to `command`. */
export function addModelFlags(command: Command): Command {
  return command
    .option('--cell <cell>', `recurrent cell of both networks (${CELLS.join(', ')}; default ${d.generator.cell})`, choice('--cell', CELLS))
    .option('--g-cell <cell>', 'generator cell (overrides --cell)', choice('--g-cell', CELLS))
    .option('--d-cell <cell>', 'discriminator cell (overrides --cell)', choice('--d-cell', CELLS))
    .option('--hidden <n>', `units per layer (default ${d.generator.hidden})`, positiveInteger('--hidden'))
    .option('--layers <n>', `stacked layers (default ${d.generator.layers})`, positiveInteger('--layers'))
    .option('--d-hidden <n>', 'discriminator units per layer (overrides --hidden)', positiveInteger('--d-hidden'))
    .option('--d-layers <n>', 'discriminator layers (overrides --layers)', positiveInteger('--d-layers'))
    .option('--bidirectional', 'bidirectional discriminator')
    .option('--readout <mode>', 'discriminator logit: mean (one per step, averaged) or last', choice('--readout', ['mean', 'last'] as const))
    .option('--noise-size <n>', `noise values per step (default ${d.noise.size})`, positiveInteger('--noise-size'))
    .option('--sequence-noise-size <n>', `noise values drawn once per sequence (default ${d.noise.sequenceSize})`, nonNegativeInteger('--sequence-noise-size'))
    .option('--moment-weight <w>', 'weight of TimeGAN\'s moment loss in the generator objective (0: off)', nonNegativeNumber('--moment-weight'))
    .option('--average-decay <d>', 'timegan: sample with a moving average of the weights (e.g. 0.999)', fractionBelowOne('--average-decay'))
    .option('--lr-decay <schedule>', `timegan: learning-rate decay over the joint phase (${LEARNING_RATE_DECAYS.join(', ')}; default none)`, choice('--lr-decay', LEARNING_RATE_DECAYS))
    .option('--lr-decay-start <share>', 'timegan: share of the joint phase at the full rate before --lr-decay begins (e.g. 0.5)', fractionBelowOne('--lr-decay-start'))
    .option('--increment-moments <w>', 'timegan: weight of a moment loss on step-to-step increments, which asks for the data\'s volatility (0: off)', nonNegativeNumber('--increment-moments'))
    .option('--preset <dataset>', `timegan: start from the configuration measured best on a benchmark dataset (${Object.keys(TIMEGAN_PRESETS).join(', ')}); other flags override it`, choice('--preset', Object.keys(TIMEGAN_PRESETS)))
    .option('--noise <distribution>', 'noise distribution: uniform or normal', choice('--noise', ['uniform', 'normal'] as const))
    .option('--batch <n>', `batch size (default ${d.batchSize})`, positiveInteger('--batch'))
    .option('--loss <loss>', `adversarial loss: ${LOSSES.join(', ')} (default ${d.loss})`, choice('--loss', LOSSES))
    .option('--generator-loss <kind>', 'non-saturating or minimax', choice('--generator-loss', ['non-saturating', 'minimax'] as const))
    .option('--feature-matching', 'generator matches discriminator features (C-RNN-GAN)')
    .option('--d-steps <n>', 'discriminator steps per iteration (rgan: per generator step; timegan: per joint iteration)', positiveInteger('--d-steps'))
    .option('--label-smoothing <p>', 'one-sided label smoothing for real targets', probability('--label-smoothing'))
    .option('--grad-clip <norm>', 'global gradient-norm clipping (0: off)', nonNegativeNumber('--grad-clip'))
    .option('--weight-clip <c>', 'critic weight clipping for --loss wasserstein', positiveNumber('--weight-clip'))
    .option('--lr <rate>', 'learning rate of both networks', positiveNumber('--lr'))
    .option('--lr-g <rate>', 'generator learning rate (overrides --lr)', positiveNumber('--lr-g'))
    .option('--lr-d <rate>', 'discriminator learning rate (overrides --lr)', positiveNumber('--lr-d'))
    .option('--beta1 <b>', 'Adam β1', probability('--beta1'))
    .option('--beta2 <b>', 'Adam β2', probability('--beta2'))
    .option('--seed <n>', 'random seed below 2^32: the same seed and data give the same model', seed('--seed'), 0);
}

/** Flags that only TimeGAN has. */
const TIMEGAN_ONLY: Array<[keyof ModelFlags, string]> = [
  ['averageDecay', '--average-decay'], ['lrDecay', '--lr-decay'], ['lrDecayStart', '--lr-decay-start'], ['incrementMoments', '--increment-moments'],
  ['preset', '--preset'],
];

/** The partial config the flags give (fields left undefined keep their defaults). */
export function configFromFlags(f: ModelFlags, seqLen: number): DeepPartial<RGANConfig> {
  rejectFlags(f, TIMEGAN_ONLY, 'timegan');
  return {
    seqLen,
    seed: f.seed,
    batchSize: f.batch,
    noise: { size: f.noiseSize, sequenceSize: f.sequenceNoiseSize, distribution: f.noise },
    momentWeight: f.momentWeight,
    generator: { cell: f.gCell ?? f.cell, hidden: f.hidden, layers: f.layers },
    discriminator: { cell: f.dCell ?? f.cell, hidden: f.dHidden ?? f.hidden, layers: f.dLayers ?? f.layers, bidirectional: f.bidirectional, readout: f.readout },
    loss: f.loss,
    generatorLoss: f.generatorLoss,
    featureMatching: f.featureMatching,
    dSteps: f.dSteps,
    labelSmoothing: f.labelSmoothing,
    gradClip: f.gradClip,
    weightClip: f.weightClip,
    optimizer: { generatorLearningRate: f.lrG ?? f.lr, discriminatorLearningRate: f.lrD ?? f.lr, beta1: f.beta1, beta2: f.beta2 },
  };
}

/** Flags that only the recurrent GAN has (TimeGAN's schedule and losses are fixed by its paper). */
const RGAN_ONLY: Array<[keyof ModelFlags, string]> = [
  ['gCell', '--g-cell'], ['dCell', '--d-cell'], ['dHidden', '--d-hidden'], ['dLayers', '--d-layers'],
  ['bidirectional', '--bidirectional'], ['readout', '--readout'], ['noiseSize', '--noise-size'], ['noise', '--noise'],
  ['sequenceNoiseSize', '--sequence-noise-size'], ['momentWeight', '--moment-weight'],
  ['loss', '--loss'], ['generatorLoss', '--generator-loss'], ['featureMatching', '--feature-matching'],
  ['labelSmoothing', '--label-smoothing'], ['gradClip', '--grad-clip'], ['weightClip', '--weight-clip'],
  ['lrG', '--lr-g'], ['lrD', '--lr-d'], ['beta1', '--beta1'], ['beta2', '--beta2'],
];

/** TimeGAN's config from the shared flags; an rgan-only flag is a UserError, not silently ignored. */
export function timeganConfigFromFlags(f: ModelFlags, seqLen: number): DeepPartial<TimeGANConfig> {
  rejectFlags(f, RGAN_ONLY, 'rgan');
  const fromFlags: DeepPartial<TimeGANConfig> = {
    seqLen,
    seed: f.seed,
    cell: f.cell,
    hidden: f.hidden,
    layers: f.layers,
    batchSize: f.batch,
    learningRate: f.lr,
    averageDecay: f.averageDecay,
    learningRateDecay: f.lrDecay,
    learningRateDecayStart: f.lrDecayStart,
    incrementMomentWeight: f.incrementMoments,
    discriminatorSteps: f.dSteps,
  };
  // the preset fills in only what the flags leave out
  return f.preset === undefined ? fromFlags : { ...fidelityPreset(f.preset), ...withoutUndefined(fromFlags) };
}

/** Throws a UserError for the first of `flags` that was given: they belong to the other model. */
function rejectFlags(f: ModelFlags, flags: ReadonlyArray<[keyof ModelFlags, string]>, onlyModel: string): void {
  for (const [key, flag] of flags) {
    if (f[key] !== undefined) throw new UserError(`applies to --model ${onlyModel} only`, { flag });
  }
}

/** A new model of `kind` configured by the flags. */
export function createModelFromFlags(kind: string, f: ModelFlags, seqLen: number): SequenceModel {
  return kind === TimeGAN.kind ? new TimeGAN(timeganConfigFromFlags(f, seqLen)) : new RecurrentGAN(configFromFlags(f, seqLen));
}
