// Float64 references for row broadcasts and column sums over [rows, n] matrices.
import type { FloatArray } from '../memory.js';

export function addRowVector(h: FloatArray, rows: number, n: number, x: number, v: number, out: number): void {
  for (let r = 0; r < rows; r++) for (let j = 0; j < n; j++) h[out + r * n + j] = h[x + r * n + j] + h[v + j];
}

export function subRowVector(h: FloatArray, rows: number, n: number, x: number, v: number, out: number): void {
  for (let r = 0; r < rows; r++) for (let j = 0; j < n; j++) h[out + r * n + j] = h[x + r * n + j] - h[v + j];
}

export function mulRowVector(h: FloatArray, rows: number, n: number, x: number, v: number, out: number): void {
  for (let r = 0; r < rows; r++) for (let j = 0; j < n; j++) h[out + r * n + j] = h[x + r * n + j] * h[v + j];
}

export function sumRows(h: FloatArray, rows: number, n: number, x: number, out: number, accumulate: number): void {
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let r = 0; r < rows; r++) s += h[x + r * n + j];
    h[out + j] = accumulate ? h[out + j] + s : s;
  }
}
