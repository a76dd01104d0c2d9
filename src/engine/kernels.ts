// The narrow boundary between tensors and compute: every kernel takes element offsets into the
// engine's heap and sizes, and writes only its output. Two implementations share this interface:
// the AssemblyScript/WASM-SIMD module (float32) and a plain-TypeScript float64 reference.

/**
 * The kernels, by name. Offsets are element offsets into the heap (not bytes). A flag argument
 * `accumulate` = 1 adds into the output instead of overwriting it.
 */
/** Dense algebra, elementwise maps, reductions, losses and optimizer updates. */
export interface BasicKernels {
  /** C[M,N] (+)= op(A)·op(B); transA: A is [K,M]; transB: B is [N,K]. */
  gemm(transA: number, transB: number, m: number, n: number, k: number, a: number, b: number, c: number, accumulate: number): void;
  /** out[r, j] = x[r, j] + v[j] for r < rows, j < n (out may equal x). */
  addRowVector(rows: number, n: number, x: number, v: number, out: number): void;
  /** out[j] (+)= Σ_r x[r, j]: column sums of a [rows, n] matrix. */
  sumRows(rows: number, n: number, x: number, out: number, accumulate: number): void;
  /** y[i] += alpha · x[i] for i < n. */
  axpy(n: number, alpha: number, x: number, y: number): void;
}

/** Fused recurrent layers: whole-sequence forward and backprop-through-time. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RecurrentKernels {}

export interface Kernels extends BasicKernels, RecurrentKernels {}

/** The names of all kernels, for the test that compares the two implementations. */
export type KernelName = keyof Kernels;
