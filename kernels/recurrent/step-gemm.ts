// The matrix products of the recurrent kernels, C[M,N] = op(A)·B + init, with explicit strides so
// they read step t's rows straight out of [batch, time, features] sequences, and A's transpose
// (for weight gradients) without copying. Addresses are bytes; strides are in elements.
// A 4×8 register block (8 accumulators, 2 B vectors, 1 broadcast A value) fits the 15 usable
// x64 vector registers; A values are broadcast straight from memory (v128.load32_splat).

/** How C starts: overwritten, added to, or seeded with a bias row [N]. */
export const OVERWRITE: i32 = 0;
export const ACCUMULATE: i32 = 1;
export const BIAS: i32 = 2;

/**
 * C = A·B (mode OVERWRITE), C += A·B (ACCUMULATE) or C = A·B + bias (BIAS, bias: [N]).
 * A(i, p) at a + 4(i·ai + p·ap); B(p, j) at b + 4(p·ldb + j); C(i, j) at c + 4(i·ldc + j).
 * Row-major A is (ai, ap) = (lda, 1); a transposed row-major A [K, M] is (1, M).
 */
export function stepGemm(
  a: usize, ai: i32, ap: i32, b: usize, ldb: i32, c: usize, ldc: i32,
  m: i32, n: i32, k: i32, mode: i32, bias: usize,
): void {
  const s = STRIDES;
  s.ra = (<usize>ai) << 2;
  s.pa = (<usize>ap) << 2;
  s.rb = (<usize>ldb) << 2;
  s.rc = (<usize>ldc) << 2;
  s.k = k;
  s.mode = mode;
  s.bias = bias;
  let i = 0;
  for (; i + 4 <= m; i += 4) rowBlock(a + ((<usize>(i * ai)) << 2), c + ((<usize>(i * ldc)) << 2), b, n, 4, s);
  for (; i < m; i++) rowBlock(a + ((<usize>(i * ai)) << 2), c + ((<usize>(i * ldc)) << 2), b, n, 1, s);
}

// The loop-invariant arguments (strides in bytes), in one static record: no allocation, since
// the kernels run without a garbage collector and the heap above __heap_base belongs to tensors.
@final @unmanaged class Strides {
  ra: usize = 0; // between rows of A
  pa: usize = 0; // between k of A
  rb: usize = 0; // between rows of B
  rc: usize = 0; // between rows of C
  k: i32 = 0;
  mode: i32 = 0;
  bias: usize = 0;
}

const STRIDES = changetype<Strides>(memory.data(offsetof<Strides>(), 16));

// `rows` (4 or 1) rows of C: blocks of 8 columns, then 4, then single columns.
// @ts-ignore: decorator
@inline function rowBlock(a: usize, c: usize, b: usize, n: i32, rows: i32, s: Strides): void {
  let j = 0;
  if (rows == 4) {
    for (; j + 8 <= n; j += 8) block4x8(a, b, c, (<usize>j) << 2, s);
  } else {
    for (; j + 8 <= n; j += 8) block1x8(a, b, c, (<usize>j) << 2, s);
  }
  for (; j + 4 <= n; j += 4) for (let r = 0; r < rows; r++) block1x4(a + (<usize>r) * s.ra, b, c + (<usize>r) * s.rc, (<usize>j) << 2, s);
  for (; j < n; j++) for (let r = 0; r < rows; r++) block1x1(a + (<usize>r) * s.ra, b, c + (<usize>r) * s.rc, (<usize>j) << 2, s);
}

// The starting value of an accumulator for columns at byte offset jb of the C row at c.
// @ts-ignore: decorator
@inline function seed(c: usize, jb: usize, s: Strides): v128 {
  if (s.mode == ACCUMULATE) return v128.load(c + jb);
  if (s.mode == BIAS) return v128.load(s.bias + jb);
  return f32x4.splat(0);
}

// Rows i … i+3, columns j … j+7 of C.
function block4x8(a: usize, b: usize, c: usize, jb: usize, s: Strides): void {
  const ra = s.ra;
  const rc = s.rc;
  let x0 = seed(c, jb, s), y0 = seed(c, jb + 16, s);
  let x1 = seed(c + rc, jb, s), y1 = seed(c + rc, jb + 16, s);
  let x2 = seed(c + 2 * rc, jb, s), y2 = seed(c + 2 * rc, jb + 16, s);
  let x3 = seed(c + 3 * rc, jb, s), y3 = seed(c + 3 * rc, jb + 16, s);
  let bp = b + jb;
  let ap = a;
  for (let p = 0; p < s.k; p++) {
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
    bp += s.rb;
    ap += s.pa;
  }
  v128.store(c + jb, x0); v128.store(c + jb, y0, 16);
  v128.store(c + rc + jb, x1); v128.store(c + rc + jb, y1, 16);
  v128.store(c + 2 * rc + jb, x2); v128.store(c + 2 * rc + jb, y2, 16);
  v128.store(c + 3 * rc + jb, x3); v128.store(c + 3 * rc + jb, y3, 16);
}

// One row of C, columns j … j+7 (rows left over after blocks of four).
function block1x8(a: usize, b: usize, c: usize, jb: usize, s: Strides): void {
  let x = seed(c, jb, s), y = seed(c, jb + 16, s);
  let bp = b + jb;
  let ap = a;
  for (let p = 0; p < s.k; p++) {
    const v = v128.load32_splat(ap);
    x = f32x4.add(x, f32x4.mul(v, v128.load(bp)));
    y = f32x4.add(y, f32x4.mul(v, v128.load(bp, 16)));
    bp += s.rb;
    ap += s.pa;
  }
  v128.store(c + jb, x);
  v128.store(c + jb, y, 16);
}

// One row of C, columns j … j+3.
function block1x4(a: usize, b: usize, c: usize, jb: usize, s: Strides): void {
  let x = seed(c, jb, s);
  let bp = b + jb;
  let ap = a;
  for (let p = 0; p < s.k; p++) {
    x = f32x4.add(x, f32x4.mul(v128.load32_splat(ap), v128.load(bp)));
    bp += s.rb;
    ap += s.pa;
  }
  v128.store(c + jb, x);
}

// One element C(i, j).
function block1x1(a: usize, b: usize, c: usize, jb: usize, s: Strides): void {
  let v: f32 = s.mode == ACCUMULATE ? load<f32>(c + jb) : s.mode == BIAS ? load<f32>(s.bias + jb) : 0;
  let bp = b + jb;
  let ap = a;
  for (let p = 0; p < s.k; p++) {
    v += load<f32>(ap) * load<f32>(bp);
    bp += s.rb;
    ap += s.pa;
  }
  store<f32>(c + jb, v);
}
