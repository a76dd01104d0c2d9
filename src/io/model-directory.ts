// Saves and loads a model directory: model.json (description, weights manifest, SHA-256) and
// weights.bin (float32 little-endian).
//
// Crash safety. A save stages the new weights as weights.bin.next, then replaces model.json
// (the commit point), then renames weights.bin.next to weights.bin; each file is written to a
// temporary name and renamed, so no step leaves a half file. A crash before the commit leaves
// the old model.json with the old weights.bin; a crash after it leaves the new model.json with
// its weights in weights.bin.next, which loading falls back to. Either way the directory loads.
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { packageVersion } from '../package-root.js';
import { assertParentDirectory, syncDirectory, writeFileAtomic } from './atomic-write.js';
import { asUserError, errorCode } from './fs-errors.js';
import { formatJson } from './json-text.js';
import { parseModelDescription } from './model-description.js';
import {
  FORMAT_VERSION,
  MODEL_FILE,
  STAGED_WEIGHTS_FILE,
  WEIGHTS_FILE,
  type ModelContents,
  type ModelDescription,
  type ModelFiles,
  type WeightsManifest,
} from './model-files.js';
import { packWeights, sha256Hex, unpackWeights } from './weights.js';

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

/** Reads and checks the model in `dir`: description, weights size and checksum. */
export async function loadModelDirectory(dir: string, options: ModelDirectoryOptions = {}): Promise<ModelFiles> {
  const description = await readModelDescription(dir, options);
  const bytes = await readWeights(dir, description.weights, options.flag);
  const { format, kind, config, data, training } = description;
  return { format, kind, config, data, training, tensors: unpackWeights(bytes, description.weights.tensors) };
}

/** Reads and checks model.json alone (cheap: no weights are read or verified). */
export async function readModelDescription(dir: string, options: ModelDirectoryOptions = {}): Promise<ModelDescription> {
  const { flag } = options;
  await assertDirectory(dir, flag);
  const file = join(dir, MODEL_FILE);
  const text = await readFile(file, 'utf8').catch((e: unknown) => {
    if (errorCode(e) === 'ENOENT') throw new UserError(`directory holds no model (no ${MODEL_FILE})`, { file: dir, flag });
    throw asUserError(e, 'read the model description', { file, flag });
  });
  try {
    return parseModelDescription(text, file);
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

function describe(model: ModelContents, packed: ReturnType<typeof packWeights>): ModelDescription {
  if (typeof model.kind !== 'string' || model.kind === '') throw new Error('saveModelDirectory: kind must be a non-empty string');
  const weights: WeightsManifest = {
    dtype: 'float32-le',
    bytes: packed.bytes.length,
    sha256: sha256Hex(packed.bytes),
    tensors: packed.entries,
  };
  return {
    format: FORMAT_VERSION,
    kind: model.kind,
    writtenBy: `recurrent-gan ${packageVersion()}`,
    config: model.config ?? null,
    data: model.data ?? null,
    training: model.training ?? null,
    weights,
  };
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
  const staged = await readOptional(join(dir, STAGED_WEIGHTS_FILE));
  if (staged === null) return;
  const description = await readModelDescription(dir).catch(() => null);
  if (description !== null && weightsProblem(staged, description.weights) === null) {
    await rename(join(dir, STAGED_WEIGHTS_FILE), join(dir, WEIGHTS_FILE));
  } else {
    await rm(join(dir, STAGED_WEIGHTS_FILE), { force: true });
  }
}

async function readWeights(dir: string, manifest: WeightsManifest, flag: string | undefined): Promise<Uint8Array> {
  const file = join(dir, WEIGHTS_FILE);
  const main = await readOptional(file, flag);
  if (main !== null && weightsProblem(main, manifest) === null) return main;
  // A crash between committing model.json and renaming the staged weights leaves them here.
  const staged = await readOptional(join(dir, STAGED_WEIGHTS_FILE), flag);
  if (staged !== null && weightsProblem(staged, manifest) === null) return staged;
  if (main === null) throw new UserError(`weights file is missing (${MODEL_FILE} lists ${manifest.bytes} bytes)`, { file, flag });
  throw new UserError(weightsProblem(main, manifest) as string, { file, flag });
}

/** Why `bytes` are not the weights `manifest` describes, or null when they are. */
function weightsProblem(bytes: Uint8Array, manifest: WeightsManifest): string | null {
  if (bytes.length !== manifest.bytes) {
    const how = bytes.length < manifest.bytes ? 'truncated' : 'too long';
    return `weights file is ${how}: it holds ${bytes.length} bytes, ${MODEL_FILE} expects ${manifest.bytes}`;
  }
  if (sha256Hex(bytes) !== manifest.sha256) {
    return `weights file was altered or corrupted: its SHA-256 does not match ${MODEL_FILE}`;
  }
  return null;
}

async function readOptional(file: string, flag?: string): Promise<Uint8Array | null> {
  try {
    return await readFile(file);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return null;
    throw asUserError(e, 'read the weights', { file, flag });
  }
}

async function assertDirectory(dir: string, flag: string | undefined): Promise<void> {
  const info = await stat(dir).catch((e: unknown) => {
    if (errorCode(e) === 'ENOENT') throw new UserError('does not exist', { file: dir, flag });
    throw asUserError(e, 'open the model directory', { file: dir, flag });
  });
  if (!info.isDirectory()) throw new UserError('is a file, not a model directory', { file: dir, flag });
}
