// Turns file-system failures a user can cause or fix (no permission, disk full, read-only disk)
// into UserErrors naming the path; anything else stays an error, i.e. a bug.
import { UserError, type ErrorPlace } from '../errors.js';

const EXPLANATIONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory, expected a file',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
};

/** The Node error code of `e` ('ENOENT', …), or undefined. */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** `e` as a UserError when a user can fix it, otherwise `e` itself; for `throw asUserError(…)`. */
export function asUserError(e: unknown, doing: string, place: ErrorPlace): unknown {
  const code = errorCode(e);
  const explanation = code === undefined ? undefined : EXPLANATIONS[code];
  return explanation === undefined ? e : new UserError(`cannot ${doing}: ${explanation} (${code})`, place);
}
