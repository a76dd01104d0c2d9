// Timing helpers for the benchmarks: medians of wall-clock milliseconds, and numeric flags.
import { performance } from 'node:perf_hooks';

/** Milliseconds per run of `fn` over `iters` runs after `warmup` untimed runs: median, min, max. */
export function timings(fn: () => void, iters: number, warmup: number): { median: number; min: number; max: number } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < iters; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: round(times[Math.floor(times.length / 2)]), min: round(times[0]), max: round(times[times.length - 1]) };
}

/** Median milliseconds of `fn` over `iters` runs after `warmup` untimed runs. */
export function median(fn: () => void, iters: number, warmup: number): number {
  return timings(fn, iters, warmup).median;
}

export function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** The numeric value of `--name N` on the command line, or `fallback`. */
export function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? Number(process.argv[i + 1]) : fallback;
}
