// Exports of the fused recurrent kernels: one call runs a whole layer direction over all time
// steps (forward), or backpropagates through all of them (backward); and the scratch each needs.
// See kernels/recurrent/.
export { rnnForward, rnnBackward } from './recurrent/rnn';
export { gruForward, gruBackward } from './recurrent/gru';
export { lstmForward, lstmBackward } from './recurrent/lstm';
export { forwardWorkSize, backwardWorkSize } from './recurrent/layer';
