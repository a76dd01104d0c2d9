// Small formatters for what people read on a terminal: durations, byte sizes, counts, losses.

/** 83 → "1m 23s", 5400 → "1h 30m", 4.2 → "4.2s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export { formatBytes, formatCount } from '../format-units.js';

/** A loss or metric to four significant digits: 0.693147 → "0.6931". */
export function formatValue(value: number): string {
  return Number.isFinite(value) ? Number(value.toPrecision(4)).toString() : String(value);
}

/** { discriminator: 1.386, generator: 0.693 } → "discriminator 1.386  generator 0.693". */
export function formatLosses(losses: Readonly<Record<string, number>>): string {
  return Object.entries(losses)
    .map(([name, value]) => `${name} ${formatValue(value)}`)
    .join('  ');
}
