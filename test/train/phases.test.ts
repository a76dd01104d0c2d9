// The ETA of a phased schedule: each phase at its own measured rate, phases not yet begun
// estimated from the measured ones and their relative costs.
import { describe, expect, it } from 'vitest';
import { PhaseClock, phaseAt, phaseOfLatest, type TrainingPhase } from '../../src/train/phases.js';

/** A TimeGAN-like schedule: fast embedding, faster supervised, a joint phase ten times slower. */
const SCHEDULE: TrainingPhase[] = [
  { name: 'embedding', iterations: 100, relativeCost: 1 },
  { name: 'supervised', iterations: 100, relativeCost: 0.5 },
  { name: 'joint', iterations: 100, relativeCost: 10 },
];

/** A clock the test moves by hand, and a PhaseClock reading it. */
function fakeClock(phases: TrainingPhase[]) {
  let now = 1000;
  const clock = new PhaseClock(phases, () => now);
  /** Runs `n` iterations of `seconds` each from overall count `from`, telling the clock of each. */
  const run = (from: number, n: number, seconds: number): number => {
    for (let i = from + 1; i <= from + n; i++) {
      now += seconds;
      clock.reached(i);
    }
    return from + n;
  };
  return { clock, run };
}

describe('phase positions', () => {
  it('places an overall count in its phase, the next phase beginning at a boundary', () => {
    expect(phaseAt(SCHEDULE, 0)).toEqual({ index: 0, done: 0 });
    expect(phaseAt(SCHEDULE, 100)).toEqual({ index: 1, done: 0 });
    expect(phaseAt(SCHEDULE, 250)).toEqual({ index: 2, done: 50 });
    expect(phaseAt(SCHEDULE, 300)).toEqual({ index: 2, done: 100 });
  });

  it('reports the latest iteration in the phase it ran in', () => {
    expect(phaseOfLatest(SCHEDULE, 100)).toEqual({ index: 0, done: 100 });
    expect(phaseOfLatest(SCHEDULE, 101)).toEqual({ index: 1, done: 1 });
    expect(phaseOfLatest(SCHEDULE, 300)).toEqual({ index: 2, done: 100 });
  });
});

describe('PhaseClock', () => {
  it('estimates a slow last phase from its relative cost before it begins', () => {
    const { clock, run } = fakeClock(SCHEDULE);
    clock.reached(0);
    let done = run(0, 100, 0.01); // embedding: 1 s
    done = run(done, 100, 0.005); // supervised: 0.5 s, as its cost of 0.5 says
    // 1.5 s for 150 units of cost: 0.01 s per unit, so 100 joint iterations of cost 10 take 10 s.
    // (An average since the start, 200 iterations in 1.5 s, would promise 0.75 s.)
    expect(clock.secondsLeft(done)).toBeCloseTo(10, 9);
  });

  it('uses the slow phase’s own measured rate once it runs', () => {
    const { clock, run } = fakeClock(SCHEDULE);
    clock.reached(0);
    let done = run(0, 100, 0.01);
    done = run(done, 100, 0.005);
    done = run(done, 10, 0.2); // joint runs twice as slow as its cost predicted
    expect(clock.secondsLeft(done)).toBeCloseTo(90 * 0.2, 9);
    expect(clock.rate(2, done)).toBeCloseTo(5, 9);
    expect(clock.rate(0, done)).toBeCloseTo(100, 9);
  });

  it('adds the rest of the current phase and each later phase at its own rate', () => {
    const { clock, run } = fakeClock(SCHEDULE);
    clock.reached(0);
    const done = run(0, 40, 0.02); // embedding at 0.02 s: 60 left of it, then 100 × 0.5 and 100 × 10 units
    expect(clock.secondsLeft(done)).toBeCloseTo(60 * 0.02 + 100 * 0.5 * 0.02 + 100 * 10 * 0.02, 9);
  });

  it('times a resumed run from where it resumed, skipping finished phases', () => {
    const { clock, run } = fakeClock(SCHEDULE);
    clock.reached(200);
    expect(clock.secondsLeft(200)).toBe(Infinity); // nothing measured yet
    const done = run(200, 50, 0.1);
    expect(clock.secondsLeft(done)).toBeCloseTo(50 * 0.1, 9);
    expect(clock.secondsLeft(300)).toBe(0);
  });

  it('treats phases without a relative cost as costing alike', () => {
    const { clock, run } = fakeClock([
      { name: 'a', iterations: 10 },
      { name: 'b', iterations: 30 },
    ]);
    clock.reached(0);
    expect(clock.secondsLeft(run(0, 10, 0.5))).toBeCloseTo(30 * 0.5, 9);
  });
});
