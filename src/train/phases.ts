// A training schedule as named phases run one after another (TimeGAN: embedding, supervised,
// joint; the recurrent GAN: one adversarial phase), and the clock that turns each phase's own
// measured rate into an honest ETA. An average rate since the start would not do: TimeGAN's
// joint iterations cost about ten times its embedding ones, so an ETA taken over the fast first
// phases promises minutes for a phase that takes an hour.

/** One phase of a schedule. */
export interface TrainingPhase {
  name: string;
  iterations: number;
  /**
   * Time per iteration relative to the schedule's other phases (default 1); it only serves to
   * estimate a phase that has not begun in this run, and the measured rate replaces it once the
   * phase runs.
   */
  relativeCost?: number;
}

/** Where an overall iteration count falls: the phase (0-based), and iterations done in it. */
export interface PhasePosition {
  index: number;
  done: number;
}

/**
 * The phase of the iteration after `done` overall iterations, and how far into it `done` is.
 * At a phase's end the next phase begins (done 0); at the schedule's end, the last phase is full.
 */
export function phaseAt(phases: readonly TrainingPhase[], done: number): PhasePosition {
  let begin = 0;
  for (let index = 0; index < phases.length - 1; index++) {
    if (done < begin + phases[index].iterations) return { index, done: done - begin };
    begin += phases[index].iterations;
  }
  return { index: phases.length - 1, done: done - begin };
}

/** The phase that iteration number `done` (1-based: the latest finished) belonged to. */
export function phaseOfLatest(phases: readonly TrainingPhase[], done: number): PhasePosition {
  if (done === 0) return phaseAt(phases, 0);
  const { index, done: before } = phaseAt(phases, done - 1);
  return { index, done: before + 1 };
}

export function totalIterations(phases: readonly TrainingPhase[]): number {
  return phases.reduce((sum, phase) => sum + phase.iterations, 0);
}

/** Iterations and seconds one phase has run in this run. */
interface Measured {
  iterations: number;
  seconds: number;
}

/**
 * Measures each phase's rate in this run and estimates the seconds left.
 * Tell it every overall iteration count as it is reached (`reached`): it reads the clock only
 * when a phase begins or when asked for an estimate.
 */
export class PhaseClock {
  private readonly measured: Measured[];
  /** The phase under way, when it began in this run, and the overall count then. */
  private current: { index: number; time: number; done: number } | null = null;

  constructor(
    private readonly phases: readonly TrainingPhase[],
    /** Seconds since some origin (tests pass a fake clock). */
    private readonly clock: () => number = () => performance.now() / 1000,
  ) {
    if (phases.length === 0) throw new Error('a schedule needs at least one phase');
    this.measured = phases.map(() => ({ iterations: 0, seconds: 0 }));
  }

  /** `done` overall iterations are finished (call with the starting count first). */
  reached(done: number): void {
    const index = phaseAt(this.phases, done).index;
    if (this.current !== null && this.current.index === index) return;
    const now = this.clock();
    if (this.current !== null) this.measured[this.current.index] = this.sinceBegan(done, now);
    this.current = { index, time: now, done };
  }

  /** Iterations per second of phase `index` in this run (0 when it has not been measured). */
  rate(index: number, done: number): number {
    const m = this.measure(index, done);
    return m.seconds > 0 ? m.iterations / m.seconds : 0;
  }

  /**
   * Seconds left after `done` overall iterations: each phase's remaining iterations at that
   * phase's own measured rate. A phase not yet measured is estimated from the phases measured so
   * far, scaled by the relative costs (pooled seconds per unit of cost). Infinity while nothing
   * has been measured and iterations remain.
   */
  secondsLeft(done: number): number {
    const position = phaseAt(this.phases, done);
    const now = this.clock();
    const measured = this.phases.map((_, i) => this.measure(i, done, now));
    let pooledSeconds = 0;
    let pooledCost = 0;
    measured.forEach((m, i) => {
      if (m.seconds <= 0 || m.iterations === 0) return;
      pooledSeconds += m.seconds;
      pooledCost += m.iterations * cost(this.phases[i]);
    });
    let left = 0;
    for (let i = position.index; i < this.phases.length; i++) {
      const remaining = this.phases[i].iterations - (i === position.index ? position.done : 0);
      if (remaining <= 0) continue;
      const m = measured[i];
      const secondsPerIteration =
        m.seconds > 0 && m.iterations > 0 ? m.seconds / m.iterations : pooledCost > 0 ? (pooledSeconds / pooledCost) * cost(this.phases[i]) : Infinity;
      left += remaining * secondsPerIteration;
    }
    return left;
  }

  private measure(index: number, done: number, now?: number): Measured {
    if (this.current?.index === index) return this.sinceBegan(done, now ?? this.clock());
    return this.measured[index];
  }

  private sinceBegan(done: number, now: number): Measured {
    const current = this.current;
    if (current === null) return { iterations: 0, seconds: 0 };
    return { iterations: done - current.done, seconds: now - current.time };
  }
}

function cost(phase: TrainingPhase): number {
  return phase.relativeCost ?? 1;
}
