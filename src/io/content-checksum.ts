// model.json's own checksum: SHA-256 of every field but `contentSha256`, written as canonical
// JSON (object keys sorted, no spaces), so the layout of the file (indentation, key order) does
// not matter but any change of a value does: config, data schema, training state, weights
// manifest. The training state is covered because a resume must continue exactly where the run
// stopped; weights.bin is covered through the manifest's own SHA-256.
import { createHash } from 'node:crypto';

/** The field of model.json that holds the checksum. */
export const CHECKSUM_FIELD = 'contentSha256';

/** The content checksum of `description`, a parsed model.json (its own `contentSha256`, if any, left out). */
export function contentSha256(description: Record<string, unknown>): string {
  const { [CHECKSUM_FIELD]: _itself, ...content } = description;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** `value` (as JSON.parse returns it) as JSON with sorted keys and no whitespace. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const fields = Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${fields.join(',')}}`;
}
