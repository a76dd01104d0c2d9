// Matrix products, row-major float32, SIMD: one 4×8 register-blocked micro-kernel for the dense
// layers (gemm: op(A)·op(B) with either operand transposed) and the recurrent kernels
// (stridedGemm, which reads step t's rows straight out of [batch, time, features] sequences and
// A's transpose without copying). The block (8 accumulators, 2 B vectors, 1 broadcast A value)
// fits the 15 usable x64 vector registers; A values are broadcast straight from memory
// (v128.load32_splat). B must be K-major: gemm transposes a [N, K] B into the scratch first.
import { at, scratchAddress, scratchFits } from './memory';

/**
 * C = op(A)·op(B), or C += op(A)·op(B) when `accumulate` is 1 (offsets in float32 elements).
 * transA = 0: A is [M, K]; 1: A is [K, M]. transB = 0: B is [K, N]; 1: B is [N, K].
 */
export function gemm(transA: i32, transB: i32, m: i32, n: i32, k: i32, a: i32, b: i32, c: i32, accumulate: i32): void {
  const ai = transA ? 1 : k; // step between rows i of op(A)
  const ap = transA ? m : 1; // step between k of op(A)
  const mode = accumulate ? ADD : OVERWRITE;
  if (!transB) stridedGemm(at(a), ai, ap, at(b), n, at(c), n, m, n, k, mode, 0);
  else if (scratchFits(k * n)) {
    const t = scratchAddress();
    transpose(at(b), t, n, k);
    stridedGemm(at(a), ai, ap, t, n, at(c), n, m, n, k, mode, 0);
  } else {
    // B too large to transpose: one dot product per element, B's rows read in place.
    const pa = (<usize>ap) << 2;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) dot(at(a + i * ai), at(b + j * k), at(c + i * n + j), k, pa, 4, mode, 0);
    }
  }
}

/** dst [cols, rows] = src [rows, cols]ᵀ (byte addresses). */
export function transpose(src: usize, dst: usize, rows: i32, cols: i32): void {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      store<f32>(dst + ((<usize>(j * rows + i)) << 2), load<f32>(src + ((<usize>(i * cols + j)) << 2)));
    }
  }
}

/**
 * What C becomes. ACCUMULATE and ADD both give C + A·B but round differently: ACCUMULATE starts
 * each sum from C (the recurrent kernels), ADD adds C to the finished sum (the dense layers'
 * gradients). Both stay so that trained weights stay the same, bit for bit.
 */
export const OVERWRITE: i32 = 0; // C = A·B
export const ACCUMULATE: i32 = 1; // C = ((C + a₀b₀) + a₁b₁) + …
export const BIAS: i32 = 2; // C = A·B + bias, bias [N]: the sums start from the bias row
export const ADD: i32 = 3; // C = (a₀b₀ + a₁b₁ + …) + C

/**
 * C = op(A)·B as `mode` says. A(i, p) at a + 4(i·ai + p·ap); B(p, j) at b + 4(p·ldb + j);
 * C(i, j) at c + 4(i·ldc + j). Row-major A is (ai, ap) = (lda, 1); a transposed row-major
 * A [K, M] is (1, M).
 */
export function stridedGemm(
  a: usize, ai: i32, ap: i32, b: usize, ldb: i32, c: usize, ldc: i32,
  m: i32, n: i32, k: i32, mode: i32, bias: usize,
): void {
  gRa = (<usize>ai) << 2;
  gPa = (<usize>ap) << 2;
  gRb = (<usize>ldb) << 2;
  gRc = (<usize>ldc) << 2;
  gK = k;
  gMode = mode;
  gBias = bias;
  let i = 0;
  for (; i + 4 <= m; i += 4) rows4(a + (<usize>i) * gRa, b, c + (<usize>i) * gRc, n);
  for (; i < m; i++) rows1(a + (<usize>i) * gRa, b, c + (<usize>i) * gRc, n);
}

// The loop-invariant arguments (strides in bytes), as globals: they are per instance, so two
// threads sharing the memory never see each other's, and cost no allocation (no GC here).
let gRa: usize = 0; // between rows of A
let gPa: usize = 0; // between k of A
let gRb: usize = 0; // between rows of B
let gRc: usize = 0; // between rows of C
let gK: i32 = 0;
let gMode: i32 = 0;
let gBias: usize = 0;

// The starting value of an accumulator for the C row at c, columns at byte offset jb.
// @ts-ignore: decorator
@inline function seed(c: usize, jb: usize, mode: i32, bias: usize): v128 {
  if (mode == ACCUMULATE) return v128.load(c + jb);
  if (mode == BIAS) return v128.load(bias + jb);
  return f32x4.splat(0);
}

// @ts-ignore: decorator
@inline function seed1(c: usize, jb: usize, mode: i32, bias: usize): f32 {
  if (mode == ACCUMULATE) return load<f32>(c + jb);
  if (mode == BIAS) return load<f32>(bias + jb);
  return 0;
}

// Stores a finished accumulator for the C row at c, columns at byte offset jb (adding C for ADD).
// @ts-ignore: decorator
@inline function finish(c: usize, jb: usize, v: v128, mode: i32): void {
  v128.store(c + jb, mode == ADD ? f32x4.add(v, v128.load(c + jb)) : v);
}

// Four rows of C: 8-column register blocks, then 4 columns, then single columns. The strides are
// copied into locals first (V8 does not hoist loads out of loops).
function rows4(a: usize, b: usize, c: usize, n: i32): void {
  const k = gK, ra = gRa, pa = gPa, rb = gRb, rc = gRc, mode = gMode, bias = gBias;
  let j = 0;
  for (; j + 8 <= n; j += 8) block4x8(a, b, c, (<usize>j) << 2, k, ra, pa, rb, rc, mode, bias);
  for (; j + 4 <= n; j += 4) block4x4(a, b, c, (<usize>j) << 2, k, ra, pa, rb, rc, mode, bias);
  for (; j < n; j++) {
    for (let r = 0; r < 4; r++) dot(a + (<usize>r) * ra, b + ((<usize>j) << 2), c + (<usize>r) * rc + ((<usize>j) << 2), k, pa, rb, mode, bias + ((<usize>j) << 2));
  }
}

// C rows i … i+3, columns at byte jb … jb+31: 8 accumulators, 2 B vectors, 1 broadcast A value.
// @ts-ignore: decorator
@inline function block4x8(a: usize, b: usize, c: usize, jb: usize, k: i32, ra: usize, pa: usize, rb: usize, rc: usize, mode: i32, bias: usize): void {
  const c1 = c + rc, c2 = c1 + rc, c3 = c2 + rc;
  let x0 = seed(c, jb, mode, bias), y0 = seed(c, jb + 16, mode, bias);
  let x1 = seed(c1, jb, mode, bias), y1 = seed(c1, jb + 16, mode, bias);
  let x2 = seed(c2, jb, mode, bias), y2 = seed(c2, jb + 16, mode, bias);
  let x3 = seed(c3, jb, mode, bias), y3 = seed(c3, jb + 16, mode, bias);
  let bp = b + jb;
  let ap = a;
  for (let p = 0; p < k; p++) {
    const bx = v128.load(bp);
    const by = v128.load(bp, 16);
    let v = v128.load32_splat(ap);
    x0 = f32x4.add(x0, f32x4.mul(v, bx)); y0 = f32x4.add(y0, f32x4.mul(v, by));
    v = v128.load32_splat(ap + ra);
    x1 = f32x4.add(x1, f32x4.mul(v, bx)); y1 = f32x4.add(y1, f32x4.mul(v, by));
    v = v128.load32_splat(ap + 2 * ra);
    x2 = f32x4.add(x2, f32x4.mul(v, bx)); y2 = f32x4.add(y2, f32x4.mul(v, by));
    v = v128.load32_splat(ap + 3 * ra);
    x3 = f32x4.add(x3, f32x4.mul(v, bx)); y3 = f32x4.add(y3, f32x4.mul(v, by));
    bp += rb;
    ap += pa;
  }
  finish(c, jb, x0, mode); finish(c, jb + 16, y0, mode);
  finish(c1, jb, x1, mode); finish(c1, jb + 16, y1, mode);
  finish(c2, jb, x2, mode); finish(c2, jb + 16, y2, mode);
  finish(c3, jb, x3, mode); finish(c3, jb + 16, y3, mode);
}

// C rows i … i+3, columns at byte jb … jb+15.
// @ts-ignore: decorator
@inline function block4x4(a: usize, b: usize, c: usize, jb: usize, k: i32, ra: usize, pa: usize, rb: usize, rc: usize, mode: i32, bias: usize): void {
  const c1 = c + rc, c2 = c1 + rc, c3 = c2 + rc;
  let x0 = seed(c, jb, mode, bias), x1 = seed(c1, jb, mode, bias);
  let x2 = seed(c2, jb, mode, bias), x3 = seed(c3, jb, mode, bias);
  let bp = b + jb;
  let ap = a;
  for (let p = 0; p < k; p++) {
    const bx = v128.load(bp);
    x0 = f32x4.add(x0, f32x4.mul(v128.load32_splat(ap), bx));
    x1 = f32x4.add(x1, f32x4.mul(v128.load32_splat(ap + ra), bx));
    x2 = f32x4.add(x2, f32x4.mul(v128.load32_splat(ap + 2 * ra), bx));
    x3 = f32x4.add(x3, f32x4.mul(v128.load32_splat(ap + 3 * ra), bx));
    bp += rb;
    ap += pa;
  }
  finish(c, jb, x0, mode); finish(c1, jb, x1, mode); finish(c2, jb, x2, mode); finish(c3, jb, x3, mode);
}

// One row of C (the rows left over after blocks of four): 8 columns at a time, then 4, then 1.
function rows1(a: usize, b: usize, c: usize, n: i32): void {
  const k = gK, pa = gPa, rb = gRb, mode = gMode, bias = gBias;
  let j = 0;
  for (; j + 8 <= n; j += 8) {
    const jb = (<usize>j) << 2;
    let x = seed(c, jb, mode, bias), y = seed(c, jb + 16, mode, bias);
    let bp = b + jb;
    let ap = a;
    for (let p = 0; p < k; p++) {
      const v = v128.load32_splat(ap);
      x = f32x4.add(x, f32x4.mul(v, v128.load(bp)));
      y = f32x4.add(y, f32x4.mul(v, v128.load(bp, 16)));
      bp += rb;
      ap += pa;
    }
    finish(c, jb, x, mode);
    finish(c, jb + 16, y, mode);
  }
  for (; j + 4 <= n; j += 4) {
    const jb = (<usize>j) << 2;
    let x = seed(c, jb, mode, bias);
    let bp = b + jb;
    let ap = a;
    for (let p = 0; p < k; p++) {
      x = f32x4.add(x, f32x4.mul(v128.load32_splat(ap), v128.load(bp)));
      bp += rb;
      ap += pa;
    }
    finish(c, jb, x, mode);
  }
  for (; j < n; j++) dot(a, b + ((<usize>j) << 2), c + ((<usize>j) << 2), k, pa, rb, mode, bias + ((<usize>j) << 2));
}

// One element: *c (+)= Σ_p A(p)·B(p) with A stepping pa bytes and B stepping rb bytes.
function dot(a: usize, b: usize, c: usize, k: i32, pa: usize, rb: usize, mode: i32, bias: usize): void {
  let v = seed1(c, 0, mode, bias);
  for (let p = 0; p < k; p++) {
    v += load<f32>(a) * load<f32>(b);
    a += pa;
    b += rb;
  }
  store<f32>(c, mode == ADD ? v + load<f32>(c) : v);
}
