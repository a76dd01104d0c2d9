// Reading a file a user handed us without trusting what it is: only a regular file (a symbolic
// link is followed and judged by its target), and only as many bytes as the caller accepts. A
// link to /dev/zero, a FIFO or a directory is refused before a byte is read, and a file whose
// size is wrong is not read at all.
import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { UserError, type ErrorPlace } from '../errors.js';
import { asUserError, errorCode } from './fs-errors.js';

/** A regular file's size, and its bytes when the caller accepted that size (else null). */
export interface RegularFileContents {
  size: number;
  bytes: Uint8Array | null;
}

// Opening a FIFO for reading blocks until a writer appears; non-blocking mode returns at once
// (and changes nothing for regular files).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Opens `place.file`, checks it is a regular file, and reads it whole when `acceptSize(size)`
 * says yes. Null when the file does not exist; a UserError naming the file when it is not a
 * regular file or cannot be read (permissions).
 */
export async function readRegularFile(place: ErrorPlace & { file: string }, acceptSize: (size: number) => boolean): Promise<RegularFileContents | null> {
  const handle = await open(place.file, OPEN_FLAGS).catch((e: unknown) => {
    if (errorCode(e) === 'ENOENT') return null;
    throw asUserError(e, 'read the file', place);
  });
  if (handle === null) return null;
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UserError(`is ${fileType(info)}, not a regular file`, place);
    if (!acceptSize(info.size)) return { size: info.size, bytes: null };
    const bytes = new Uint8Array(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) return { size: filled, bytes: null }; // it shrank while we read
      filled += bytesRead;
    }
    return { size: info.size, bytes };
  } catch (e) {
    throw asUserError(e, 'read the file', place);
  } finally {
    await handle.close();
  }
}

function fileType(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  return 'a special file';
}
