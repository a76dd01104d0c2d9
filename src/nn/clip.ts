// Gradient clipping by global norm (PyTorch's clip_grad_norm_): if ‖g‖ over all parameters
// exceeds maxNorm, every gradient is scaled by maxNorm / (‖g‖ + 1e-6).
import type { Parameter } from '../engine/tensor.js';

/** Clips in place; returns the norm before clipping (non-finite: nothing is scaled). */
export function clipGradNorm(parameters: readonly Parameter[], maxNorm: number): number {
  if (parameters.length === 0) return 0;
  const e = parameters[0].engine;
  const total = e.tensor([1]);
  parameters.forEach((p, i) => e.kernels.sumSquares(p.size, p.gradient.offset, total.offset, i === 0 ? 0 : 1));
  const norm = Math.sqrt(total.data[0]);
  const coefficient = maxNorm / (norm + 1e-6);
  if (Number.isFinite(norm) && coefficient < 1) {
    for (const p of parameters) e.kernels.scale(p.size, coefficient, p.gradient.offset, p.gradient.offset);
  }
  return norm;
}
