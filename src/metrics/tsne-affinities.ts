// t-SNE input affinities: per-point Gaussian conditionals whose perplexity matches a target,
// found by binary search on the precision, then symmetrised into joint probabilities.

const PERPLEXITY_TOLERANCE = 1e-5; // on the entropy, in nats (scikit-learn's)
const SEARCH_STEPS = 100;
const MACHINE_EPSILON = 2.220446049250313e-16; // float64 ε: no affinity is exactly 0

/**
 * Joint probabilities p_ij for i < j, condensed in row order (index of (i, j) is
 * i·n − i(i+1)/2 + j − i − 1), with 2·Σ_{i<j} p_ij = 1, from squared distances `d2` [n, n].
 * As scikit-learn's exact method: p_{j|i} ∝ exp(−β_i·d²_ij) with β_i set so that the entropy
 * of p_{·|i} is ln(perplexity); p_ij = max((p_{j|i} + p_{i|j}) / Σ, ε).
 */
export function jointProbabilities(d2: Float64Array, n: number, perplexity: number): Float64Array {
  const conditional = new Float64Array(n * n);
  for (let i = 0; i < n; i++) conditionalRow(d2.subarray(i * n, (i + 1) * n), i, perplexity, conditional.subarray(i * n, (i + 1) * n));
  const p = new Float64Array((n * (n - 1)) / 2);
  let sum = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      p[k] = conditional[i * n + j] + conditional[j * n + i];
      sum += 2 * p[k++];
    }
  }
  sum = Math.max(sum, MACHINE_EPSILON);
  for (let m = 0; m < p.length; m++) p[m] = Math.max(p[m] / sum, MACHINE_EPSILON);
  return p;
}

/**
 * p_{·|i} into `out` [n] (out[i] = 0). Distances are shifted by their minimum first, which
 * leaves p and the entropy unchanged but keeps exp from underflowing to 0 for far points.
 */
function conditionalRow(d: Float64Array, i: number, perplexity: number, out: Float64Array): void {
  const target = Math.log(perplexity);
  let lowest = Infinity;
  for (let j = 0; j < d.length; j++) if (j !== i) lowest = Math.min(lowest, d[j]);
  let beta = 1;
  let betaMin = -Infinity;
  let betaMax = Infinity;
  for (let step = 0; step < SEARCH_STEPS; step++) {
    const entropy = fillConditional(d, i, lowest, beta, out);
    const diff = entropy - target;
    if (Math.abs(diff) <= PERPLEXITY_TOLERANCE) break;
    if (diff > 0) { // too flat: sharpen
      betaMin = beta;
      beta = betaMax === Infinity ? beta * 2 : (beta + betaMax) / 2;
    } else {
      betaMax = beta;
      beta = betaMin === -Infinity ? beta / 2 : (beta + betaMin) / 2;
    }
  }
}

/** out_j = exp(−β(d_j − lowest)) / Σ, and returns the entropy H = ln Σ + β·Σ_j (d_j − lowest)·out_j. */
function fillConditional(d: Float64Array, i: number, lowest: number, beta: number, out: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < d.length; j++) {
    out[j] = j === i ? 0 : Math.exp(-beta * (d[j] - lowest));
    sum += out[j];
  }
  if (sum === 0) sum = 1e-8;
  let weighted = 0;
  for (let j = 0; j < d.length; j++) {
    out[j] /= sum;
    weighted += (d[j] - lowest) * out[j];
  }
  return Math.log(sum) + beta * weighted;
}
