// Exports of the basic kernels (dense algebra, elementwise, reductions, losses, optimizers).
export { gemm } from './gemm';
export { addRowVector, sumRows } from './rows';
export { axpy } from './elementwise';
