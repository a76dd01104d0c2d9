// Gradient cases for the recurrent ops (see gradient-cases.ts).
import type { RECURRENT_OP_NAMES } from '../../src/engine/ops/recurrent-op-names.js';
import type { GradientCase } from './gradcheck.js';

type RecurrentOpName = (typeof RECURRENT_OP_NAMES)[number];

export const RECURRENT_GRADIENT_CASES: Record<RecurrentOpName, GradientCase[]> = {};
