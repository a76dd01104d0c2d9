// What a model directory holds, as values: the types and file names shared by saving and loading.

/**
 * The version of the model directory format this code writes. Loading accepts this version
 * and older ones; a newer number means a newer recurrent-gan wrote it.
 */
export const FORMAT_VERSION = 1;

/** The description: everything but the tensor data, plus the weights manifest and checksum. */
export const MODEL_FILE = 'model.json';

/** All tensors' float32 values, little-endian, concatenated in manifest order. */
export const WEIGHTS_FILE = 'weights.bin';

/**
 * Where a save puts the new weights before model.json is replaced; renamed to weights.bin right
 * after. Only a crash between those two steps leaves it behind, and loading then uses it.
 */
export const STAGED_WEIGHTS_FILE = 'weights.bin.next';

/**
 * The largest weights.bin this version loads: 2 GiB, far above any model it trains (the stocks
 * preset's checkpoint is under 1 MB). A larger declared size is refused before anything is read.
 */
export const MAX_WEIGHTS_BYTES = 2 ** 31;

/** The largest model.json this version reads: 256 MiB (a loss history of a million entries fits). */
export const MAX_DESCRIPTION_BYTES = 2 ** 28;

/** One named float32 tensor, row-major. */
export interface NamedTensor {
  /** Unique within a model, e.g. `generator.recurrent.weight_ih_l0`, or `adam.generator.m.0` for optimizer state. */
  name: string;
  shape: number[];
  /** Exactly product(shape) values. */
  data: Float32Array;
}

/**
 * What a caller saves. `config` and `training` are opaque here, and all three sections must
 * survive JSON: plain objects, arrays, strings, finite numbers, booleans, null. Typed arrays
 * are written as plain arrays; NaN and ±Infinity become null; `undefined` becomes null.
 */
export interface ModelContents {
  /** Which model family, e.g. 'rgan' or 'timegan'. */
  kind: string;
  /** The model's typed config, as JSON. */
  config: unknown;
  /**
   * The data schema (DataEncoder's JSON: feature and condition columns with their scaling), or
   * null for a model trained on raw windows. Loading checks it against `config.features` and
   * `config.conditions`.
   */
  data: unknown;
  /** Training state: iterations done, random generator state, loss history, optimizer step counts. */
  training: unknown;
  tensors: NamedTensor[];
}

/** A loaded model directory: what was saved, plus the format version it was written in. */
export interface ModelFiles extends ModelContents {
  format: number;
}

/** A tensor's entry in model.json: where its values start in weights.bin. */
export interface TensorEntry {
  name: string;
  shape: number[];
  /** Byte offset into weights.bin; a multiple of 4. */
  offset: number;
}

/** The `weights` section of model.json. */
export interface WeightsManifest {
  /** Always 'float32-le'. */
  dtype: 'float32-le';
  /** weights.bin's exact size. */
  bytes: number;
  /** SHA-256 of weights.bin, lowercase hex. */
  sha256: string;
  tensors: TensorEntry[];
}

/** model.json, parsed. */
export interface ModelDescription {
  format: number;
  kind: string;
  /** The library version that wrote it, e.g. `recurrent-gan 0.1.0`; informational. */
  writtenBy: string;
  config: unknown;
  data: unknown;
  training: unknown;
  weights: WeightsManifest;
  /**
   * SHA-256 of every other field, as canonical JSON (see content-checksum.ts): a hand edit of
   * the config, schema, training state or manifest is refused at load. Absent in files written
   * before it was introduced; those load unchecked.
   */
  contentSha256?: string;
}
