// The ops: every differentiable operation on tensors, one file per family.
export { matmul, linear } from './linear.js';
export { reshape } from './reshape.js';
export { add, sub, mul, scale, addScalar } from './elementwise.js';
export { sigmoid, tanh, relu, sqrt, abs, square, exp, log, clamp } from './activations.js';
export { softmax, logSoftmax } from './softmax.js';
export { concat, slice, expandTime } from './shape.js';
export { sum, mean, variance } from './reduce.js';
export { embedding } from './embedding.js';
export { bceWithLogits, mseLoss, maeLoss, crossEntropy } from './losses.js';
export * from './recurrent.js';
