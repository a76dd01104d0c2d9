// Shape ops that copy: concat along any axis, slice along one axis, and expandTime (a
// per-sequence vector repeated at every step). Backward rules copy (or sum) the gradient back.
import { type Tensor, fmt } from '../tensor.js';
import { around, resolveAxis } from './axes.js';

/**
 * Joins tensors along `axis`; all other dims must agree. E.g. concat([x [B,T,F], c [B,T,C]], 2)
 * → [B,T,F+C]. Backward: each input receives its slab of dy.
 */
export function concat(tensors: readonly Tensor[], axis: number): Tensor {
  if (tensors.length === 0) throw new Error('concat: no tensors');
  const first = tensors[0];
  const a = resolveAxis('concat', first.shape, axis);
  for (const t of tensors) {
    const ok = t.shape.length === first.shape.length && t.shape.every((d, i) => i === a || d === first.shape[i]);
    if (!ok) throw new Error(`concat along axis ${a}: ${fmt(t.shape)} does not fit ${fmt(first.shape)}`);
  }
  const e = first.engine;
  const [outer] = around(first.shape, a);
  const widths = tensors.map((t) => t.size / outer); // each input is [outer, width]
  const total = widths.reduce((s, w) => s + w, 0);
  const shape = [...first.shape];
  shape[a] = tensors.reduce((s, t) => s + t.shape[a], 0);
  const y = e.tensor(shape);
  const starts: number[] = [];
  let start = 0;
  tensors.forEach((t, i) => {
    starts.push(start);
    e.kernels.copyRows(outer, widths[i], t.offset, widths[i], y.offset + start, total, 0);
    start += widths[i];
  });
  if (e.tape.wants(tensors)) {
    e.tape.record('concat', tensors, [y], ([dy]) => {
      tensors.forEach((t, i) => {
        if (t.requiresGrad) e.kernels.copyRows(outer, widths[i], dy!.offset + starts[i], total, e.gradOf(t).offset, widths[i], 1);
      });
    });
  }
  return y;
}

/**
 * x's elements start ≤ k < end along `axis`. E.g. slice(h [B,T,H], 1, T − 1, T) → [B,1,H], the
 * last step. Backward: dy is added into that window of dx.
 */
export function slice(x: Tensor, axis: number, start: number, end: number): Tensor {
  const a = resolveAxis('slice', x.shape, axis);
  const [outer, len, inner] = around(x.shape, a);
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= len)) {
    throw new Error(`slice: [${start}, ${end}) out of range for axis ${a} of ${fmt(x.shape)}`);
  }
  const e = x.engine;
  const shape = [...x.shape];
  shape[a] = end - start;
  const y = e.tensor(shape);
  const width = (end - start) * inner;
  e.kernels.copyRows(outer, width, x.offset + start * inner, len * inner, y.offset, width, 0);
  if (e.tape.wants([x])) {
    e.tape.record('slice', [x], [y], ([dy]) => {
      e.kernels.copyRows(outer, width, dy!.offset, width, e.gradOf(x).offset + start * inner, len * inner, 1);
    });
  }
  return y;
}

/** x [B,C] repeated at each of T steps → [B,T,C]. Backward: dx += Σ_t dy[:, t, :]. */
export function expandTime(x: Tensor, steps: number): Tensor {
  if (x.shape.length !== 2) throw new Error(`expandTime: expected [batch, channels], got ${fmt(x.shape)}`);
  const [b, c] = x.shape;
  const e = x.engine;
  const y = e.tensor([b, steps, c]);
  e.kernels.broadcastAxis(b, steps, c, 1, x.offset, y.offset, 0);
  if (e.tape.wants([x])) {
    e.tape.record('expandTime', [x], [y], ([dy]) => e.kernels.sumAxis(b, steps, c, 1, dy!.offset, e.gradOf(x).offset, 1));
  }
  return y;
}
