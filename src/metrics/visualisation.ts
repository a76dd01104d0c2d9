// TimeGAN's visualisation (docs/TIMEGAN.md §5): the same sampled indices from both sets, each
// sequence reduced to its per-step feature mean, then PCA fitted on real and t-SNE on both.
import { Random } from '../engine/random.js';
import { fitPca, projectPca, type PcaFit } from './pca.js';
import { sampleIndices } from './sampling.js';
import { checkComparable, type SequenceSet } from './sequence-set.js';
import { tsne, type TsneOptions } from './tsne.js';

export interface VisualisationOptions {
  /** n = min(maxSamples, N); default 1,000. */
  maxSamples?: number;
  /** Seed of the sample and of t-SNE's initial embedding; default 0. */
  seed?: number;
  /** t-SNE settings (its seed is drawn from `seed` unless given), or false to skip it (it is the slow part). */
  tsne?: Omit<TsneOptions, 'seed'> & { seed?: number } | false;
}

/** Points to plot: [n, 2] each, real and synthetic (scatter real red, synthetic blue, alpha 0.2). */
export interface Embedding2D {
  real: Float64Array;
  synthetic: Float64Array;
}

export interface Visualisation {
  /** The n sequence indices used for both sets. */
  indices: Int32Array;
  /** The reduced vectors [n, T]: mean over features at each step. */
  realVectors: Float64Array;
  syntheticVectors: Float64Array;
  /** PCA fitted on the real vectors only; both projected with that fit. */
  pca: Embedding2D & { fit: PcaFit };
  /** t-SNE of the 2n stacked vectors (real first), split back; null when skipped. */
  tsne: Embedding2D | null;
}

/**
 * One random index set of n = min(1000, N) indices drawn from 0 … min(N_real, N_synthetic) − 1
 * (the spec's N when, as in TimeGAN, the synthetic set is at least as large) for both sets.
 *
 * @example
 * const v = visualisation(real, synthetic, { seed: 1 });
 * plot(v.pca.real, v.pca.synthetic); plot(v.tsne!.real, v.tsne!.synthetic);
 */
export function visualisation(real: SequenceSet, synthetic: SequenceSet, options: VisualisationOptions = {}): Visualisation {
  checkComparable(real, synthetic, 2);
  const { maxSamples = 1000, seed = 0 } = options;
  const rng = new Random(seed);
  const indices = sampleIndices(Math.min(real.count, synthetic.count), maxSamples, rng);
  const tsneSeed = rng.nextUint32();
  const n = indices.length;
  const T = real.length;
  const realVectors = featureMeanVectors(real, indices);
  const syntheticVectors = featureMeanVectors(synthetic, indices);
  const fit = fitPca(realVectors, n, T, 2);
  const pca = { fit, real: projectPca(fit, realVectors), synthetic: projectPca(fit, syntheticVectors) };
  let embedding: Embedding2D | null = null;
  if (options.tsne !== false) {
    const stacked = new Float64Array(2 * n * T);
    stacked.set(realVectors);
    stacked.set(syntheticVectors, n * T);
    const perplexity = options.tsne?.perplexity ?? Math.min(40, 2 * n - 1); // must stay below the point count
    const xy = tsne(stacked, 2 * n, T, { seed: tsneSeed, ...options.tsne, perplexity });
    embedding = { real: xy.slice(0, 2 * n), synthetic: xy.slice(2 * n) };
  }
  return { indices, realVectors, syntheticVectors, pca, tsne: embedding };
}

/** Each chosen sequence [T, D] → its T per-step means over features: [indices.length, T]. */
export function featureMeanVectors(set: SequenceSet, indices: ArrayLike<number>): Float64Array {
  const { length: T, features: D, data } = set;
  const out = new Float64Array(indices.length * T);
  for (let k = 0; k < indices.length; k++) {
    const base = indices[k] * T * D;
    for (let t = 0; t < T; t++) {
      let s = 0;
      for (let d = 0; d < D; d++) s += data[base + t * D + d];
      out[k * T + t] = s / D;
    }
  }
  return out;
}
