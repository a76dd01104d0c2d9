// Elementwise maps y = f(x): sigmoid, tanh, relu, sqrt, abs, square, exp, log, clamp. Each records
// under its own name; its backward kernel reads the output y where f′ is cheaper from it
// (σ′ = y(1 − y), tanh′ = 1 − y², exp′ = y), else the input x.
import type { BasicKernels } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import type { BasicOpName } from './basic-op-names.js';

type MapName = 'sigmoid' | 'tanh' | 'relu' | 'sqrt' | 'abs' | 'square' | 'exp' | 'log';
type RuleName = 'sigmoidBackward' | 'tanhBackward' | 'reluBackward' | 'sqrtBackward' | 'absBackward'
  | 'squareBackward' | 'addProduct' | 'logBackward';

/** The one template: y = f(x); backward dx += rule(saved, dy) with saved = y or x. */
function map(name: MapName & BasicOpName & keyof BasicKernels, x: Tensor, rule: RuleName, saves: 'x' | 'y'): Tensor {
  const e = x.engine;
  const y = e.tensor(x.shape);
  e.kernels[name](x.size, x.offset, y.offset);
  if (e.tape.wants([x])) {
    const saved = saves === 'y' ? y : x;
    e.tape.record(name, [x], [y], ([dy]) => e.kernels[rule](x.size, saved.offset, dy!.offset, e.gradOf(x).offset));
  }
  return y;
}

/** y = 1 / (1 + e^−x). Backward saves y: dx += dy · y(1 − y). */
export function sigmoid(x: Tensor): Tensor {
  return map('sigmoid', x, 'sigmoidBackward', 'y');
}

/** y = tanh x. Backward saves y: dx += dy · (1 − y²). */
export function tanh(x: Tensor): Tensor {
  return map('tanh', x, 'tanhBackward', 'y');
}

/** y = max(x, 0). Backward: dx += dy where y > 0. */
export function relu(x: Tensor): Tensor {
  return map('relu', x, 'reluBackward', 'y');
}

/** y = √x (x ≥ 0). Backward saves y: dx += dy / (2y). */
export function sqrt(x: Tensor): Tensor {
  return map('sqrt', x, 'sqrtBackward', 'y');
}

/** y = |x|. Backward: dx += dy · sign(x), with sign(0) = 0. */
export function abs(x: Tensor): Tensor {
  return map('abs', x, 'absBackward', 'x');
}

/** y = x². Backward: dx += 2x · dy. */
export function square(x: Tensor): Tensor {
  return map('square', x, 'squareBackward', 'x');
}

/** y = eˣ (the float32 engine clamps x to [−87, 88]). Backward saves y: dx += dy · y. */
export function exp(x: Tensor): Tensor {
  return map('exp', x, 'addProduct', 'y');
}

/** y = ln x (x > 0). Backward: dx += dy / x. */
export function log(x: Tensor): Tensor {
  return map('log', x, 'logBackward', 'x');
}

/** y = min(max(x, low), high). Backward: dx += dy where low < x < high. */
export function clamp(x: Tensor, low: number, high: number): Tensor {
  const e = x.engine;
  const y = e.tensor(x.shape);
  e.kernels.clamp(x.size, low, high, x.offset, y.offset);
  if (e.tape.wants([x])) {
    e.tape.record('clamp', [x], [y], ([dy]) => e.kernels.clampBackward(x.size, low, high, x.offset, dy!.offset, e.gradOf(x).offset));
  }
  return y;
}
