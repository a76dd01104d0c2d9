// The training loop shared by every model: iterate, report progress, checkpoint every N
// iterations and at the end, stop cleanly on an AbortSignal, and stop on divergence (NaN/Inf)
// without overwriting the last good checkpoint.

/** Losses of one iteration, by name (e.g. { discriminator: 0.69, generator: 0.71 }). */
export type Losses = Record<string, number>;

export interface ProgressEvent {
  iteration: number;
  iterations: number;
  losses: Losses;
  /** Iterations per second over this run (not counting resumed ones). */
  iterationsPerSecond: number;
  /** Estimated seconds left. */
  etaSeconds: number;
}

export interface LoopOptions {
  /** Total iterations; the loop runs from `startIteration` up to this. */
  iterations: number;
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
  const began = performance.now();
  let lastLosses: Losses = {};
  let i = start;
  const report = (): void => {
    const seconds = (performance.now() - began) / 1000;
    const rate = (i - start) / Math.max(seconds, 1e-9);
    o.onProgress?.({ iteration: i, iterations: o.iterations, losses: lastLosses, iterationsPerSecond: rate, etaSeconds: (o.iterations - i) / Math.max(rate, 1e-9) });
  };
  while (i < o.iterations) {
    if (o.signal?.aborted) break;
    lastLosses = o.step(i);
    for (const [name, value] of Object.entries(lastLosses)) if (!Number.isFinite(value)) throw new DivergenceError(i + 1, `loss ${name}`);
    i++;
    const atCheckpoint = checkpointEvery > 0 && i % checkpointEvery === 0;
    if (i % logEvery === 0 || atCheckpoint) {
      if (!o.weightsFinite()) throw new DivergenceError(i, 'a weight');
      if (i % logEvery === 0) report();
    }
    if (atCheckpoint && i < o.iterations) await o.checkpoint?.(i);
    // let timers, signals and abort handlers run between iterations
    if (i % 8 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (!o.weightsFinite()) throw new DivergenceError(i, 'a weight');
  if (i % logEvery !== 0) report();
  if (i > start) await o.checkpoint?.(i);
  return { iterationsDone: i, aborted: i < o.iterations, seconds: (performance.now() - began) / 1000, lastLosses };
}
