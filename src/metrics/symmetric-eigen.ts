// Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations: accurate and
// simple for the T × T (24 × 24) covariance matrices that PCA needs.

export interface Eigen {
  /** Eigenvalues, descending: [n]. */
  values: Float64Array;
  /** Unit eigenvectors as rows, in the order of `values`: [n, n]. */
  vectors: Float64Array;
}

/**
 * Decomposes symmetric `a` [n, n] (not modified): a = Σₖ valuesₖ · vₖ vₖᵀ. Each rotation zeroes
 * one off-diagonal pair; sweeps repeat until the off-diagonal mass is negligible (a few sweeps).
 */
export function symmetricEigen(a: Float64Array, n: number): Eigen {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n); // eigenvectors as columns while rotating
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (let i = 0; i < n * n; i++) total += m[i] * m[i];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q] ** 2;
    if (off <= 1e-30 * total) break;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) rotate(m, v, n, p, q);
  }
  return sortedEigen(m, v, n);
}

/** One Jacobi rotation in the (p, q) plane that zeroes m[p, q] (Numerical Recipes §11.1). */
function rotate(m: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
  const apq = m[p * n + q];
  if (apq === 0) return;
  const theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
  const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k++) { // columns p, q
    const kp = m[k * n + p];
    const kq = m[k * n + q];
    m[k * n + p] = c * kp - s * kq;
    m[k * n + q] = s * kp + c * kq;
  }
  for (let k = 0; k < n; k++) { // rows p, q
    const pk = m[p * n + k];
    const qk = m[q * n + k];
    m[p * n + k] = c * pk - s * qk;
    m[q * n + k] = s * pk + c * qk;
  }
  for (let k = 0; k < n; k++) {
    const kp = v[k * n + p];
    const kq = v[k * n + q];
    v[k * n + p] = c * kp - s * kq;
    v[k * n + q] = s * kp + c * kq;
  }
}

/** The diagonal of `m` as descending values, with the matching columns of `v` as rows. */
function sortedEigen(m: Float64Array, v: Float64Array, n: number): Eigen {
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[j * n + j] - m[i * n + i]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((col, k) => {
    values[k] = m[col * n + col];
    for (let r = 0; r < n; r++) vectors[k * n + r] = v[r * n + col];
  });
  return { values, vectors };
}
