// Training progress on the terminal: a bar (iteration, losses, it/s, ETA) when stderr is a TTY,
// JSON lines on stdout with --json, and nothing otherwise, so logs and pipes stay clean.
import { SingleBar } from 'cli-progress';
import type { Terminal } from './terminal.js';
import { formatCount, formatDuration, formatLosses, formatValue } from './format.js';

/** One progress report; the training loop's ProgressEvent fits it. */
export interface ProgressUpdate {
  iteration: number;
  iterations: number;
  losses: Readonly<Record<string, number>>;
  /** Computed from the clock when absent. */
  iterationsPerSecond?: number;
  /** Computed from the rate when absent. */
  etaSeconds?: number;
}

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
  complete(progress: ProgressUpdate): Required<ProgressUpdate>;
}

function rateEstimator(clock: () => number): Rates {
  let first: { time: number; iteration: number } | null = null;
  return {
    complete(progress) {
      const now = clock();
      first ??= { time: now, iteration: progress.iteration };
      const elapsed = now - first.time;
      // Rate over this run: a resumed run starts counting at its first report.
      const rate = progress.iterationsPerSecond ?? (elapsed > 0 ? (progress.iteration - first.iteration) / elapsed : 0);
      const left = progress.iterations - progress.iteration;
      const eta = progress.etaSeconds ?? (rate > 0 ? left / rate : left === 0 ? 0 : Infinity);
      return { ...progress, iterationsPerSecond: rate, etaSeconds: eta };
    },
  };
}

function jsonLinesProgress(terminal: Terminal, rates: Rates): ProgressReporter {
  return {
    update(progress) {
      const p = rates.complete(progress);
      const line = {
        type: 'progress',
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
    format: 'iteration {iteration}/{iterations} {bar} {losses} | {rate} it/s | ETA {remaining}',
    barsize: 20,
    hideCursor: false,
    clearOnComplete: false,
    fps: 10,
  });
  let started = false;
  return {
    update(progress) {
      const p = rates.complete(progress);
      const payload = {
        iteration: formatCount(p.iteration),
        iterations: formatCount(p.iterations),
        losses: formatLosses(p.losses),
        rate: formatValue(p.iterationsPerSecond),
        // Not `eta`: cli-progress fills {eta} itself, from its own estimate.
        remaining: formatDuration(p.etaSeconds),
      };
      if (!started) bar.start(p.iterations, p.iteration, payload);
      else bar.update(p.iteration, payload);
      started = true;
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
