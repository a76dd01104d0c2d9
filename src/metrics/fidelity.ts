// Every fidelity metric of a synthetic set against the real one, in one call: TimeGAN's two
// post-hoc scores (repeated, mean ± std), MMD², marginal, autocorrelation and correlation
// distances, memorisation, and the PCA / t-SNE embeddings for plots.
import { withoutUndefined } from '../config.js';
import { Random } from '../engine/random.js';
import { UserError } from '../errors.js';
import { autocorrelationDistance, type AutocorrelationComparison } from './autocorrelation.js';
import { correlationDistance, type CorrelationComparison } from './correlation.js';
import { discriminativeScore } from './discriminative.js';
import { marginalDistances, type MarginalDistances } from './marginals.js';
import { memorisation, type MemorisationResult } from './memorisation.js';
import { maximumMeanDiscrepancy, type MmdResult } from './mmd.js';
import { predictiveScore } from './predictive.js';
import { repeatScore, type RepeatedScore } from './repeat-score.js';
import { checkComparable, type SequenceSet } from './sequence-set.js';
import { visualisation, type Visualisation } from './visualisation.js';

export interface FidelityOptions {
  /** Runs of each post-hoc score; default 10 (TimeGAN's metric_iteration); 0 skips both. */
  repeats?: number;
  /** Adam steps of the discriminative score; default 2,000 (spec §3). */
  discriminativeIterations?: number;
  /** Adam steps of the predictive score; default 5,000 (spec §4). */
  predictiveIterations?: number;
  /** Real sequences the model did not train on, for the memorisation baseline (else leave-one-out). */
  heldOut?: SequenceSet;
  /** 'pca' skips t-SNE (the slow part), false skips both; default 'pca+tsne'. */
  visualisation?: 'pca+tsne' | 'pca' | false;
  /** Seed of everything; default 0. */
  seed?: number;
}

/** The defaults, in one place (heldOut has none: leave-one-out is used without it). */
export const FIDELITY_DEFAULTS = {
  repeats: 10,
  discriminativeIterations: 2000,
  predictiveIterations: 5000,
  visualisation: 'pca+tsne',
  seed: 0,
} as const satisfies Omit<Required<FidelityOptions>, 'heldOut'>;

export interface FidelityResult {
  /** |accuracy − 0.5| of a post-hoc classifier (0 best); null when repeats = 0. */
  discriminative: RepeatedScore | null;
  /** MAE of a predictor trained on synthetic, tested on real (lower better); null when repeats = 0, D < 2 or T < 2. */
  predictive: RepeatedScore | null;
  mmd: MmdResult;
  marginals: MarginalDistances;
  autocorrelation: AutocorrelationComparison;
  correlation: CorrelationComparison;
  memorisation: MemorisationResult;
  visualisation: Visualisation | null;
}

/**
 * `real` is the training data (the memorisation check compares against it). Each metric gets
 * its own seed drawn from `seed`; repeat k of a post-hoc score gets that seed + k.
 *
 * @example
 * const f = evaluateFidelity(real, synthetic, { repeats: 10, seed: 1 });
 * console.log(fidelitySummary(f)); // { discriminative: 0.08, discriminativeStd: 0.01, … }
 */
export function evaluateFidelity(real: SequenceSet, synthetic: SequenceSet, options: FidelityOptions = {}): FidelityResult {
  checkComparable(real, synthetic, 2);
  for (const key of Object.keys(options)) {
    if (!(key in FIDELITY_DEFAULTS) && key !== 'heldOut') throw new UserError(`evaluateFidelity: unknown option "${key}"`);
  }
  const { repeats, seed, visualisation: plots, ...o } = { ...FIDELITY_DEFAULTS, ...withoutUndefined(options) };
  const rng = new Random(seed);
  const seeds = Array.from({ length: 5 }, () => rng.nextUint32());
  const canPredict = real.features >= 2 && real.length >= 2;
  return {
    discriminative: repeats === 0 ? null
      : repeatScore((k) => discriminativeScore(real, synthetic, { iterations: o.discriminativeIterations, seed: seeds[0] + k }), repeats),
    predictive: repeats === 0 || !canPredict ? null
      : repeatScore((k) => predictiveScore(real, synthetic, { iterations: o.predictiveIterations, seed: seeds[1] + k }), repeats),
    mmd: maximumMeanDiscrepancy(real, synthetic, { seed: seeds[2] }),
    marginals: marginalDistances(real, synthetic),
    autocorrelation: autocorrelationDistance(real, synthetic),
    correlation: correlationDistance(real, synthetic),
    memorisation: memorisation(real, synthetic, { heldOut: o.heldOut, seed: seeds[3] }),
    visualisation: plots === false ? null
      : visualisation(real, synthetic, { seed: seeds[4], tsne: plots === 'pca' ? false : {} }),
  };
}

/** The headline numbers of a result, flat, for a table or JSON line (NaN where not computed). */
export function fidelitySummary(f: FidelityResult): Record<string, number> {
  return {
    discriminative: f.discriminative?.mean ?? NaN,
    discriminativeStd: f.discriminative?.std ?? NaN,
    predictive: f.predictive?.mean ?? NaN,
    predictiveStd: f.predictive?.std ?? NaN,
    mmd2: f.mmd.mmd2,
    wasserstein: f.marginals.meanWasserstein,
    kolmogorovSmirnov: f.marginals.meanKolmogorovSmirnov,
    autocorrelation: f.autocorrelation.distance,
    correlation: f.correlation.distance,
    memorisationCloserShare: f.memorisation.closerShare,
    memorisationCopies: f.memorisation.copies,
  };
}
