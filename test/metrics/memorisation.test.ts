import { describe, expect, it } from 'vitest';
import { memorisation } from '../../src/metrics/index.js';
import { mapValues, range, sines } from './fixtures.js';

const training = sines(1, 400);
const heldOut = sines(2, 200);

describe('memorisation', () => {
  it('flags exact copies of training sequences', () => {
    const copied = range(training, 0, 100);
    const m = memorisation(training, copied, { heldOut });
    expect([m.copies, m.copyShare, m.closerShare]).toEqual([100, 1, 1]);
    expect(m.baseline).toBe('held-out');
  });

  it('flags near copies as closer than real sequences are to each other, but not as copies', () => {
    const nearly = mapValues(range(training, 0, 100), (v) => v + 1e-4);
    const m = memorisation(training, nearly);
    expect(m.closerShare).toBe(1);
    expect(m.copies).toBe(0);
    expect(m.baseline).toBe('leave-one-out');
  });

  it('does not flag fresh samples of the same distribution: about q of them fall below the threshold', () => {
    const m = memorisation(training, sines(3, 400), { heldOut, quantile: 0.05 });
    expect(m.copies).toBe(0);
    expect(m.closerShare).toBeLessThan(0.12);
    expect(m.threshold).toBeGreaterThan(0);
    expect(m.syntheticDistances.length).toBe(400);
  });

  it('limits the queries to maxQueries per side', () => {
    const m = memorisation(training, sines(3, 400), { maxQueries: 50, seed: 1 });
    expect([m.syntheticDistances.length, m.baselineDistances.length]).toEqual([50, 50]);
  });
});
