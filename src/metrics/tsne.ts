// t-SNE to two dimensions with the exact O(n²) gradient, following scikit-learn ≈ 0.21 (the
// version TimeGAN's plots used, docs/TIMEGAN.md §5) step for step.
import { Random } from '../engine/random.js';
import { pairwiseSquaredDistances } from './distances.js';
import { jointProbabilities } from './tsne-affinities.js';

const MACHINE_EPSILON = 2.220446049250313e-16;
const MIN_GAIN = 0.01;

export interface TsneOptions {
  /** Effective number of neighbours; default 40 (TimeGAN's). */
  perplexity?: number;
  /** Total gradient steps; default 300 (TimeGAN's). */
  iterations?: number;
  /** Default 200 (scikit-learn's of that era). */
  learningRate?: number;
  /** P is multiplied by this during the first phase; default 12. */
  earlyExaggeration?: number;
  /**
   * Steps of the exaggerated first phase (momentum 0.5); the rest use momentum 0.8. Default 250:
   * scikit-learn fixes this phase at 250 steps whatever the total (it requires ≥ 250 in all), so
   * TimeGAN's 300 were 250 exaggerated + 50 plain. Not scaled with `iterations`.
   */
  exaggerationIterations?: number;
  /** Seed of the initial embedding, 1e-4 · N(0, 1) per coordinate; default 0. */
  seed?: number;
}

/**
 * Embeds `rows` [n, dim] into the plane: [n, 2]. Affinities from squared Euclidean distances
 * (scikit-learn's "euclidean" metric squares them); Student-t (1 degree of freedom) similarities
 * below; gradient descent with momentum and per-coordinate gains (+0.2 when the step changes
 * sign, ×0.8 otherwise, ≥ 0.01), momentum and gains reset between the two phases, as there.
 * All iterations run: scikit-learn's progress checks never stop a run this short. Cost per
 * step ≈ n²; n = 2,000 (TimeGAN's 1,000 real + 1,000 synthetic) takes seconds.
 *
 * @example
 * const xy = tsne(vectors, 2000, 24, { seed: 1 }); // point i at (xy[2i], xy[2i + 1])
 */
export function tsne(rows: Float64Array, n: number, dim: number, options: TsneOptions = {}): Float64Array {
  const { perplexity = 40, iterations = 300, learningRate = 200, earlyExaggeration = 12, exaggerationIterations = 250, seed = 0 } = options;
  if (rows.length !== n * dim || n < 2) throw new Error(`tsne: need ≥ 2 rows of ${dim}, got ${rows.length} values for ${n}`);
  if (!(perplexity > 0 && perplexity < n)) throw new Error(`tsne: perplexity must lie in (0, n = ${n}), got ${perplexity}`);
  const p = jointProbabilities(pairwiseSquaredDistances(rows, n, dim), n, perplexity); // condensed [n(n−1)/2]
  const y = new Float64Array(n * 2);
  new Random(seed).fillNormal(y, 0, 1e-4);
  const first = Math.min(exaggerationIterations, iterations);
  descend(y, p, n, { steps: first, momentum: 0.5, exaggeration: earlyExaggeration, learningRate });
  descend(y, p, n, { steps: iterations - first, momentum: 0.8, exaggeration: 1, learningRate });
  return y;
}

interface Phase {
  steps: number;
  momentum: number;
  exaggeration: number;
  learningRate: number;
}

/** One phase of scikit-learn's `_gradient_descent`, updating `y` [n, 2] in place. */
function descend(y: Float64Array, p: Float64Array, n: number, phase: Phase): void {
  const update = new Float64Array(n * 2);
  const gains = new Float64Array(n * 2).fill(1);
  const grad = new Float64Array(n * 2);
  const similarity = new Float64Array(p.length); // s_ij = (1 + ‖yᵢ − yⱼ‖²)⁻¹, condensed
  for (let step = 0; step < phase.steps; step++) {
    gradient(y, p, n, phase.exaggeration, similarity, grad);
    for (let k = 0; k < y.length; k++) {
      gains[k] = update[k] * grad[k] < 0 ? gains[k] + 0.2 : gains[k] * 0.8;
      if (gains[k] < MIN_GAIN) gains[k] = MIN_GAIN;
      update[k] = phase.momentum * update[k] - phase.learningRate * gains[k] * grad[k];
      y[k] += update[k];
    }
  }
}

/**
 * ∂KL/∂yᵢ = 4 Σⱼ (α·p_ij − q_ij)·s_ij·(yᵢ − yⱼ), with q_ij = max(s_ij / Σ_{k≠l} s_kl, ε) and
 * α the exaggeration, into `grad` [n, 2]. Two passes over the pairs i < j (measured faster than
 * one pass that splits the sum into attraction and repulsion: fewer scattered writes).
 */
function gradient(y: Float64Array, p: Float64Array, n: number, exaggeration: number, s: Float64Array, grad: Float64Array): void {
  const norm = 1 / (2 * similarities(y, n, s)); // Σ over i ≠ j counts each pair twice
  grad.fill(0);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const xi = y[2 * i];
    const yi = y[2 * i + 1];
    let gx = 0;
    let gy = 0;
    for (let j = i + 1; j < n; j++, k++) {
      const q = Math.max(s[k] * norm, MACHINE_EPSILON);
      const f = 4 * (exaggeration * p[k] - q) * s[k];
      const fx = f * (xi - y[2 * j]);
      const fy = f * (yi - y[2 * j + 1]);
      gx += fx;
      gy += fy;
      grad[2 * j] -= fx; // the pair's force acts on both ends
      grad[2 * j + 1] -= fy;
    }
    grad[2 * i] += gx;
    grad[2 * i + 1] += gy;
  }
}

/** s_ij = (1 + ‖yᵢ − yⱼ‖²)⁻¹ for i < j into `s` (condensed); returns Σ_{i<j} s_ij. */
function similarities(y: Float64Array, n: number, s: Float64Array): number {
  let total = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const xi = y[2 * i];
    const yi = y[2 * i + 1];
    for (let j = i + 1; j < n; j++, k++) {
      const dx = xi - y[2 * j];
      const dy = yi - y[2 * j + 1];
      s[k] = 1 / (1 + dx * dx + dy * dy);
      total += s[k];
    }
  }
  return total;
}
