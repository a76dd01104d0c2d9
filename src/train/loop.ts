// The training loop shared by every model: iterate, report progress, checkpoint every N
// iterations and at the end, stop cleanly on an AbortSignal, and stop on divergence (NaN/Inf)
// without overwriting the last good checkpoint. A schedule is one or more named phases run in
// order (src/train/phases.ts); progress names the phase and times each phase on its own.
import { PhaseClock, phaseOfLatest, totalIterations, type TrainingPhase } from './phases.js';

export type { TrainingPhase } from './phases.js';

/** Losses of one iteration, by name (e.g. { discriminator: 0.69, generator: 0.71 }). */
export type Losses = Record<string, number>;

export interface ProgressEvent {
  /** The phase of the latest iteration, e.g. 'joint'. */
  phase: string;
  /** Its number, from 1, of `phases`. */
  phaseIndex: number;
  phases: number;
  /** Iterations done in this phase, of `phaseIterations`. */
  phaseIteration: number;
  phaseIterations: number;
  /** Iterations done in all phases together, of `iterations`. */
  iteration: number;
  iterations: number;
  losses: Losses;
  /** Iterations per second of this phase in this run (not counting resumed ones). */
  iterationsPerSecond: number;
  /** Estimated seconds left in all phases, each at its own rate (Infinity before any is measured). */
  etaSeconds: number;
}

export interface LoopOptions {
  /** The schedule: the loop runs from `startIteration` to the sum of the phases' iterations. */
  phases: readonly TrainingPhase[];
  /** Iterations done in all phases before this run. */
  startIteration?: number;
  /** Runs one iteration and returns its losses. */
  step: (iteration: number) => Losses;
  /** Whether the model's weights are all finite (checked at each log and checkpoint). */
  weightsFinite: () => boolean;
  /** Called every `logEvery` iterations and at the end. */
  onProgress?: (event: ProgressEvent) => void;
  logEvery?: number;
  /** Saves a checkpoint after `iteration` iterations; called every `checkpointEvery` and at the end. */
  checkpoint?: (iteration: number) => Promise<void>;
  checkpointEvery?: number;
  signal?: AbortSignal;
}

export interface LoopResult {
  iterationsDone: number;
  aborted: boolean;
  seconds: number;
  lastLosses: Losses;
}

/** Training stopped because a loss or a weight became NaN or infinite. */
export class DivergenceError extends Error {
  override readonly name = 'DivergenceError';
  constructor(
    readonly iteration: number,
    readonly what: string,
  ) {
    super(`training diverged at iteration ${iteration}: ${what} is not finite`);
  }
}

export async function runTrainingLoop(o: LoopOptions): Promise<LoopResult> {
  const start = o.startIteration ?? 0;
  const logEvery = o.logEvery ?? 50;
  const checkpointEvery = o.checkpointEvery ?? 0;
  const iterations = totalIterations(o.phases);
  const began = performance.now();
  const clock = new PhaseClock(o.phases);
  let lastLosses: Losses = {};
  let i = start;
  clock.reached(i);
  const report = (): void => {
    const { index, done } = phaseOfLatest(o.phases, i);
    o.onProgress?.({
      phase: o.phases[index].name,
      phaseIndex: index + 1,
      phases: o.phases.length,
      phaseIteration: done,
      phaseIterations: o.phases[index].iterations,
      iteration: i,
      iterations,
      losses: lastLosses,
      iterationsPerSecond: clock.rate(index, i),
      etaSeconds: clock.secondsLeft(i),
    });
  };
  while (i < iterations) {
    if (o.signal?.aborted) break;
    lastLosses = o.step(i);
    for (const [name, value] of Object.entries(lastLosses)) if (!Number.isFinite(value)) throw new DivergenceError(i + 1, `loss ${name}`);
    i++;
    clock.reached(i);
    const atCheckpoint = checkpointEvery > 0 && i % checkpointEvery === 0;
    if (i % logEvery === 0 || atCheckpoint) {
      if (!o.weightsFinite()) throw new DivergenceError(i, 'a weight');
      if (i % logEvery === 0) report();
    }
    if (atCheckpoint && i < iterations) await o.checkpoint?.(i);
    // let timers, signals and abort handlers run between iterations
    if (i % 8 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (!o.weightsFinite()) throw new DivergenceError(i, 'a weight');
  if (i % logEvery !== 0) report();
  if (i > start) await o.checkpoint?.(i);
  return { iterationsDone: i, aborted: i < iterations, seconds: (performance.now() - began) / 1000, lastLosses };
}
