// A saved model's loss history (model.json's training.history), read without loading weights,
// for the report's training curves; works for any model kind that keeps one.
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { readModelDescription } from '../io/model-directory.js';
import type { LossEntry } from './chart-data.js';

/** The model's kind and its logged losses, oldest first. */
export interface LossHistory {
  kind: string;
  iterations: number;
  entries: LossEntry[];
}

/**
 * Reads `dir`/model.json; a directory without a model, or a history that is not a list of
 * {iteration, losses: {name: number}}, is a UserError naming `flag`.
 *
 * @example
 * const { entries } = await readLossHistory('runs/stocks', '--model');
 */
export async function readLossHistory(dir: string, flag: string): Promise<LossHistory> {
  const description = await readModelDescription(dir, { flag });
  const training = description.training as { iteration?: unknown; history?: unknown } | null;
  const history = training?.history;
  const file = join(dir, 'model.json');
  if (!Array.isArray(history)) throw new UserError('model.json keeps no loss history (training.history)', { flag, file });
  const entries = history.map((entry: unknown, i) => {
    if (!isLossEntry(entry)) throw new UserError(`training.history[${i}] is not {iteration, losses}`, { flag, file });
    return { iteration: entry.iteration, losses: { ...entry.losses } };
  });
  const iterations = typeof training?.iteration === 'number' ? training.iteration : (entries.at(-1)?.iteration ?? 0);
  return { kind: description.kind, iterations, entries };
}

function isLossEntry(value: unknown): value is LossEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { iteration, losses } = value as { iteration?: unknown; losses?: unknown };
  if (typeof iteration !== 'number' || typeof losses !== 'object' || losses === null) return false;
  // null stands for a NaN or infinite loss, which JSON cannot hold
  return Object.values(losses).every((v) => typeof v === 'number' || v === null);
}
