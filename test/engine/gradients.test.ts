// Every op's backward rule agrees with central finite differences (float64 reference engine).
import { describe, expect, it } from 'vitest';
import { OP_NAMES } from '../../src/engine/op-names.js';
import { gradientError } from './gradcheck.js';
import { GRADIENT_CASES } from './gradient-cases.js';

describe('gradients match finite differences', () => {
  for (const op of OP_NAMES) {
    it(op, () => {
      const cases = GRADIENT_CASES[op];
      expect(cases.length, `no gradient case for ${op}`).toBeGreaterThan(0);
      cases.forEach((kase, i) => expect(gradientError(kase), `${op} case ${i}`).toBeLessThan(1e-6));
    });
  }
});
