// The three-phase schedule (docs/TIMEGAN.md §6.5): embedding, supervised, joint, I iterations each.
// Progress is kept as iterations done per phase; the phase under way is the last one begun, and a
// begun phase is never returned to. One overall position (0 … 3·I) counts across the phases, for
// progress events and checkpoints.
import type { TrainingPhase } from '../../train/phases.js';
import type { LearningRateDecay } from './config.js';

export const PHASES = ['embedding', 'supervised', 'joint'] as const;
export type PhaseName = (typeof PHASES)[number];

/**
 * The schedule for the training loop: `perPhase` iterations of each phase, with each phase's time
 * per iteration relative to an embedding iteration, for the ETA of phases not yet begun. The
 * costs come from BENCHMARKS.md workload B (about 23 / 13 / 190 ms per iteration with one
 * discriminator step); each further discriminator step adds about 2 (a joint phase of the stocks
 * preset, with 3, took about 1.5 times as long as with 1).
 */
export function trainingPhases(perPhase: number, discriminatorSteps: number): TrainingPhase[] {
  const relativeCost: PhaseIterations = { embedding: 1, supervised: 0.55, joint: 6 + 2 * discriminatorSteps };
  return PHASES.map((name) => ({ name, iterations: perPhase, relativeCost: relativeCost[name] }));
}

/** Iterations done in each phase. */
export type PhaseIterations = Record<PhaseName, number>;

export function noPhaseIterations(): PhaseIterations {
  return { embedding: 0, supervised: 0, joint: 0 };
}

/** Index of the phase under way: the last that has run (the first, before any). */
function currentIndex(done: PhaseIterations): number {
  for (let p = PHASES.length - 1; p > 0; p--) if (done[PHASES[p]] > 0) return p;
  return 0;
}

/** The phase the next iteration belongs to, with `perPhase` iterations each (the last may run on). */
export function nextPhase(done: PhaseIterations, perPhase: number): PhaseName {
  let p = currentIndex(done);
  while (p < PHASES.length - 1 && done[PHASES[p]] >= perPhase) p++;
  return PHASES[p];
}

/**
 * The overall position in a schedule of `perPhase` iterations per phase: earlier phases count
 * as complete, the current one as far as it has gone (at most `perPhase`). With one `perPhase`
 * throughout a run this is the number of iterations done.
 */
export function schedulePosition(done: PhaseIterations, perPhase: number): number {
  const p = currentIndex(done);
  return p * perPhase + Math.min(done[PHASES[p]], perPhase);
}

/** Iterations done in all phases together. */
export function totalIterations(done: PhaseIterations): number {
  return PHASES.reduce((sum, phase) => sum + done[phase], 0);
}

/**
 * The share of the learning rate that joint iteration `done` (0-based) of `perPhase` runs with:
 * 1 throughout for 'none'; otherwise 1 until the share `start` of the phase has run, then down
 * towards 0 at the phase's end, linearly or along a half cosine (0 beyond the phase).
 */
export function learningRateFactor(decay: LearningRateDecay, start: number, done: number, perPhase: number): number {
  const progress = Math.max(0, Math.min((done / perPhase - start) / (1 - start), 1));
  switch (decay) {
    case 'none':
      return 1;
    case 'linear':
      return 1 - progress;
    case 'cosine':
      return 0.5 * (1 + Math.cos(Math.PI * progress));
  }
}
