// Saves and loads a model directory: model.json (description, weights manifest, SHA-256 of the
// weights and of its own content) and weights.bin (float32 little-endian).
//
// Crash safety. A save stages the new weights as weights.bin.next, then replaces model.json
// (the commit point), then renames weights.bin.next to weights.bin; each file is written to a
// temporary name and renamed, so no step leaves a half file. A crash before the commit leaves
// the old model.json with the old weights.bin; a crash after it leaves the new model.json with
// its weights in weights.bin.next, which loading falls back to. Either way the directory loads.
//
// Loading trusts nothing: both files are read only if they are regular files of an accepted
// size, model.json is checked whole (model-description.ts), and the weights must match their
// checksum and be finite.
import { lstat, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { packageVersion } from '../package-root.js';
import { assertParentDirectory, syncDirectory, writeFileAtomic } from './atomic-write.js';
import { asUserError, errorCode } from './fs-errors.js';
import { CHECKSUM_FIELD, contentSha256 } from './content-checksum.js';
import { formatJson } from './json-text.js';
import { parseModelDescription } from './model-description.js';
import {
  FORMAT_VERSION,
  MAX_DESCRIPTION_BYTES,
  MODEL_FILE,
  STAGED_WEIGHTS_FILE,
  WEIGHTS_FILE,
  type ModelContents,
  type ModelDescription,
  type ModelFiles,
  type NamedTensor,
  type WeightsManifest,
} from './model-files.js';
import { readRegularFile } from './regular-file.js';
import { firstNonFinite, packWeights, sha256Hex, unpackWeights } from './weights.js';

export { FORMAT_VERSION } from './model-files.js';
export type { ModelContents, ModelDescription, ModelFiles, NamedTensor } from './model-files.js';

/** Options shared by saving and loading. */
export interface ModelDirectoryOptions {
  /** The CLI flag that named the directory (e.g. '--model'), for error messages. */
  flag?: string;
}

/**
 * Writes `model` to directory `dir`, creating `dir` if needed (its parent must exist), and
 * replacing a model already there without ever leaving it unloadable. Other files in `dir`
 * (a checkpoint/ subdirectory, samples) are left alone.
 */
export async function saveModelDirectory(dir: string, model: ModelContents, options: ModelDirectoryOptions = {}): Promise<void> {
  // Everything that can fail without the disk (bad tensors, values JSON cannot hold) fails
  // here, before the first write.
  const packed = packWeights(model.tensors);
  const text = `${formatJson(describe(model, packed))}\n`;
  const place = { file: dir, flag: options.flag };
  try {
    await prepareDirectory(dir, options.flag);
    await settleStagedWeights(dir);
    await writeFileAtomic(join(dir, STAGED_WEIGHTS_FILE), packed.bytes);
    await writeFileAtomic(join(dir, MODEL_FILE), text);
    await rename(join(dir, STAGED_WEIGHTS_FILE), join(dir, WEIGHTS_FILE));
  } catch (e) {
    throw asUserError(e, 'save the model', place);
  }
  await syncDirectory(dir);
}

/** Reads and checks the model in `dir`: description, weights size, checksum and finiteness. */
export async function loadModelDirectory(dir: string, options: ModelDirectoryOptions = {}): Promise<ModelFiles> {
  const description = await readModelDescription(dir, options);
  const bytes = await readWeights(dir, description.weights, options.flag);
  const tensors = unpackWeights(bytes, description.weights.tensors);
  assertFinite(tensors, { file: join(dir, WEIGHTS_FILE), flag: options.flag });
  const { format, kind, config, data, training } = description;
  return { format, kind, config, data, training, tensors };
}

/** Reads and checks model.json alone (cheap: no weights are read or verified). */
export async function readModelDescription(dir: string, options: ModelDirectoryOptions = {}): Promise<ModelDescription> {
  const { flag } = options;
  await assertDirectory(dir, flag);
  const file = join(dir, MODEL_FILE);
  const contents = await readRegularFile({ file, flag }, (size) => size <= MAX_DESCRIPTION_BYTES);
  if (contents === null) throw new UserError(`directory holds no model (no ${MODEL_FILE})`, { file: dir, flag });
  if (contents.bytes === null) {
    throw new UserError(`is ${contents.size} bytes, more than the ${MAX_DESCRIPTION_BYTES} bytes a model description may hold`, { file, flag });
  }
  try {
    return parseModelDescription(Buffer.from(contents.bytes).toString('utf8'), file);
  } catch (e) {
    if (e instanceof UserError && flag !== undefined) throw new UserError(e.problem, { ...e.place, flag });
    throw e;
  }
}

/** Whether `dir` is a directory holding a model.json; says nothing of whether it loads. */
export async function isModelDirectory(dir: string): Promise<boolean> {
  const info = await stat(join(dir, MODEL_FILE)).catch(() => null);
  return info !== null && info.isFile();
}

/** model.json's content for `model`, its content checksum last. */
function describe(model: ModelContents, packed: ReturnType<typeof packWeights>): ModelDescription {
  if (typeof model.kind !== 'string' || model.kind === '') throw new Error('saveModelDirectory: kind must be a non-empty string');
  const weights: WeightsManifest = {
    dtype: 'float32-le',
    bytes: packed.bytes.length,
    sha256: sha256Hex(packed.bytes),
    tensors: packed.entries,
  };
  const description: ModelDescription = {
    format: FORMAT_VERSION,
    kind: model.kind,
    writtenBy: `recurrent-gan ${packageVersion()}`,
    config: model.config ?? null,
    data: model.data ?? null,
    training: model.training ?? null,
    weights,
  };
  // The checksum is taken of the values as the loader will parse them back (typed arrays as
  // lists, NaN as null), so the two sides agree on every number.
  const asWritten = JSON.parse(formatJson(description)) as Record<string, unknown>;
  return { ...description, [CHECKSUM_FIELD]: contentSha256(asWritten) };
}

async function prepareDirectory(dir: string, flag: string | undefined): Promise<void> {
  const info = await stat(dir).catch((e: unknown) => {
    if (errorCode(e) === 'ENOENT') return null;
    throw e;
  });
  if (info !== null) {
    if (!info.isDirectory()) throw new UserError('exists and is not a directory', { file: dir, flag });
    return;
  }
  await assertParentDirectory(dir, flag);
  await mkdir(dir).catch((e: unknown) => {
    if (errorCode(e) !== 'EEXIST') throw e;
  });
}

/**
 * Resolves weights.bin.next left by an earlier crash before staging over it: it is the live
 * weights if model.json matches it (finish that save), otherwise an uncommitted leftover.
 */
async function settleStagedWeights(dir: string): Promise<void> {
  const file = join(dir, STAGED_WEIGHTS_FILE);
  if ((await lstat(file).catch(() => null)) === null) return;
  const description = await readModelDescription(dir).catch(() => null);
  const staged = description === null ? null : await readDeclaredWeights(file, description.weights, undefined);
  if (staged instanceof Uint8Array) {
    await rename(file, join(dir, WEIGHTS_FILE));
  } else {
    await rm(file, { force: true });
  }
}

async function readWeights(dir: string, manifest: WeightsManifest, flag: string | undefined): Promise<Uint8Array> {
  const file = join(dir, WEIGHTS_FILE);
  const main = await readDeclaredWeights(file, manifest, flag);
  if (main instanceof Uint8Array) return main;
  // A crash between committing model.json and renaming the staged weights leaves them here.
  const staged = await readDeclaredWeights(join(dir, STAGED_WEIGHTS_FILE), manifest, flag);
  if (staged instanceof Uint8Array) return staged;
  if (main === null) throw new UserError(`weights file is missing (${MODEL_FILE} lists ${manifest.bytes} bytes)`, { file, flag });
  throw new UserError(main, { file, flag });
}

/**
 * The bytes of `file` when they are the weights `manifest` describes; otherwise why they are not
 * (a message), or null when there is no such file. A file of the wrong size is not read at all.
 */
async function readDeclaredWeights(file: string, manifest: WeightsManifest, flag: string | undefined): Promise<Uint8Array | string | null> {
  const contents = await readRegularFile({ file, flag }, (size) => size === manifest.bytes);
  if (contents === null) return null;
  if (contents.bytes === null) {
    const how = contents.size < manifest.bytes ? 'truncated' : 'too long';
    return `weights file is ${how}: it holds ${contents.size} bytes, ${MODEL_FILE} expects ${manifest.bytes}`;
  }
  if (sha256Hex(contents.bytes) !== manifest.sha256) {
    return `weights file was altered or corrupted: its SHA-256 does not match ${MODEL_FILE}`;
  }
  return contents.bytes;
}

/** A NaN or infinite weight cannot come from a healthy save (training stops on divergence). */
function assertFinite(tensors: readonly NamedTensor[], place: { file: string; flag?: string }): void {
  const found = firstNonFinite(tensors);
  if (found === null) return;
  throw new UserError(
    `tensor ${JSON.stringify(found.name)} holds ${found.value} at index ${found.index}; a model with non-finite weights cannot be used, train it again`,
    place,
  );
}

async function assertDirectory(dir: string, flag: string | undefined): Promise<void> {
  const info = await stat(dir).catch((e: unknown) => {
    if (errorCode(e) === 'ENOENT') throw new UserError('does not exist', { file: dir, flag });
    throw asUserError(e, 'open the model directory', { file: dir, flag });
  });
  if (!info.isDirectory()) throw new UserError('is a file, not a model directory', { file: dir, flag });
}
