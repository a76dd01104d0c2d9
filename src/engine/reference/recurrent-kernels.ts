// The float64 twins of the recurrent kernels, by kernel name.
import type { RecurrentKernels } from '../kernels.js';
import type { ReferenceOf } from './index.js';

export const RECURRENT_REFERENCE: ReferenceOf<RecurrentKernels> = {};
