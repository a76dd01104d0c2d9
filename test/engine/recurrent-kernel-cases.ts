// Kernel comparison cases for the recurrent kernels (see kernel-cases.ts).
import type { RecurrentKernels } from '../../src/engine/kernels.js';
import type { KernelCase } from './kernel-cases.js';

export const RECURRENT_KERNEL_CASES: { [K in keyof RecurrentKernels]: () => KernelCase[] } = {};
