// The float64 twins of the basic kernels, by kernel name.
import type { BasicKernels } from '../kernels.js';
import type { ReferenceOf } from './index.js';
import { gemm } from './gemm.js';
import { addRowVector, sumRows } from './rows.js';
import { axpy } from './elementwise.js';

export const BASIC_REFERENCE: ReferenceOf<BasicKernels> = { gemm, addRowVector, sumRows, axpy };
