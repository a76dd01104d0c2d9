// model.json's own checksum: SHA-256 of every field but `contentSha256`, written as canonical
// JSON (object keys sorted, no spaces), so the layout of the file (indentation, key order) does
// not matter but any change of a value does: config, data schema, training state, weights
// manifest. The training state is covered because a resume must continue exactly where the run
// stopped; weights.bin is covered through the manifest's own SHA-256.
import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';

/** How deep model.json may nest (it needs about 6 levels); deeper is refused, not a stack overflow. */
export const MAX_JSON_DEPTH = 64;

/** The field of model.json that holds the checksum. */
export const CHECKSUM_FIELD = 'contentSha256';

/**
 * The content checksum of `description`, a parsed model.json (its own `contentSha256`, if any,
 * left out). `file` names model.json in the error for nesting deeper than MAX_JSON_DEPTH.
 */
export function contentSha256(description: Record<string, unknown>, file: string): string {
  const { [CHECKSUM_FIELD]: _itself, ...content } = description;
  return createHash('sha256').update(canonicalJson(content, 0, file)).digest('hex');
}

/** `value` (as JSON.parse returns it) as JSON with sorted keys and no whitespace. */
function canonicalJson(value: unknown, depth: number, file: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (depth >= MAX_JSON_DEPTH) throw new UserError(`nests deeper than ${MAX_JSON_DEPTH} levels`, { file });
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1, file)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const fields = Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key], depth + 1, file)}`);
  return `{${fields.join(',')}}`;
}
