// Float64 references for strided copies and row gathers (ids stored as float values).
import type { FloatArray } from '../memory.js';

export function copyRows(h: FloatArray, rows: number, n: number, src: number, srcStride: number, dst: number, dstStride: number, accumulate: number): void {
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < n; j++) {
      const at = dst + r * dstStride + j;
      h[at] = (accumulate ? h[at] : 0) + h[src + r * srcStride + j];
    }
  }
}

export function embedding(h: FloatArray, count: number, e: number, table: number, ids: number, out: number): void {
  for (let r = 0; r < count; r++) {
    const id = Math.trunc(h[ids + r]);
    for (let j = 0; j < e; j++) h[out + r * e + j] = h[table + id * e + j];
  }
}

export function embeddingBackward(h: FloatArray, count: number, e: number, ids: number, dy: number, dtable: number): void {
  for (let r = 0; r < count; r++) {
    const id = Math.trunc(h[ids + r]);
    for (let j = 0; j < e; j++) h[dtable + id * e + j] += h[dy + r * e + j];
  }
}
