// Training progress on the terminal: a bar (phase, iteration, losses, it/s, ETA) when stderr is a TTY,
// JSON lines on stdout with --json, and nothing otherwise, so logs and pipes stay clean.
import { SingleBar } from 'cli-progress';
import type { Terminal } from './terminal.js';
import { formatCount, formatDuration, formatLosses, formatValue } from './format.js';
import { PhaseClock } from '../train/phases.js';
import type { ProgressEvent } from '../train/loop.js';

/** Where a multi-phase run stands (the training loop's ProgressEvent carries it). */
type PhaseFields = Pick<ProgressEvent, 'phase' | 'phaseIndex' | 'phases' | 'phaseIteration' | 'phaseIterations'>;

/** One progress report; the training loop's ProgressEvent fits it. */
export type ProgressUpdate = {
  iteration: number;
  iterations: number;
  losses: Readonly<Record<string, number>>;
  /** Computed from the clock when absent. */
  iterationsPerSecond?: number;
  /** Computed from the clock when absent. */
  etaSeconds?: number;
} & (PhaseFields | { phase?: undefined });

export interface ProgressReporter {
  update(progress: ProgressUpdate): void;
  /** Leaves the bar's last state on screen and ends its line; call once, also on error. */
  stop(): void;
}

export interface ProgressOptions {
  /** Report as JSON lines on stdout (`{"type":"progress",…}`), for `--json`. */
  json?: boolean;
  /** Seconds since some origin; default performance.now()/1000 (tests pass a fake clock). */
  clock?: () => number;
}

/** The reporter fitting `terminal` and `options`: JSON lines, a TTY bar, or silence. */
export function createProgress(terminal: Terminal, options: ProgressOptions = {}): ProgressReporter {
  const rates = rateEstimator(options.clock ?? (() => performance.now() / 1000));
  if (options.json === true) return jsonLinesProgress(terminal, rates);
  if (terminal.progressStream !== null) return barProgress(terminal.progressStream, rates);
  return { update: () => undefined, stop: () => undefined };
}

interface Rates {
  /** `progress` with iterationsPerSecond and etaSeconds filled in. */
  complete(progress: ProgressUpdate): ProgressUpdate & { iterationsPerSecond: number; etaSeconds: number };
}

/**
 * Rates for reports that come without them (the training loop measures its own, phase by phase):
 * one phase of `iterations`, timed from the first report, so a resumed run counts from there.
 */
function rateEstimator(clock: () => number): Rates {
  let phase: PhaseClock | null = null;
  return {
    complete(progress) {
      const { iterationsPerSecond: rate, etaSeconds: eta } = progress;
      if (rate !== undefined && eta !== undefined) return { ...progress, iterationsPerSecond: rate, etaSeconds: eta };
      phase ??= new PhaseClock([{ name: 'all', iterations: progress.iterations }], clock);
      phase.reached(progress.iteration);
      return { ...progress, iterationsPerSecond: rate ?? phase.rate(0, progress.iteration), etaSeconds: eta ?? phase.secondsLeft(progress.iteration) };
    },
  };
}

function jsonLinesProgress(terminal: Terminal, rates: Rates): ProgressReporter {
  return {
    update(progress) {
      const p = rates.complete(progress);
      const phase = p.phase === undefined ? {} : { phase: p.phase, phaseIndex: p.phaseIndex, phases: p.phases, phaseIteration: p.phaseIteration, phaseIterations: p.phaseIterations };
      const line = {
        type: 'progress',
        ...phase,
        iteration: p.iteration,
        iterations: p.iterations,
        losses: p.losses,
        iterationsPerSecond: Number(p.iterationsPerSecond.toFixed(3)),
        // JSON has no Infinity: an unknown ETA is null.
        etaSeconds: Number.isFinite(p.etaSeconds) ? Number(p.etaSeconds.toFixed(1)) : null,
      };
      terminal.out(`${JSON.stringify(line)}\n`);
    },
    stop: () => undefined,
  };
}

function barProgress(stream: NodeJS.WritableStream, rates: Rates): ProgressReporter {
  const bar = new SingleBar({
    stream,
    format: '{phase}iteration {iteration}/{iterations} {bar} {losses} | {rate} it/s | ETA {remaining}',
    barsize: 20,
    hideCursor: false,
    clearOnComplete: false,
    fps: 10,
  });
  let started = false;
  return {
    update(progress) {
      const p = rates.complete(progress);
      // A phased run counts the phase's own iterations: 'joint (phase 3/3) · iteration 40/100'.
      const [done, total] = p.phase === undefined ? [p.iteration, p.iterations] : [p.phaseIteration, p.phaseIterations];
      const payload = {
        phase: p.phase === undefined ? '' : `${p.phase} (phase ${p.phaseIndex}/${p.phases}) · `,
        iteration: formatCount(done),
        iterations: formatCount(total),
        losses: formatLosses(p.losses),
        rate: formatValue(p.iterationsPerSecond),
        // Not `eta`: cli-progress fills {eta} itself, from its own estimate.
        remaining: formatDuration(p.etaSeconds),
      };
      if (!started) bar.start(total, done, payload);
      else {
        bar.setTotal(total);
        bar.update(done, payload);
      }
      started = true;
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
