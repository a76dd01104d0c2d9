// Atomic file writes: write to a temporary name beside the target, then rename into place,
// so a crash or kill never leaves a half-written file under the real name.
import { open, rename, rm, stat } from 'node:fs/promises';
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

/** Writes `data` to `path` atomically (temporary file, fsync, rename). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(temporary, { force: true });
    throw e;
  }
  await handle.close();
  await rename(temporary, path);
}
