// Float64 references for the elementwise arithmetic kernels.
import type { FloatArray } from '../memory.js';

export function axpy(h: FloatArray, n: number, alpha: number, x: number, y: number): void {
  for (let i = 0; i < n; i++) h[y + i] += alpha * h[x + i];
}

export function add(h: FloatArray, n: number, a: number, b: number, out: number): void {
  for (let i = 0; i < n; i++) h[out + i] = h[a + i] + h[b + i];
}

export function sub(h: FloatArray, n: number, a: number, b: number, out: number): void {
  for (let i = 0; i < n; i++) h[out + i] = h[a + i] - h[b + i];
}

export function mul(h: FloatArray, n: number, a: number, b: number, out: number): void {
  for (let i = 0; i < n; i++) h[out + i] = h[a + i] * h[b + i];
}

export function addProduct(h: FloatArray, n: number, a: number, b: number, out: number): void {
  for (let i = 0; i < n; i++) h[out + i] += h[a + i] * h[b + i];
}

export function scale(h: FloatArray, n: number, alpha: number, x: number, out: number): void {
  for (let i = 0; i < n; i++) h[out + i] = alpha * h[x + i];
}

export function addScalar(h: FloatArray, n: number, s: number, x: number, out: number): void {
  for (let i = 0; i < n; i++) h[out + i] = h[x + i] + s;
}
