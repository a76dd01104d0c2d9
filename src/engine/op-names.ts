// One name per op: it ties the op's tape record, its kernel(s) and its backward rule together,
// and the gradient-check test fails for any name here that has no check.
import { BASIC_OP_NAMES } from './ops/basic-op-names.js';
import { RECURRENT_OP_NAMES } from './ops/recurrent-op-names.js';

export const OP_NAMES = [...BASIC_OP_NAMES, ...RECURRENT_OP_NAMES] as const;

export type OpName = (typeof OP_NAMES)[number];
