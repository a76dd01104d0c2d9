// The float64 twins of the basic kernels, by kernel name.
import type { BasicKernels } from '../kernels.js';
import type { ReferenceOf } from './index.js';
import { gemm } from './gemm.js';
import { addRowVector, mulRowVector, subRowVector, sumRows } from './rows.js';
import { add, addProduct, addScalar, axpy, mul, scale, sub } from './elementwise.js';
import * as activations from './activations.js';
import { logSoftmax, logSoftmaxBackward, softmax, softmaxBackward } from './softmax.js';
import { broadcastAxis, sumAxis, sumSquares, variance, varianceBackward } from './reduce.js';
import { copyRows, embedding, embeddingBackward } from './copy.js';
import * as losses from './losses.js';
import { adamUpdate, sgdUpdate } from './optimizers.js';

export const BASIC_REFERENCE: ReferenceOf<BasicKernels> = {
  gemm,
  addRowVector,
  subRowVector,
  mulRowVector,
  sumRows,
  axpy,
  add,
  sub,
  mul,
  addProduct,
  scale,
  addScalar,
  ...activations,
  softmax,
  softmaxBackward,
  logSoftmax,
  logSoftmaxBackward,
  sumAxis,
  broadcastAxis,
  variance,
  varianceBackward,
  sumSquares,
  copyRows,
  embedding,
  embeddingBackward,
  ...losses,
  adamUpdate,
  sgdUpdate,
};
