// Exports of the basic kernels (dense algebra, elementwise, reductions, losses, optimizers).
export { gemm } from './gemm';
export { addRowVector, subRowVector, mulRowVector, sumRows } from './rows';
export { axpy, add, sub, mul, addProduct, scale, addScalar } from './elementwise';
export {
  sigmoid, sigmoidBackward, tanh, tanhBackward, relu, reluBackward, sqrt, sqrtBackward,
  abs, absBackward, square, squareBackward, exp, log, logBackward, clamp, clampBackward,
} from './activations';
export { softmax, softmaxBackward, logSoftmax, logSoftmaxBackward } from './softmax';
export { sumAxis, broadcastAxis, variance, varianceBackward, sumSquares } from './reduce';
export { copyRows, embedding, embeddingBackward } from './copy';
export {
  bceWithLogits, bceWithLogitsBackward, mseLoss, mseLossBackward, maeLoss, maeLossBackward,
  crossEntropy, crossEntropyBackward,
} from './losses';
export { adamUpdate, sgdUpdate } from './optimizers';
