// Reads model.json's text into a checked ModelDescription; every problem is a one-line UserError
// naming the file, since a user may hand us any directory.
import { UserError } from '../errors.js';
import { FORMAT_VERSION, type ModelDescription, type TensorEntry, type WeightsManifest } from './model-files.js';
import { elementCount } from './weights.js';

/** Parses and checks model.json; `file` is its path, for messages. */
export function parseModelDescription(text: string, file: string): ModelDescription {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new UserError(`not valid JSON (${oneLine((e as Error).message)})`, { file });
  }
  if (!isRecord(parsed)) throw malformed(file, 'expected a JSON object');
  const format = parsed.format;
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1) {
    throw malformed(file, '"format" must be a whole number of at least 1');
  }
  // Checked before anything else: a newer format may be laid out differently.
  if (format > FORMAT_VERSION) {
    throw new UserError(
      `written by a newer recurrent-gan (format ${format}); this version reads up to ${FORMAT_VERSION}`,
      { file },
    );
  }
  if (typeof parsed.kind !== 'string' || parsed.kind === '') throw malformed(file, '"kind" must be a non-empty string');
  for (const key of ['config', 'data', 'training'] as const) {
    if (!(key in parsed)) throw malformed(file, `"${key}" is missing`);
  }
  return {
    format,
    kind: parsed.kind,
    writtenBy: typeof parsed.writtenBy === 'string' ? parsed.writtenBy : 'unknown',
    config: parsed.config,
    data: parsed.data,
    training: parsed.training,
    weights: checkWeights(parsed.weights, file),
  };
}

function checkWeights(value: unknown, file: string): WeightsManifest {
  if (!isRecord(value)) throw malformed(file, '"weights" must be an object');
  if (value.dtype !== 'float32-le') throw malformed(file, '"weights.dtype" must be "float32-le"');
  if (!isCount(value.bytes)) throw malformed(file, '"weights.bytes" must be a whole number');
  if (typeof value.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(value.sha256)) {
    throw malformed(file, '"weights.sha256" must be 64 lowercase hex digits');
  }
  if (!Array.isArray(value.tensors)) throw malformed(file, '"weights.tensors" must be a list');
  const tensors: TensorEntry[] = [];
  const names = new Set<string>();
  let offset = 0;
  for (const [i, entry] of value.tensors.entries()) {
    const where = `"weights.tensors[${i}]"`;
    if (!isRecord(entry) || typeof entry.name !== 'string' || entry.name === '' || names.has(entry.name)) {
      throw malformed(file, `${where} needs a unique, non-empty "name"`);
    }
    if (!Array.isArray(entry.shape) || !entry.shape.every(isCount)) {
      throw malformed(file, `${where}.shape must be a list of whole numbers`);
    }
    // Tensors are packed back to back, so each offset is known; anything else is tampering.
    if (entry.offset !== offset) throw malformed(file, `${where}.offset must be ${offset}, got ${String(entry.offset)}`);
    names.add(entry.name);
    tensors.push({ name: entry.name, shape: entry.shape, offset });
    offset += elementCount(entry.shape) * 4;
  }
  if (offset !== value.bytes) throw malformed(file, `the tensors take ${offset} bytes but "weights.bytes" says ${value.bytes}`);
  return { dtype: 'float32-le', bytes: value.bytes, sha256: value.sha256, tensors };
}

function malformed(file: string, problem: string): UserError {
  return new UserError(`not a valid model description: ${problem}`, { file });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
