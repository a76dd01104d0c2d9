// Atomic file writes: write to a temporary name beside the target, then rename into place,
// so a crash or kill never leaves a half-written file under the real name (and an interrupted
// write leaves no temporary file: see temporary-files.ts).
import { open, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';
import { errorCode } from './fs-errors.js';
import { withTemporaryFile } from './temporary-files.js';

/** Throws a UserError unless the directory that will hold `path` exists. */
export async function assertParentDirectory(path: string, flag?: string): Promise<void> {
  const dir = dirname(path);
  const info = await stat(dir).catch(() => null);
  if (info === null || !info.isDirectory()) {
    throw new UserError(`directory ${JSON.stringify(dir)} does not exist`, { file: path, flag });
  }
}

/** What writeFileAtomic writes: the whole content, or its pieces in order (a generator streams them). */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/**
 * Writes `data` to `path` atomically (temporary file, fsync, rename). A symbolic link at `path`
 * is written through: its target is replaced, the link stays.
 */
export async function writeFileAtomic(path: string, data: FileContent): Promise<void> {
  const target = await followLinks(path);
  await withTemporaryFile(target, async (temporary) => {
    try {
      const handle = await open(temporary, 'w');
      try {
        await writeFile(handle, data); // pieces are written as they come, so they need not fit in memory together
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
    } catch (e) {
      // A failed write or rename must not leave the temporary file behind.
      await rm(temporary, { force: true });
      throw e;
    }
  });
}

/** The file `path` names once symbolic links are resolved; `path` itself when nothing is there yet. */
async function followLinks(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return path;
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
