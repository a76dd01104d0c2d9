// Reading an input file's bytes: gzip undone, sizes capped, a missing file or folder turned into
// a UserError.
import { open, type FileHandle } from 'node:fs/promises';
import { extname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { UserError } from '../errors.js';
import { formatBytes } from '../format-units.js';
import { asUserError } from '../io/fs-errors.js';
import { MAX_INPUT_FILE_BYTES } from './limits.js';

/**
 * The bytes of `path`, gunzipped when its name ends in `.gz`. A file, or its decompressed
 * content, over MAX_INPUT_FILE_BYTES is a UserError: the size is checked before reading, and
 * decompression stops at the limit (a small .gz can expand a thousandfold).
 */
export async function readInputFile(path: string, flag?: string): Promise<Buffer> {
  const bytes = await readCapped(path, flag);
  if (!path.toLowerCase().endsWith('.gz')) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_INPUT_FILE_BYTES });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new UserError(`decompresses to more than ${formatBytes(MAX_INPUT_FILE_BYTES)}, the most an input file may hold`, { file: path, flag });
    }
    throw new UserError('the file ends in .gz but is not valid gzip data', { file: path, flag });
  }
}

/** The file's bytes, refused when there are more than MAX_INPUT_FILE_BYTES. */
async function readCapped(path: string, flag?: string): Promise<Buffer> {
  const handle = await openInput(path, flag);
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new UserError('this is a directory, not a file', { file: path, flag });
    if (info.size > MAX_INPUT_FILE_BYTES) throw tooLarge(path, flag, `is ${formatBytes(info.size)}`);
    // Pipes and devices report no size (/dev/zero never ends): read one byte past the limit at most.
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of handle.createReadStream({ end: MAX_INPUT_FILE_BYTES, autoClose: false })) {
      chunks.push(chunk as Buffer);
      total += (chunk as Buffer).length;
    }
    if (total > MAX_INPUT_FILE_BYTES) throw tooLarge(path, flag, `holds more than ${formatBytes(MAX_INPUT_FILE_BYTES)}`);
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

async function openInput(path: string, flag?: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('file not found', { file: path, flag });
    if (code === 'EISDIR') throw new UserError('this is a directory, not a file', { file: path, flag });
    if (code === 'EACCES') throw new UserError('permission denied', { file: path, flag });
    throw asUserError(e, 'open the file', { file: path, flag });
  }
}

function tooLarge(path: string, flag: string | undefined, size: string): UserError {
  const problem = `the file ${size}; input files may hold at most ${formatBytes(MAX_INPUT_FILE_BYTES)} (split the data, or leave out columns you do not need)`;
  return new UserError(problem, { file: path, flag });
}

/** The extension that says the format, lower-case and without `.gz`: `a.csv.gz` → `.csv`. */
export function formatExtension(path: string): string {
  const lower = path.toLowerCase();
  return extname(lower.endsWith('.gz') ? lower.slice(0, -3) : lower);
}
