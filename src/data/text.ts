// Text files' bytes → a string, refusing encodings other than UTF-8 by name: a file saved as
// UTF-16 (Excel's "Unicode text") would otherwise read as garbage with a NUL in every other byte.
import { UserError } from '../errors.js';

/** Bytes examined for the NUL bytes that give UTF-16 without a byte-order mark away. */
const SNIFF_BYTES = 4096;

/**
 * `bytes` as UTF-8 text. UTF-16 — a byte-order mark FF FE or FE FF, or NUL bytes in a quarter
 * or more of the first 4 KiB (every ASCII character's other half) — is a UserError.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (isUtf16(bytes)) throw new UserError('the file is UTF-16 text; save it as UTF-8', { file });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let nuls = 0;
  for (const byte of sample) if (byte === 0) nuls++;
  return sample.length > 0 && nuls * 4 >= sample.length;
}

/** The problem with a NUL character in text meant to be read: the file is binary, not text. */
export const NUL_PROBLEM = 'holds a NUL byte: this looks like a binary file, not text';
