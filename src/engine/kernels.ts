// The narrow boundary between tensors and compute: every kernel takes element offsets into the
// engine's heap and sizes, and writes only its output. Two implementations share this interface:
// the AssemblyScript/WASM-SIMD module (float32) and a plain-TypeScript float64 reference.

/**
 * The kernels, by name. Offsets are element offsets into the heap (not bytes). A flag argument
 * `accumulate` = 1 adds into the output instead of overwriting it.
 */
/** Dense algebra, elementwise maps, reductions, losses and optimizer updates. */
export interface BasicKernels {
  // — dense algebra and row broadcasts —
  /** C[M,N] (+)= op(A)·op(B); transA: A is [K,M]; transB: B is [N,K]. */
  gemm(transA: number, transB: number, m: number, n: number, k: number, a: number, b: number, c: number, accumulate: number): void;
  /** out[r, j] = x[r, j] + v[j] for r < rows, j < n (out may equal x). */
  addRowVector(rows: number, n: number, x: number, v: number, out: number): void;
  /** out[r, j] = x[r, j] − v[j]. */
  subRowVector(rows: number, n: number, x: number, v: number, out: number): void;
  /** out[r, j] = x[r, j] · v[j]. */
  mulRowVector(rows: number, n: number, x: number, v: number, out: number): void;
  /** out[j] (+)= Σ_r x[r, j]: column sums of a [rows, n] matrix. */
  sumRows(rows: number, n: number, x: number, out: number, accumulate: number): void;

  // — elementwise arithmetic over n elements (out may equal an input) —
  /** y[i] += alpha · x[i] for i < n. */
  axpy(n: number, alpha: number, x: number, y: number): void;
  /** out = a + b. */
  add(n: number, a: number, b: number, out: number): void;
  /** out = a − b. */
  sub(n: number, a: number, b: number, out: number): void;
  /** out = a ⊙ b. */
  mul(n: number, a: number, b: number, out: number): void;
  /** out += a ⊙ b (backward of mul and exp). */
  addProduct(n: number, a: number, b: number, out: number): void;
  /** out = alpha · x. */
  scale(n: number, alpha: number, x: number, out: number): void;
  /** out = x + s. */
  addScalar(n: number, s: number, x: number, out: number): void;

  // — activations: forward out = f(x); backward dx += dy · f′, from the saved y or x —
  sigmoid(n: number, x: number, out: number): void;
  /** dx += dy · y(1 − y). */
  sigmoidBackward(n: number, y: number, dy: number, dx: number): void;
  tanh(n: number, x: number, out: number): void;
  /** dx += dy · (1 − y²). */
  tanhBackward(n: number, y: number, dy: number, dx: number): void;
  relu(n: number, x: number, out: number): void;
  /** dx += dy where y > 0. */
  reluBackward(n: number, y: number, dy: number, dx: number): void;
  sqrt(n: number, x: number, out: number): void;
  /** dx += dy / (2y). */
  sqrtBackward(n: number, y: number, dy: number, dx: number): void;
  abs(n: number, x: number, out: number): void;
  /** dx += dy · sign(x). */
  absBackward(n: number, x: number, dy: number, dx: number): void;
  square(n: number, x: number, out: number): void;
  /** dx += 2x · dy. */
  squareBackward(n: number, x: number, dy: number, dx: number): void;
  /** out = eˣ (x clamped to [−87, 88] in float32). Backward: addProduct(dy, y). */
  exp(n: number, x: number, out: number): void;
  log(n: number, x: number, out: number): void;
  /** dx += dy / x. */
  logBackward(n: number, x: number, dy: number, dx: number): void;
  /** out = min(max(x, low), high) (out may equal x: WGAN weight clipping in place). */
  clamp(n: number, low: number, high: number, x: number, out: number): void;
  /** dx += dy where low < x < high. */
  clampBackward(n: number, low: number, high: number, x: number, dy: number, dx: number): void;

  // — softmax over the last axis of [rows, n] —
  softmax(rows: number, n: number, x: number, out: number): void;
  /** dx += y ⊙ (dy − Σ dy ⊙ y), per row. */
  softmaxBackward(rows: number, n: number, y: number, dy: number, dx: number): void;
  logSoftmax(rows: number, n: number, x: number, out: number): void;
  /** dx += dy − e^y · Σ dy, per row. */
  logSoftmaxBackward(rows: number, n: number, y: number, dy: number, dx: number): void;

  // — reductions over the middle axis of x seen as [outer, len, inner] —
  /** out[o, i] (+)= alpha · Σ_k x[o, k, i]. */
  sumAxis(outer: number, len: number, inner: number, alpha: number, x: number, out: number, accumulate: number): void;
  /** out[o, k, i] (+)= alpha · x[o, i]: the dual of sumAxis. */
  broadcastAxis(outer: number, len: number, inner: number, alpha: number, x: number, out: number, accumulate: number): void;
  /** mean[o, i] = Σ_k x / len; out[o, i] = Σ_k (x − mean)² / len (population variance). */
  variance(outer: number, len: number, inner: number, x: number, mean: number, out: number): void;
  /** dx[o, k, i] += dy[o, i] · 2 (x − mean[o, i]) / len. */
  varianceBackward(outer: number, len: number, inner: number, x: number, mean: number, dy: number, dx: number): void;
  /** out[0] (+)= Σ x². */
  sumSquares(n: number, x: number, out: number, accumulate: number): void;

  // — copies and gathers; ids and targets are integers stored as float values —
  /** dst[r·dstStride + j] (+)= src[r·srcStride + j] for r < rows, j < n. */
  copyRows(rows: number, n: number, src: number, srcStride: number, dst: number, dstStride: number, accumulate: number): void;
  /** out[r, :] = table[ids[r], :]; table [V, e], out [count, e]. */
  embedding(count: number, e: number, table: number, ids: number, out: number): void;
  /** dtable[ids[r], :] += dy[r, :]. */
  embeddingBackward(count: number, e: number, ids: number, dy: number, dtable: number): void;

  // — mean losses: forward writes out[0]; backward reads dy[0] and adds into dx —
  /** out[0] = mean max(x,0) − x·t + ln(1 + e^−|x|); tStride 0 broadcasts t[0]. */
  bceWithLogits(n: number, x: number, t: number, tStride: number, out: number): void;
  /** dx += dy[0]/n · (σ(x) − t). */
  bceWithLogitsBackward(n: number, x: number, t: number, tStride: number, dy: number, dx: number): void;
  /** out[0] = mean (a − b)². */
  mseLoss(n: number, a: number, b: number, out: number): void;
  /** dx += dy[0] · 2(a − b)/n (swap a and b for b's gradient). */
  mseLossBackward(n: number, a: number, b: number, dy: number, dx: number): void;
  /** out[0] = mean |a − b|. */
  maeLoss(n: number, a: number, b: number, out: number): void;
  /** dx += dy[0] · sign(a − b)/n. */
  maeLossBackward(n: number, a: number, b: number, dy: number, dx: number): void;
  /** out[0] = mean_r (lse[r] − x[r, t_r]), x [rows, v]; writes lse [rows]; probs [v] is scratch. */
  crossEntropy(rows: number, v: number, x: number, targets: number, lse: number, probs: number, out: number): void;
  /** dx[r, j] += dy[0]/rows · (e^(x[r,j] − lse[r]) − [j = t_r]). */
  crossEntropyBackward(rows: number, v: number, x: number, targets: number, lse: number, dy: number, dx: number): void;

  // — optimizer updates: one fused pass per parameter, which also zeroes the gradient —
  /** Adam in PyTorch's order; stepSize = lr/(1 − β1^t), sqrtBc2 = √(1 − β2^t), 1 − β in double. */
  adamUpdate(n: number, param: number, grad: number, m: number, v: number,
    stepSize: number, oneMinusBeta1: number, beta2: number, oneMinusBeta2: number, sqrtBc2: number, epsilon: number): void;
  /** b ← μ b + g; p ← p − lr · b (μ = 0: no b); g ← 0. */
  sgdUpdate(n: number, param: number, grad: number, velocity: number, learningRate: number, momentum: number): void;
}

/**
 * Fused recurrent layers: one call runs one layer direction over all T steps (forward: the input
 * projection x·W_ihᵀ of every step, then the time loop), another backpropagates through all of
 * them and then forms the weight and input gradients. Sequences are [B, T, width]; `out`/`dout`
 * point at this direction's first column of a [B, T, outWidth] tensor; `reverse` = 1 walks time
 * backwards. Forward writes hprev (and cprev) [B,T,H], the state entering each step, and `saved`,
 * the gate values. Backward writes dh0 (dc0) and accumulates (+=) the gradients `needs` asks for:
 * 1 dW_ih, 2 dW_hh, 4 db_ih, 8 db_hh, 16 dx (frozen weights are skipped, not computed).
 * `work` is scratch the caller lends, of the size the kernel module states (forwardWork and
 * backwardWork in ops/recurrent-cells.ts ask it).
 * See kernels/recurrent/{rnn,gru,lstm}.ts for the equations and saved layouts.
 */
export interface RecurrentKernels {
  /** saved [B,T,H] = h'. */
  rnnForward(batch: number, steps: number, inputs: number, hidden: number, reverse: number, x: number, wih: number, whh: number,
    bih: number, bhh: number, h0: number, out: number, outWidth: number, hn: number, hprev: number, saved: number, work: number): void;
  rnnBackward(batch: number, steps: number, inputs: number, hidden: number, reverse: number, x: number, wih: number, whh: number,
    saved: number, hprev: number, dout: number, outWidth: number, dhn: number, needs: number, dx: number, dwih: number,
    dwhh: number, dbih: number, dbhh: number, dh0: number, work: number): void;
  /** saved [B,T,4H] = r, z, n, h·W_hnᵀ + b_hn. */
  gruForward(batch: number, steps: number, inputs: number, hidden: number, reverse: number, x: number, wih: number, whh: number,
    bih: number, bhh: number, h0: number, out: number, outWidth: number, hn: number, hprev: number, saved: number, work: number): void;
  gruBackward(batch: number, steps: number, inputs: number, hidden: number, reverse: number, x: number, wih: number, whh: number,
    saved: number, hprev: number, dout: number, outWidth: number, dhn: number, needs: number, dx: number, dwih: number,
    dwhh: number, dbih: number, dbhh: number, dh0: number, work: number): void;
  /** saved [B,T,5H] = i, f, g, o, tanh(c'). */
  lstmForward(batch: number, steps: number, inputs: number, hidden: number, reverse: number, x: number, wih: number, whh: number,
    bih: number, bhh: number, h0: number, c0: number, out: number, outWidth: number, hn: number, cn: number, hprev: number,
    cprev: number, saved: number, work: number): void;
  lstmBackward(batch: number, steps: number, inputs: number, hidden: number, reverse: number, x: number, wih: number, whh: number,
    saved: number, hprev: number, cprev: number, dout: number, outWidth: number, dhn: number, dcn: number, needs: number,
    dx: number, dwih: number, dwhh: number, dbih: number, dbhh: number, dh0: number, dc0: number, work: number): void;
}

export interface Kernels extends BasicKernels, RecurrentKernels {}

/** The names of all kernels, for the test that compares the two implementations. */
export type KernelName = keyof Kernels;
