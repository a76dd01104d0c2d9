// Float64 references for the activation kernels: forward maps and accumulating backward rules.
import type { FloatArray } from '../memory.js';

type Map = (h: FloatArray, n: number, x: number, out: number) => void;
type Rule = (h: FloatArray, n: number, saved: number, dy: number, dx: number) => void;

/** A forward kernel from a scalar function. */
function map(f: (x: number) => number): Map {
  return (h, n, x, out) => {
    for (let i = 0; i < n; i++) h[out + i] = f(h[x + i]);
  };
}

/** A backward kernel dx += g(saved, dy) from a scalar rule. */
function rule(g: (saved: number, dy: number) => number): Rule {
  return (h, n, saved, dy, dx) => {
    for (let i = 0; i < n; i++) h[dx + i] += g(h[saved + i], h[dy + i]);
  };
}

export const sigmoid = map((x) => 1 / (1 + Math.exp(-x)));
export const sigmoidBackward = rule((y, dy) => dy * y * (1 - y));
export const tanh = map(Math.tanh);
export const tanhBackward = rule((y, dy) => dy * (1 - y * y));
export const relu = map((x) => Math.max(x, 0));
export const reluBackward = rule((y, dy) => (y > 0 ? dy : 0));
export const sqrt = map(Math.sqrt);
export const sqrtBackward = rule((y, dy) => dy / (2 * y));
export const abs = map(Math.abs);
export const absBackward = rule((x, dy) => dy * Math.sign(x));
export const square = map((x) => x * x);
export const squareBackward = rule((x, dy) => 2 * x * dy);
export const exp = map(Math.exp);
export const log = map(Math.log);
export const logBackward = rule((x, dy) => dy / x);

export function clamp(h: FloatArray, n: number, low: number, high: number, x: number, out: number): void {
  for (let i = 0; i < n; i++) h[out + i] = Math.min(Math.max(h[x + i], low), high);
}

export function clampBackward(h: FloatArray, n: number, low: number, high: number, x: number, dy: number, dx: number): void {
  for (let i = 0; i < n; i++) if (h[x + i] > low && h[x + i] < high) h[dx + i] += h[dy + i];
}
