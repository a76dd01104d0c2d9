// Atomic file writes: write to a temporary name beside the target, then rename into place,
// so a crash or kill never leaves a half-written file under the real name.
import { open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { UserError } from '../errors.js';

/** Throws a UserError unless the directory that will hold `path` exists. */
export async function assertParentDirectory(path: string, flag?: string): Promise<void> {
  const dir = dirname(path);
  const info = await stat(dir).catch(() => null);
  if (info === null || !info.isDirectory()) {
    throw new UserError(`directory ${JSON.stringify(dir)} does not exist`, { file: path, flag });
  }
}

/** The temporary names writeFileAtomic uses for `path` start with this (for cleanup checks). */
export function temporaryPrefix(path: string): string {
  return `.${basename(path)}.`;
}

/** What writeFileAtomic writes: the whole content, or its pieces in order (a generator streams them). */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** Writes `data` to `path` atomically (temporary file, fsync, rename). */
export async function writeFileAtomic(path: string, data: FileContent): Promise<void> {
  const temporary = join(dirname(path), `${temporaryPrefix(path)}${process.pid}.${Date.now()}.tmp`);
  try {
    const handle = await open(temporary, 'w');
    try {
      await writeFile(handle, data); // pieces are written as they come, so they need not fit in memory together
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (e) {
    // A failed write or rename must not leave the temporary file behind.
    await rm(temporary, { force: true });
    throw e;
  }
}

/**
 * Flushes a directory's entries (the renames just made in it) to disk. Best effort: some
 * platforms cannot open a directory for syncing, and the rename itself is already atomic.
 */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Durability is a bonus here; correctness rests on rename's atomicity.
  }
}
