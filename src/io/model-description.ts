// Reads model.json's text into a checked ModelDescription; every problem is a one-line UserError
// naming the file, since a user may hand us any directory. Checked here, before any weights are
// read or any model is built: the format version, the content checksum, the weights manifest
// (sizes that fit weights.bin's declared bytes, which fit MAX_WEIGHTS_BYTES) and the data
// schema against the config.
import { UserError } from '../errors.js';
import { CHECKSUM_FIELD, contentSha256 } from './content-checksum.js';
import {
  FORMAT_VERSION,
  MAX_WEIGHTS_BYTES,
  type ModelDescription,
  type TensorEntry,
  type WeightsManifest,
} from './model-files.js';
import { checkSchemaAgainstConfig } from './schema-config-check.js';
import { elementCount } from './weights.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * How deep model.json may nest; it needs about 6 levels. JSON.parse reads any depth, but walking
 * or printing the result recurses, and 10,000 levels would overflow the stack.
 */
export const MAX_JSON_DEPTH = 64;

/** Parses and checks model.json; `file` is its path, for messages. */
export function parseModelDescription(text: string, file: string): ModelDescription {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new UserError(`not valid JSON (${oneLine((e as Error).message)})`, { file });
  }
  if (!isRecord(parsed)) throw malformed(file, 'expected a JSON object');
  if (nestsDeeperThan(parsed, MAX_JSON_DEPTH)) throw new UserError(`nests deeper than ${MAX_JSON_DEPTH} levels`, { file });
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
  const checksum = verifyContentChecksum(parsed, file);
  if (typeof parsed.kind !== 'string' || parsed.kind === '') throw malformed(file, '"kind" must be a non-empty string');
  for (const key of ['config', 'data', 'training'] as const) {
    if (!(key in parsed)) throw malformed(file, `"${key}" is missing`);
  }
  const weights = checkWeights(parsed.weights, file);
  checkSchemaAgainstConfig(parsed.config, parsed.data, file);
  return {
    format,
    kind: parsed.kind,
    writtenBy: typeof parsed.writtenBy === 'string' ? parsed.writtenBy : 'unknown',
    config: parsed.config,
    data: parsed.data,
    training: parsed.training,
    weights,
    ...(checksum === undefined ? {} : { [CHECKSUM_FIELD]: checksum }),
  };
}

/** The file's content checksum once verified; undefined for a file written before it existed. */
function verifyContentChecksum(parsed: Record<string, unknown>, file: string): string | undefined {
  const checksum = parsed[CHECKSUM_FIELD];
  if (checksum === undefined) return undefined;
  if (typeof checksum !== 'string' || !SHA256_HEX.test(checksum)) {
    throw malformed(file, `"${CHECKSUM_FIELD}" must be 64 lowercase hex digits`);
  }
  if (contentSha256(parsed) !== checksum) {
    throw new UserError(
      `was changed after it was saved (its content no longer matches its "${CHECKSUM_FIELD}"); restore the saved file or train again`,
      { file },
    );
  }
  return checksum;
}

function checkWeights(value: unknown, file: string): WeightsManifest {
  if (!isRecord(value)) throw malformed(file, '"weights" must be an object');
  if (value.dtype !== 'float32-le') throw malformed(file, '"weights.dtype" must be "float32-le"');
  const bytes = value.bytes;
  if (!isCount(bytes)) throw malformed(file, '"weights.bytes" must be a whole number');
  if (bytes > MAX_WEIGHTS_BYTES) {
    throw malformed(file, `"weights.bytes" is ${bytes}, more than the ${MAX_WEIGHTS_BYTES} bytes (2 GiB) this version loads`);
  }
  if (typeof value.sha256 !== 'string' || !SHA256_HEX.test(value.sha256)) {
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
    // Each size bounded on its own, so that no product of sizes overflows to Infinity or NaN.
    const shape = entry.shape;
    if (!Array.isArray(shape) || !shape.every((size) => isCount(size) && size <= MAX_WEIGHTS_BYTES / 4)) {
      throw malformed(file, `${where}.shape must be a list of whole numbers up to ${MAX_WEIGHTS_BYTES / 4}`);
    }
    // Tensors are packed back to back, so each offset is known; anything else is tampering.
    if (entry.offset !== offset) throw malformed(file, `${where}.offset must be ${offset}, got ${short(entry.offset)}`);
    const size = elementCount(shape) * 4;
    if (!(size <= bytes - offset)) {
      throw malformed(file, `${where} (shape [${shape.join(', ')}]) ends past the ${bytes} bytes of "weights.bytes"`);
    }
    names.add(entry.name);
    tensors.push({ name: entry.name, shape, offset });
    offset += size;
  }
  if (offset !== bytes) throw malformed(file, `the tensors take ${offset} bytes but "weights.bytes" says ${bytes}`);
  return { dtype: 'float32-le', bytes, sha256: value.sha256, tensors };
}

function nestsDeeperThan(value: unknown, levels: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (levels === 0) return true;
  return Object.values(value).some((inner) => nestsDeeperThan(inner, levels - 1));
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

/** A value from the file, cut short for a one-line message. */
function short(value: unknown): string {
  return String(JSON.stringify(value)).slice(0, 40);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
