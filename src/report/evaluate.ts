// evaluateFidelity, run stage by stage so a long evaluation (10 × 2 post-hoc networks, t-SNE)
// can report progress and let the event loop breathe between stages. Seeds are drawn exactly
// as evaluateFidelity draws them, so both give the same numbers (a test holds them together).
import { Random } from '../engine/random.js';
import {
  autocorrelationDistance,
  checkComparable,
  correlationDistance,
  discriminativeScore,
  marginalDistances,
  maximumMeanDiscrepancy,
  memorisation,
  predictiveScore,
  visualisation,
  FIDELITY_DEFAULTS,
  type FidelityOptions,
  type FidelityResult,
  type RepeatedScore,
  type SequenceSet,
} from '../metrics/index.js';
import { mean, standardDeviation } from '../metrics/stats.js';

/** After each stage: stages done, stages in all, and the value the stage just produced. */
export interface EvaluationProgress {
  done: number;
  total: number;
  stage: string;
  value: number;
}

export type EvaluationOptions = Omit<FidelityOptions, 'heldOut'>;

/**
 * The same result as evaluateFidelity(real, synthetic, options), calling `onProgress` after each
 * post-hoc run and each other metric.
 *
 * @example
 * const result = await evaluateInStages(real, synthetic, { repeats: 10 }, (p) => bar.update(p));
 */
export async function evaluateInStages(
  real: SequenceSet,
  synthetic: SequenceSet,
  options: EvaluationOptions = {},
  onProgress: (progress: EvaluationProgress) => void = () => undefined,
): Promise<FidelityResult> {
  checkComparable(real, synthetic, 2);
  const repeats = options.repeats ?? FIDELITY_DEFAULTS.repeats;
  const seed = options.seed ?? FIDELITY_DEFAULTS.seed;
  const plots = options.visualisation ?? FIDELITY_DEFAULTS.visualisation;
  const rng = new Random(seed);
  const seeds = Array.from({ length: 5 }, () => rng.nextUint32()); // d, p, mmd, memorisation, plots
  const canPredict = real.features >= 2 && real.length >= 2;
  const predictiveRuns = canPredict ? repeats : 0;
  const total = repeats + predictiveRuns + 5 + (plots === false ? 0 : 1);
  const stage = stager(total, onProgress);
  const score = (s: number): number => s;
  const d = options.discriminativeIterations ?? FIDELITY_DEFAULTS.discriminativeIterations;
  const p = options.predictiveIterations ?? FIDELITY_DEFAULTS.predictiveIterations;
  const discriminative = await repeated(repeats, (k) =>
    stage('discriminative', () => discriminativeScore(real, synthetic, { iterations: d, seed: seeds[0] + k }), score));
  const predictive = await repeated(predictiveRuns, (k) =>
    stage('predictive', () => predictiveScore(real, synthetic, { iterations: p, seed: seeds[1] + k }), score));
  return {
    discriminative,
    predictive,
    mmd: await stage('mmd2', () => maximumMeanDiscrepancy(real, synthetic, { seed: seeds[2] }), (r) => r.mmd2),
    marginals: await stage('wasserstein', () => marginalDistances(real, synthetic), (r) => r.meanWasserstein),
    autocorrelation: await stage('acf', () => autocorrelationDistance(real, synthetic), (r) => r.distance),
    correlation: await stage('correlation', () => correlationDistance(real, synthetic), (r) => r.distance),
    memorisation: await stage('memorisation', () => memorisation(real, synthetic, { seed: seeds[3] }), (r) => r.closerShare),
    visualisation: plots === false ? null
      : await stage('plots', () => visualisation(real, synthetic, { seed: seeds[4], tsne: plots === 'pca' ? false : {} }), () => NaN),
  };
}

type Stage = <T>(name: string, run: () => T, value: (result: T) => number) => Promise<T>;

/** Runs stages one by one, each after a turn of the event loop (a bar can draw, Ctrl-C land), reporting after each. */
function stager(total: number, onProgress: (progress: EvaluationProgress) => void): Stage {
  let done = 0;
  return async (name, run, value) => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const result = run();
    onProgress({ done: ++done, total, stage: name, value: value(result) });
    return result;
  };
}

/** repeatScore's summary of `runs` awaited runs; null for none. */
async function repeated(runs: number, run: (k: number) => Promise<number>): Promise<RepeatedScore | null> {
  if (runs === 0) return null;
  const values: number[] = [];
  for (let k = 0; k < runs; k++) values.push(await run(k));
  return { mean: mean(values), std: standardDeviation(values), values };
}
