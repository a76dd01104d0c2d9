// Weight initialisers. Each returns row-major values (a matrix [rows, cols] = [fanOut, fanIn] in
// PyTorch's weight layout) drawn from the explicit seeded generator, so a seed fixes the model.
import type { Random } from '../engine/random.js';

/** The initialisers a layer config can name. */
export type Initializer = 'glorotUniform' | 'orthogonal' | 'uniform' | 'zeros';
export const INITIALIZERS: readonly Initializer[] = ['glorotUniform', 'orthogonal', 'uniform', 'zeros'];

/** Uniform in [low, high). */
export function uniform(size: number, low: number, high: number, rng: Random): Float64Array {
  const out = new Float64Array(size);
  rng.fillUniform(out, low, high);
  return out;
}

/** Normal with mean 0 and standard deviation `std` (PyTorch's nn.Embedding uses std 1). */
export function normal(size: number, std: number, rng: Random): Float64Array {
  const out = new Float64Array(size);
  rng.fillNormal(out, 0, std);
  return out;
}

export function zeros(size: number): Float64Array {
  return new Float64Array(size);
}

/** Glorot/Xavier uniform: U(±√(6 / (fanIn + fanOut))) over a [fanOut, fanIn] matrix. */
export function glorotUniform(fanIn: number, fanOut: number, rng: Random): Float64Array {
  const bound = Math.sqrt(6 / (fanIn + fanOut));
  return uniform(fanIn * fanOut, -bound, bound, rng);
}

/**
 * A random orthogonal [rows, cols] matrix (Saxe et al.; PyTorch's orthogonal_): Gram-Schmidt on
 * a normal matrix. Columns are orthonormal when rows ≥ cols (QᵀQ = I), rows when rows < cols.
 */
export function orthogonal(rows: number, cols: number, rng: Random, gain = 1): Float64Array {
  const tall = rows >= cols;
  const [m, n] = tall ? [rows, cols] : [cols, rows]; // orthonormalise the n columns of A [m, n]
  const a = normal(m * n, 1, rng);
  for (let j = 0; j < n; j++) {
    for (let pass = 0; pass < 2; pass++) {
      // subtract the projections on earlier columns; a second pass restores lost orthogonality
      for (let k = 0; k < j; k++) {
        let dot = 0;
        for (let i = 0; i < m; i++) dot += a[i * n + k] * a[i * n + j];
        for (let i = 0; i < m; i++) a[i * n + j] -= dot * a[i * n + k];
      }
    }
    let norm = 0;
    for (let i = 0; i < m; i++) norm += a[i * n + j] ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < m; i++) a[i * n + j] /= norm;
  }
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) out[tall ? i * cols + j : j * cols + i] = gain * a[i * n + j];
  }
  return out;
}

/**
 * Weight values [fanOut, fanIn] by initialiser name. 'uniform' is PyTorch's nn.Linear default,
 * U(±1/√fanIn).
 */
export function initialWeights(kind: Initializer, fanIn: number, fanOut: number, rng: Random): Float64Array {
  switch (kind) {
    case 'glorotUniform':
      return glorotUniform(fanIn, fanOut, rng);
    case 'orthogonal':
      return orthogonal(fanOut, fanIn, rng);
    case 'uniform':
      return uniform(fanIn * fanOut, -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn), rng);
    case 'zeros':
      return zeros(fanIn * fanOut);
  }
}
