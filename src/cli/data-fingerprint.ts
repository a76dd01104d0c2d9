// What data a checkpoint was trained on, so that `train --resume` refuses other data by name.
// OUT/checkpoint/data.json holds a SHA-256 over what training sees (the prepared windows, their
// conditions and the encoding: column names, scaling, categories), with --data and the data
// flags as given, for messages. Moving or renaming the file is fine; changing its values is not.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PreparedData } from '../data/index.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { asUserError, errorCode } from '../io/fs-errors.js';
import { isModelDirectory } from '../io/model-directory.js';
import type { DataFlags } from './data-flags.js';

/** The fingerprint's file name inside the checkpoint directory. */
export const DATA_FINGERPRINT_FILE = 'data.json';

export interface DataFingerprint {
  /** SHA-256 over the windows, the conditions and the encoding. */
  sha256: string;
  /** --data as given (not compared: the same data may move). */
  data: string;
  windows: number;
  /** The data flags that shaped the windows, by flag name. */
  flags: Record<string, unknown>;
}

/** The fingerprint of `data`, prepared as `flags` say. */
export function fingerprintData(flags: DataFlags, data: PreparedData): DataFingerprint {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([data.count, data.length, data.features, data.encoder]));
  for (const values of [data.windows, data.conditionValues]) hash.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  return { sha256: hash.digest('hex'), data: flags.data, windows: data.count, flags: dataFlagValues(flags) };
}

/**
 * Before training into `checkpointDir`: with `resume`, refuses data other than the checkpoint's
 * (a checkpoint from before fingerprints only gets a warning); then records this run's data.
 */
export async function matchCheckpointData(checkpointDir: string, now: DataFingerprint, resume: boolean, warn: (line: string) => void): Promise<void> {
  const file = join(checkpointDir, DATA_FINGERPRINT_FILE);
  if (resume) {
    const recorded = await readDataFingerprint(file);
    if (recorded !== null) {
      assertSameData(recorded, now);
      return;
    }
    warn(`--resume: ${checkpointDir} has no record of the data it was trained on (an older rgan wrote it); resuming without checking --data`);
  }
  try {
    await mkdir(checkpointDir, { recursive: true });
    await writeFileAtomic(file, `${JSON.stringify(now, null, 2)}\n`);
  } catch (e) {
    throw asUserError(e, 'record the training data', { flag: '--out', file });
  }
}

/** After a run that wrote no checkpoint (it failed or stopped first): removes what the record left. */
export async function forgetDataWithoutCheckpoint(checkpointDir: string): Promise<void> {
  if (await isModelDirectory(checkpointDir)) return;
  const file = join(checkpointDir, DATA_FINGERPRINT_FILE);
  const ours = await readDataFingerprint(file).catch(() => null); // a file of another shape is not ours to remove
  if (ours !== null) await rm(file, { force: true }).catch(() => undefined);
  await rmdir(checkpointDir).catch(() => undefined); // only while it is empty
}

function assertSameData(recorded: DataFingerprint, now: DataFingerprint): void {
  if (recorded.sha256 === now.sha256) return;
  for (const [flag, value] of Object.entries(now.flags)) {
    const before = recorded.flags[flag] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(value)) {
      throw new UserError(`the checkpoint was trained with ${flag} ${show(before)}, not ${show(value)}; resume with the data flags of the first run`, { flag });
    }
  }
  const was = `${recorded.data}: ${recorded.windows} windows, fingerprint ${recorded.sha256.slice(0, 12)}`;
  const is = `now ${now.windows} windows, fingerprint ${now.sha256.slice(0, 12)}`;
  throw new UserError(`differs from the data the checkpoint was trained on (${was}; ${is}); resume with the same data`, { flag: '--data', file: now.data });
}

async function readDataFingerprint(file: string): Promise<DataFingerprint | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return null;
    throw asUserError(e, 'read the record of the training data', { flag: '--resume', file });
  }
  const value = parseJson(text) as Partial<DataFingerprint> | null;
  if (typeof value?.sha256 !== 'string' || typeof value.data !== 'string' || typeof value.windows !== 'number' || typeof value.flags !== 'object' || value.flags === null) {
    throw new UserError('is not a record of training data; remove it to resume without checking --data', { flag: '--resume', file });
  }
  return value as DataFingerprint;
}

function dataFlagValues(flags: DataFlags): Record<string, unknown> {
  return {
    '--seq-len': flags.seqLen,
    '--stride': flags.stride,
    '--id': flags.id ?? null,
    '--time': flags.time ?? null,
    '--condition': flags.condition ?? null,
    '--categorical': flags.categorical ?? null,
    '--missing': flags.missing,
  };
}

function show(value: unknown): string {
  if (value === null) return '(not given)';
  return Array.isArray(value) ? value.join(',') : String(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
