// The float64 twins of the recurrent kernels, by kernel name.
import type { RecurrentKernels } from '../kernels.js';
import type { ReferenceOf } from './index.js';
import { gruBackward, gruForward } from './recurrent-gru.js';
import { lstmBackward, lstmForward } from './recurrent-lstm.js';
import { rnnBackward, rnnForward } from './recurrent-rnn.js';

export const RECURRENT_REFERENCE: ReferenceOf<RecurrentKernels> = {
  rnnForward,
  rnnBackward,
  gruForward,
  gruBackward,
  lstmForward,
  lstmBackward,
};
