// Where a command may write. Every command that writes checks its outputs here before it starts
// work, so no output ever replaces what the user still needs:
//   - never a file the same run reads (the data, a model's files, --real/--synthetic), compared
//     by device and inode, so `./x.csv`, symbolic links and hard links are all caught;
//   - never a model directory's own files (model.json, weights.bin, its checkpoint);
//   - only a regular file or a path where nothing is yet: not a directory, device, FIFO or
//     socket; a symbolic link is judged by its target, which is written through (writeFileAtomic);
//   - an existing file only with --force.
// It also removes temporary files an earlier, killed run left where this one writes.
import { lstat, readdir, realpath, rm, rmdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../errors.js';
import { assertParentDirectory } from './atomic-write.js';
import { CHECKPOINT_DIRECTORY } from './checkpoint.js';
import { MODEL_FILE, STAGED_WEIGHTS_FILE, WEIGHTS_FILE } from './model-files.js';
import { removeStaleTemporaryFiles } from './temporary-files.js';

/** `--out -`: write to standard output instead of a file. */
export const STANDARD_OUTPUT = '-';

/** The files of a model directory, beside its checkpoint/ subdirectory. */
const MODEL_FILE_NAMES: readonly string[] = [MODEL_FILE, WEIGHTS_FILE, STAGED_WEIGHTS_FILE];

/** A file or model directory the run reads, and the flag that named it. */
export interface InputPath {
  flag: string;
  path: string;
}

export interface OutputFileRules {
  /** The flag naming the output, for messages. */
  flag: string;
  /** What the file is, for messages: 'HTML file', 'sample file'. */
  what: string;
  /** Whether an existing regular file may be replaced. */
  force: boolean;
  /** What the same run reads; none of it may be written. */
  inputs: readonly InputPath[];
  /** The extensions the file may have (lowercase, with the dot); any when absent. */
  extensions?: readonly string[];
}

/** Throws a one-line UserError unless `path` may receive a new file under `rules`. */
export async function checkOutputFile(path: string, rules: OutputFileRules): Promise<void> {
  const place = { flag: rules.flag, file: path };
  await assertParentDirectory(path, rules.flag);
  const existing = await followedStat(path, rules.flag);
  if (existing !== null && existing.isDirectory()) throw new UserError(`is a directory; name the ${rules.what} to write`, place);
  if (existing !== null && !existing.isFile()) throw new UserError(`is not a regular file (a device, FIFO or socket); name the ${rules.what} to write`, place);
  if (rules.extensions !== undefined && !rules.extensions.includes(extname(path).toLowerCase())) {
    throw new UserError(`is not a name for the ${rules.what}: use one ending in ${orList(rules.extensions)}`, place);
  }
  const reader = existing === null ? undefined : await inputHolding(existing, rules.inputs);
  if (reader !== undefined) throw new UserError(`is ${reader}; choose another path`, place);
  const target = existing === null ? path : await realpath(path); // what is written: a link's target
  if (MODEL_FILE_NAMES.includes(basename(target)) && (await holdsModel(dirname(target)))) {
    throw new UserError('is a file of a model; choose another name', place);
  }
  if (existing !== null && !rules.force) throw new UserError('exists; use --force to replace it', place);
  await removeStaleTemporaryFiles(dirname(target)); // temporary files are made beside the target
}

/**
 * Throws a one-line UserError unless `dir` may receive a model (and its checkpoint): a directory
 * or nothing yet, and none of `inputs` among the files a save there writes or replaces.
 * Whether a model already there may be replaced is the caller's rule (--force, --resume).
 */
export async function checkModelOutput(dir: string, flag: string, inputs: readonly InputPath[]): Promise<void> {
  if (!(await checkOutputDirectory(dir, flag))) return;
  const owned = await modelFiles(dir, true);
  for (const input of inputs) {
    const info = await stat(input.path).catch(() => null);
    if (info === null) continue; // a built-in dataset's name, or a file a later step reports missing
    if (owned.some((file) => sameFile(file, info))) {
      throw new UserError(`would replace ${input.path}, which ${input.flag} reads; choose another directory`, { flag, file: dir });
    }
  }
  await removeStaleTemporaryFiles(dir);
  await removeStaleTemporaryFiles(join(dir, CHECKPOINT_DIRECTORY));
}

/**
 * Throws a one-line UserError unless `dir` is a directory, or nothing yet in an existing
 * directory. Returns whether it exists.
 */
export async function checkOutputDirectory(dir: string, flag: string): Promise<boolean> {
  await assertParentDirectory(dir, flag);
  const existing = await followedStat(dir, flag);
  if (existing !== null && !existing.isDirectory()) throw new UserError('exists and is not a directory', { flag, file: dir });
  return existing !== null;
}

/**
 * Undoes a model directory this run created when training failed before anything was saved in
 * it (a divergence, a full disk before the first checkpoint): removes what a failed first
 * checkpoint can leave, then the directories if they are empty. Never removes anything else.
 */
export async function removeUnsavedModelDirectory(dir: string): Promise<void> {
  const checkpoint = join(dir, CHECKPOINT_DIRECTORY);
  if (await holdsModel(checkpoint)) return;
  await rm(join(checkpoint, STAGED_WEIGHTS_FILE), { force: true }).catch(() => undefined);
  for (const empty of [checkpoint, dir]) await rmdir(empty).catch(() => undefined);
}

/** `stat` following links; null when nothing is there. A link to nothing is refused. */
async function followedStat(path: string, flag: string): Promise<Stats | null> {
  const link = await lstat(path).catch(() => null);
  if (link === null) return null;
  const target = await stat(path).catch(() => null);
  if (target === null) throw new UserError('is a symbolic link to nothing; name a file to write', { flag, file: path });
  return target;
}

/** How the message names the input that is `file`, or undefined when no input is. */
async function inputHolding(file: Stats, inputs: readonly InputPath[]): Promise<string | undefined> {
  for (const input of inputs) {
    const info = await stat(input.path).catch(() => null);
    if (info === null) continue;
    if (info.isDirectory() && (await modelFiles(input.path, true)).some((owned) => sameFile(owned, file))) {
      return `a file of the model ${input.flag} reads`;
    }
    if (sameFile(info, file)) return `the file ${input.flag} reads`;
  }
  return undefined;
}

/** The model files in `dir` (and, with `withCheckpoint`, every file of its checkpoint) that exist. */
async function modelFiles(dir: string, withCheckpoint = false): Promise<Stats[]> {
  const checkpoint = join(dir, CHECKPOINT_DIRECTORY);
  const names = MODEL_FILE_NAMES.map((name) => join(dir, name));
  if (withCheckpoint) names.push(...(await readdir(checkpoint).catch(() => [] as string[])).map((name) => join(checkpoint, name)));
  const found = await Promise.all(names.map((name) => stat(name).catch(() => null)));
  return found.filter((info): info is Stats => info !== null && info.isFile());
}

async function holdsModel(dir: string): Promise<boolean> {
  const info = await stat(join(dir, MODEL_FILE)).catch(() => null);
  return info !== null && info.isFile();
}

/** ['.csv', '.json', '.npy'] → '.csv, .json or .npy'. */
function orList(items: readonly string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}
