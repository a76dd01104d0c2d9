// Float64 references for the fused optimizer updates (which also zero the gradient).
import type { FloatArray } from '../memory.js';

export function adamUpdate(
  h: FloatArray,
  n: number,
  param: number,
  grad: number,
  m: number,
  v: number,
  stepSize: number,
  oneMinusBeta1: number,
  beta2: number,
  oneMinusBeta2: number,
  sqrtBc2: number,
  epsilon: number,
): void {
  for (let i = 0; i < n; i++) {
    const g = h[grad + i];
    const mi = h[m + i] + oneMinusBeta1 * (g - h[m + i]);
    const vi = beta2 * h[v + i] + oneMinusBeta2 * g * g;
    h[param + i] -= stepSize * (mi / (Math.sqrt(vi) / sqrtBc2 + epsilon));
    h[m + i] = mi;
    h[v + i] = vi;
    h[grad + i] = 0;
  }
}

export function sgdUpdate(h: FloatArray, n: number, param: number, grad: number, velocity: number, learningRate: number, momentum: number): void {
  for (let i = 0; i < n; i++) {
    let b = h[grad + i];
    if (momentum !== 0) {
      b += momentum * h[velocity + i];
      h[velocity + i] = b;
    }
    h[param + i] -= learningRate * b;
    h[grad + i] = 0;
  }
}
