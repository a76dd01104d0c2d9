// Reading an input file's bytes: gzip undone, a missing file or folder turned into a UserError.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { UserError } from '../errors.js';

/** The bytes of `path`, gunzipped when its name ends in `.gz`. */
export async function readInputFile(path: string, flag?: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('file not found', { file: path, flag });
    if (code === 'EISDIR') throw new UserError('this is a directory, not a file', { file: path, flag });
    if (code === 'EACCES') throw new UserError('permission denied', { file: path, flag });
    throw e;
  }
  if (!path.toLowerCase().endsWith('.gz')) return bytes;
  try {
    return gunzipSync(bytes);
  } catch {
    throw new UserError('the file ends in .gz but is not valid gzip data', { file: path, flag });
  }
}

/** The extension that says the format, lower-case and without `.gz`: `a.csv.gz` → `.csv`. */
export function formatExtension(path: string): string {
  const lower = path.toLowerCase();
  return extname(lower.endsWith('.gz') ? lower.slice(0, -3) : lower);
}
