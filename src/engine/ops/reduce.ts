// Reductions: sum, mean and (population) variance, over one axis or, for sum and mean, over
// everything. The reduced axis is removed from the shape: sum(x [B,T,F], 0) → [T,F]; a full
// reduction gives shape [1].
import type { Tensor } from '../tensor.js';
import { around, resolveAxis, withoutAxis } from './axes.js';

/** y = alpha · Σ over `axis` (or all); the shared body of sum and mean. */
function reduce(name: 'sum' | 'mean', x: Tensor, axis: number | undefined): Tensor {
  const e = x.engine;
  const a = axis === undefined ? undefined : resolveAxis(name, x.shape, axis);
  const [outer, len, inner] = a === undefined ? [1, x.size, 1] : around(x.shape, a);
  const alpha = name === 'mean' ? 1 / len : 1;
  const y = e.tensor(a === undefined ? [1] : withoutAxis(x.shape, a));
  e.kernels.sumAxis(outer, len, inner, alpha, x.offset, y.offset, 0);
  if (e.tape.wants([x])) {
    e.tape.record(name, [x], [y], ([dy]) => e.kernels.broadcastAxis(outer, len, inner, alpha, dy!.offset, e.gradOf(x).offset, 1));
  }
  return y;
}

/** Σ of x over `axis` (removed from the shape), or of all elements → [1]. Backward: dx += dy, broadcast. */
export function sum(x: Tensor, axis?: number): Tensor {
  return reduce('sum', x, axis);
}

/** Mean of x over `axis` (removed), or of all elements → [1]. Backward: dx += dy / len, broadcast. */
export function mean(x: Tensor, axis?: number): Tensor {
  return reduce('mean', x, axis);
}

/**
 * Population variance (divides by len) over `axis`, removed from the shape: variance(x [B,T,F], 0)
 * → [T,F], the batch statistic of TimeGAN's moment loss. Backward: dx += dy · 2(x − mean)/len.
 */
export function variance(x: Tensor, axis: number): Tensor {
  const e = x.engine;
  const a = resolveAxis('variance', x.shape, axis);
  const [outer, len, inner] = around(x.shape, a);
  const shape = withoutAxis(x.shape, a);
  const m = e.tensor(shape);
  const y = e.tensor(shape);
  e.kernels.variance(outer, len, inner, x.offset, m.offset, y.offset);
  if (e.tape.wants([x])) {
    e.tape.record('variance', [x], [y], ([dy]) =>
      e.kernels.varianceBackward(outer, len, inner, x.offset, m.offset, dy!.offset, e.gradOf(x).offset),
    );
  }
  return y;
}
