// Pieces every model shares: its weights as named tensors for the model file and back, and
// generating n sequences in batches.
import type { Parameter } from '../../engine/tensor.js';
import { UserError } from '../../errors.js';
import type { NamedTensor } from '../../io/model-directory.js';
import type { LoopOptions } from '../../train/loop.js';

/** Parameters as model-file tensors, under their names. */
export function parameterTensors(named: Array<[string, Parameter]>): NamedTensor[] {
  return named.map(([name, p]) => ({ name, shape: [...p.shape], data: p.toFloat32Array() }));
}

/** Copies saved tensors back into the parameters of the same names; a missing one is a UserError. */
export function restoreParameters(named: Array<[string, Parameter]>, saved: Map<string, NamedTensor>, dir: string): void {
  for (const [name, p] of named) {
    const tensor = savedTensor(saved, name, dir);
    if (tensor.data.length !== p.size) throw new UserError(`weights.bin holds ${name} with ${tensor.data.length} values, expected ${p.size}`, { file: dir });
    p.data.set(tensor.data);
  }
}

/** The saved tensor called `name`; a missing one is a UserError naming the model directory. */
export function savedTensor(saved: Map<string, NamedTensor>, name: string, dir: string): NamedTensor {
  const tensor = saved.get(name);
  if (tensor === undefined) throw new UserError(`weights.bin lacks ${name}`, { file: dir });
  return tensor;
}

/**
 * n sequences of `stepsTimesFeatures` values, generated `batchSize` at a time:
 * `generate(b)` returns the next b sequences, flat.
 */
export function generateInBatches(n: number, batchSize: number, stepsTimesFeatures: number, generate: (b: number) => ArrayLike<number>): Float32Array {
  if (!Number.isInteger(n) || n < 1) throw new UserError(`the number of sequences must be a positive integer, got ${n}`, { flag: '--n' });
  const out = new Float32Array(n * stepsTimesFeatures);
  for (let start = 0; start < n; start += batchSize) out.set(generate(Math.min(batchSize, n - start)), start * stepsTimesFeatures);
  return out;
}

/** A batch of `sampleBatches` holds at most this many sequences, and this many values: ~4 MB as float32. */
export const SAMPLE_BATCH_LIMITS = { sequences: 4096, values: 1 << 20 };

/**
 * The sizes `sampleBatches` yields for n sequences of `valuesPerSequence` values: `wanted`
 * sequences each (default: as many as SAMPLE_BATCH_LIMITS allow, at least one), rounded up to a
 * whole number of model batches, so the noise is drawn in the same model batches (and the same
 * sequences come out) as when all n are generated at once. A bad n throws at once.
 */
export function sampleBatchSizes(n: number, modelBatchSize: number, valuesPerSequence: number, wanted?: number): Iterable<number> {
  if (!Number.isSafeInteger(n) || n < 1) throw new UserError(`the number of sequences must be a positive integer, got ${n}`, { flag: '--n' });
  const fitting = Math.min(SAMPLE_BATCH_LIMITS.sequences, Math.floor(SAMPLE_BATCH_LIMITS.values / valuesPerSequence));
  const size = Math.max(1, Math.ceil((wanted ?? fitting) / modelBatchSize)) * modelBatchSize;
  return (function* () {
    for (let start = 0; start < n; start += size) yield Math.min(size, n - start);
  })();
}

/** What a model's fit options ask of the training loop, besides its steps. */
export interface LoopRequests {
  onProgress?: LoopOptions['onProgress'];
  signal?: AbortSignal;
  checkpointDir?: string;
  checkpointEvery?: number;
}

/** The loop options every model passes alike: divergence check, progress, abort, checkpoints. */
export function loopHooks(
  parameters: () => Parameter[],
  save: (dir: string) => Promise<void>,
  o: LoopRequests,
): Pick<LoopOptions, 'weightsFinite' | 'onProgress' | 'signal' | 'checkpointEvery' | 'checkpoint'> {
  const dir = o.checkpointDir;
  return {
    weightsFinite: () => parameters().every((p) => p.data.every(Number.isFinite)),
    onProgress: o.onProgress,
    signal: o.signal,
    checkpointEvery: o.checkpointEvery,
    checkpoint: dir === undefined ? undefined : () => save(dir),
  };
}

/**
 * model.json's `config` and `training` for a model of kind `kind`, checked to be objects with the
 * fields every loader reads: a hand-edited or damaged file is a UserError, not a crash.
 */
export function savedState<C, T>(files: { config: unknown; training: unknown }, dir: string, required: readonly string[]): { config: C; training: T } {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const where = { file: `${dir}/model.json` };
  if (!isObject(files.config)) throw new UserError('"config" is not an object', where);
  if (!isObject(files.training)) throw new UserError('"training" is not an object', where);
  for (const key of required) if (!(key in files.training)) throw new UserError(`"training" lacks "${key}"`, where);
  return { config: files.config as C, training: files.training as T };
}
