// Strided block copies (concat, slice) and row gathers (embedding lookups), with the
// accumulating forms their backward rules need. Row indices arrive as float32 values (exact
// below 2^24), since TypeScript owns one float heap.
import { at } from './memory';

/** dst[r·dstStride + j] += src[r·srcStride + j] for one row of n floats (byte addresses). */
// @ts-ignore: decorator
@inline function addRow(src: usize, dst: usize, n: i32): void {
  const end = (<usize>n) << 2;
  let j: usize = 0;
  for (; j + 16 <= end; j += 16) v128.store(dst + j, f32x4.add(v128.load(dst + j), v128.load(src + j)));
  for (; j < end; j += 4) store<f32>(dst + j, load<f32>(dst + j) + load<f32>(src + j));
}

/** dst[r·dstStride + j] (+)= src[r·srcStride + j] for r < rows, j < n. */
export function copyRows(rows: i32, n: i32, src: i32, srcStride: i32, dst: i32, dstStride: i32, accumulate: i32): void {
  for (let r = 0; r < rows; r++) {
    const s = at(src + r * srcStride), d = at(dst + r * dstStride);
    if (accumulate) addRow(s, d, n);
    else memory.copy(d, s, (<usize>n) << 2);
  }
}

/** out[r, :] = table[ids[r], :] for r < count; table [V, e], out [count, e]. */
export function embedding(count: i32, e: i32, table: i32, ids: i32, out: i32): void {
  const idb = at(ids);
  for (let r = 0; r < count; r++) {
    const id = <i32>load<f32>(idb + ((<usize>r) << 2));
    memory.copy(at(out + r * e), at(table + id * e), (<usize>e) << 2);
  }
}

/** dtable[ids[r], :] += dy[r, :] for r < count (repeated ids add up). */
export function embeddingBackward(count: i32, e: i32, ids: i32, dy: i32, dtable: i32): void {
  const idb = at(ids);
  for (let r = 0; r < count; r++) {
    const id = <i32>load<f32>(idb + ((<usize>r) << 2));
    addRow(at(dy + r * e), at(dtable + id * e), e);
  }
}
