// Matrix multiply, row-major, float32, SIMD. C[M,N] (+)= op(A) · op(B), op = identity or transpose.
// All offsets are float32 element offsets. One 4×8 register-blocked micro-kernel serves every
// layout: A is read through strides, B must be K-major ([K, N]); NT transposes B into scratch.
import { at, scratchAddress, scratchFits } from './memory';

/**
 * C = op(A)·op(B), or C += op(A)·op(B) when `accumulate` is 1.
 * transA = 0: A is [M, K]; 1: A is [K, M]. transB = 0: B is [K, N]; 1: B is [N, K].
 */
export function gemm(transA: i32, transB: i32, m: i32, n: i32, k: i32, a: i32, b: i32, c: i32, accumulate: i32): void {
  const rowStride = transA ? 1 : k; // step between rows i of op(A)
  const kStride = transA ? m : 1; // step between k of op(A)
  if (transB) {
    if (scratchFits(k * n)) {
      const t = scratchAddress();
      transpose(at(b), t, n, k);
      gemmCore(at(a), rowStride, kStride, t, at(c), m, n, k, accumulate);
    } else {
      gemmDot(at(a), rowStride, kStride, at(b), at(c), m, n, k, accumulate);
    }
  } else {
    gemmCore(at(a), rowStride, kStride, at(b), at(c), m, n, k, accumulate);
  }
}

/** dst[cols, rows] = src[rows, cols]ᵀ (byte addresses). */
export function transpose(src: usize, dst: usize, rows: i32, cols: i32): void {
  for (let i = 0; i < rows; i++) {
    const row = src + ((<usize>(i * cols)) << 2);
    for (let j = 0; j < cols; j++) {
      store<f32>(dst + ((<usize>(j * rows + i)) << 2), load<f32>(row + ((<usize>j) << 2)));
    }
  }
}

/** C[M,N] (+)= A·B with A(i,k) at a + 4(i·rs + k·ks) and B [K, N] row-major (byte addresses). */
export function gemmCore(a: usize, rs: i32, ks: i32, b: usize, c: usize, m: i32, n: i32, k: i32, accumulate: i32): void {
  let i = 0;
  for (; i + 4 <= m; i += 4) rows4(a, rs, ks, b, c, i, n, k, accumulate);
  for (; i < m; i++) rows1(a, rs, ks, b, c, i, n, k, accumulate);
}

// Four rows of C: 8-wide column blocks in registers, then a 4-wide block, then scalars.
function rows4(a: usize, rs: i32, ks: i32, b: usize, c: usize, i: i32, n: i32, k: i32, acc: i32): void {
  const a0 = a + ((<usize>(i * rs)) << 2);
  const a1 = a0 + ((<usize>rs) << 2);
  const a2 = a1 + ((<usize>rs) << 2);
  const a3 = a2 + ((<usize>rs) << 2);
  const ksb = (<usize>ks) << 2;
  const nb = (<usize>n) << 2;
  const c0 = c + (<usize>(i * n) << 2);
  const c1 = c0 + nb;
  const c2 = c1 + nb;
  const c3 = c2 + nb;
  let j = 0;
  for (; j + 8 <= n; j += 8) {
    const jb = (<usize>j) << 2;
    let x0 = f32x4.splat(0), y0 = f32x4.splat(0), x1 = f32x4.splat(0), y1 = f32x4.splat(0);
    let x2 = f32x4.splat(0), y2 = f32x4.splat(0), x3 = f32x4.splat(0), y3 = f32x4.splat(0);
    let bp = b + jb;
    let ko: usize = 0;
    for (let p = 0; p < k; p++) {
      const bx = v128.load(bp);
      const by = v128.load(bp, 16);
      const s0 = f32x4.splat(load<f32>(a0 + ko));
      const s1 = f32x4.splat(load<f32>(a1 + ko));
      const s2 = f32x4.splat(load<f32>(a2 + ko));
      const s3 = f32x4.splat(load<f32>(a3 + ko));
      x0 = f32x4.add(x0, f32x4.mul(s0, bx)); y0 = f32x4.add(y0, f32x4.mul(s0, by));
      x1 = f32x4.add(x1, f32x4.mul(s1, bx)); y1 = f32x4.add(y1, f32x4.mul(s1, by));
      x2 = f32x4.add(x2, f32x4.mul(s2, bx)); y2 = f32x4.add(y2, f32x4.mul(s2, by));
      x3 = f32x4.add(x3, f32x4.mul(s3, bx)); y3 = f32x4.add(y3, f32x4.mul(s3, by));
      bp += nb;
      ko += ksb;
    }
    if (acc) {
      x0 = f32x4.add(x0, v128.load(c0 + jb)); y0 = f32x4.add(y0, v128.load(c0 + jb, 16));
      x1 = f32x4.add(x1, v128.load(c1 + jb)); y1 = f32x4.add(y1, v128.load(c1 + jb, 16));
      x2 = f32x4.add(x2, v128.load(c2 + jb)); y2 = f32x4.add(y2, v128.load(c2 + jb, 16));
      x3 = f32x4.add(x3, v128.load(c3 + jb)); y3 = f32x4.add(y3, v128.load(c3 + jb, 16));
    }
    v128.store(c0 + jb, x0); v128.store(c0 + jb, y0, 16);
    v128.store(c1 + jb, x1); v128.store(c1 + jb, y1, 16);
    v128.store(c2 + jb, x2); v128.store(c2 + jb, y2, 16);
    v128.store(c3 + jb, x3); v128.store(c3 + jb, y3, 16);
  }
  for (; j + 4 <= n; j += 4) {
    const jb = (<usize>j) << 2;
    let x0 = f32x4.splat(0), x1 = f32x4.splat(0), x2 = f32x4.splat(0), x3 = f32x4.splat(0);
    let bp = b + jb;
    let ko: usize = 0;
    for (let p = 0; p < k; p++) {
      const bx = v128.load(bp);
      x0 = f32x4.add(x0, f32x4.mul(f32x4.splat(load<f32>(a0 + ko)), bx));
      x1 = f32x4.add(x1, f32x4.mul(f32x4.splat(load<f32>(a1 + ko)), bx));
      x2 = f32x4.add(x2, f32x4.mul(f32x4.splat(load<f32>(a2 + ko)), bx));
      x3 = f32x4.add(x3, f32x4.mul(f32x4.splat(load<f32>(a3 + ko)), bx));
      bp += nb;
      ko += ksb;
    }
    if (acc) {
      x0 = f32x4.add(x0, v128.load(c0 + jb)); x1 = f32x4.add(x1, v128.load(c1 + jb));
      x2 = f32x4.add(x2, v128.load(c2 + jb)); x3 = f32x4.add(x3, v128.load(c3 + jb));
    }
    v128.store(c0 + jb, x0); v128.store(c1 + jb, x1); v128.store(c2 + jb, x2); v128.store(c3 + jb, x3);
  }
  for (; j < n; j++) {
    const jb = (<usize>j) << 2;
    let s0: f32 = 0, s1: f32 = 0, s2: f32 = 0, s3: f32 = 0;
    let bp = b + jb;
    let ko: usize = 0;
    for (let p = 0; p < k; p++) {
      const bv = load<f32>(bp);
      s0 += load<f32>(a0 + ko) * bv; s1 += load<f32>(a1 + ko) * bv;
      s2 += load<f32>(a2 + ko) * bv; s3 += load<f32>(a3 + ko) * bv;
      bp += nb;
      ko += ksb;
    }
    if (acc) {
      s0 += load<f32>(c0 + jb); s1 += load<f32>(c1 + jb); s2 += load<f32>(c2 + jb); s3 += load<f32>(c3 + jb);
    }
    store<f32>(c0 + jb, s0); store<f32>(c1 + jb, s1); store<f32>(c2 + jb, s2); store<f32>(c3 + jb, s3);
  }
}

// One row of C, for the rows left over after blocks of four.
function rows1(a: usize, rs: i32, ks: i32, b: usize, c: usize, i: i32, n: i32, k: i32, acc: i32): void {
  const a0 = a + ((<usize>(i * rs)) << 2);
  const ksb = (<usize>ks) << 2;
  const nb = (<usize>n) << 2;
  const c0 = c + (<usize>(i * n) << 2);
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const jb = (<usize>j) << 2;
    let x0 = f32x4.splat(0);
    let bp = b + jb;
    let ko: usize = 0;
    for (let p = 0; p < k; p++) {
      x0 = f32x4.add(x0, f32x4.mul(f32x4.splat(load<f32>(a0 + ko)), v128.load(bp)));
      bp += nb;
      ko += ksb;
    }
    if (acc) x0 = f32x4.add(x0, v128.load(c0 + jb));
    v128.store(c0 + jb, x0);
  }
  for (; j < n; j++) {
    const jb = (<usize>j) << 2;
    let s0: f32 = 0;
    let bp = b + jb;
    let ko: usize = 0;
    for (let p = 0; p < k; p++) {
      s0 += load<f32>(a0 + ko) * load<f32>(bp);
      bp += nb;
      ko += ksb;
    }
    if (acc) s0 += load<f32>(c0 + jb);
    store<f32>(c0 + jb, s0);
  }
}

// NT without scratch (B too large to transpose): dot products of A's rows with B's rows.
function gemmDot(a: usize, rs: i32, ks: i32, b: usize, c: usize, m: i32, n: i32, k: i32, acc: i32): void {
  const ksb = (<usize>ks) << 2;
  for (let i = 0; i < m; i++) {
    const ai = a + ((<usize>(i * rs)) << 2);
    for (let j = 0; j < n; j++) {
      const bj = b + ((<usize>(j * k)) << 2);
      let s: f32 = 0;
      for (let p = 0; p < k; p++) s += load<f32>(ai + (<usize>p) * ksb) * load<f32>(bj + ((<usize>p) << 2));
      const cij = c + ((<usize>(i * n + j)) << 2);
      store<f32>(cij, acc ? load<f32>(cij) + s : s);
    }
  }
}
