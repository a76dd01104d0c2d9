// One writer per model directory: `train`, `train --resume` and `demo` hold DIR/.rgan.lock while
// they write DIR, so a second run into the same directory is refused instead of mixing files.
//
// The lock file holds its holder as JSON: pid, host, start time and a random token. The rules:
// - Taking the lock is atomic: the holder's JSON is written to a private file, then hard-linked
//   to .rgan.lock, which fails when .rgan.lock exists; a lock file is never seen half written.
// - A lock whose holder is gone (same host, no process with its pid) is stale and taken over.
//   To replace exactly that stale lock, a taker first creates .rgan.lock.takeover-<its token>
//   exclusively (one taker wins), re-reads .rgan.lock, and only if it is still the stale one
//   renames its own lock over it. Nothing else replaces a lock, so two takers never both win.
// - A lock held by a live process, or by one on another host (which cannot be checked), is a
//   UserError naming the holder.
// - Release removes .rgan.lock only while it is still this holder's, and removes DIR again if the
//   lock created it and nothing else was written there.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmdirSync, unlinkSync } from 'node:fs';
import { link, mkdir, readFile, rename, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { assertParentDirectory } from './atomic-write.js';
import { asUserError, errorCode } from './fs-errors.js';

/** The lock file's name inside a model directory. */
export const LOCK_FILE = '.rgan.lock';

/** Who holds a lock: what the lock file says. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When the lock was taken, ISO 8601. */
  since: string;
  /** Tells this lock apart from any other by the same pid (a restarted container reuses pids). */
  token: string;
}

export interface ModelLock {
  readonly dir: string;
  readonly holder: LockHolder;
  /** Whether taking the lock created `dir` (it was absent before this run). */
  readonly createdDirectory: boolean;
  /** Gives the lock up; safe to call more than once. */
  release(): void;
}

export interface LockOptions {
  /** The flag that named the directory (e.g. '--out'), for messages. */
  flag?: string;
  /** Receives the one-line notice when a stale lock is taken over. */
  warn?: (line: string) => void;
}

/** Tokens of the locks this process holds: a lock with our pid but another token is stale. */
const heldHere = new Set<string>();

/** How often a taker waits for another taker of the same stale lock, and how long each time. */
const TAKEOVER_WAITS = 20;
const TAKEOVER_WAIT_MS = 25;

/**
 * Takes `dir`'s lock, creating `dir` if it is missing (its parent must exist).
 *
 * @example
 * const lock = await lockModelDirectory('runs/m', { flag: '--out', warn: console.error });
 * try { … write runs/m … } finally { await lock.release(); }
 */
export async function lockModelDirectory(dir: string, options: LockOptions = {}): Promise<ModelLock> {
  const created = await ensureDirectory(dir, options.flag);
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  heldHere.add(me.token); // before the lock file exists, so that no concurrent taker here judges it stale
  try {
    await acquire(dir, me, options);
  } catch (e) {
    heldHere.delete(me.token);
    if (created) await rmdir(dir).catch(() => undefined);
    throw e;
  }
  // An exit without release (process.exit, an uncaught error) still frees the directory.
  const releaseAtExit = (): void => releaseSync(dir, me.token, created);
  process.once('exit', releaseAtExit);
  let released = false;
  return {
    dir,
    holder: me,
    createdDirectory: created,
    release() {
      if (released) return;
      released = true;
      process.off('exit', releaseAtExit);
      releaseSync(dir, me.token, created);
    },
  };
}

/** Whether a process `pid` runs on this machine (one owned by another user counts). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === 'EPERM';
  }
}

/** Whether `holder`'s lock is left over from a process that is gone. */
export function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !heldHere.has(holder.token);
  return !processExists(holder.pid);
}

/** Returns whether it created `dir`. */
async function ensureDirectory(dir: string, flag: string | undefined): Promise<boolean> {
  const info = await stat(dir).catch(() => null);
  if (info !== null) {
    if (!info.isDirectory()) throw new UserError('exists and is not a directory', { flag, file: dir });
    return false;
  }
  await assertParentDirectory(dir, flag);
  try {
    await mkdir(dir);
    return true;
  } catch (e) {
    if (errorCode(e) === 'EEXIST') return ensureDirectory(dir, flag); // another run made it just now
    throw asUserError(e, 'create the directory', { flag, file: dir });
  }
}

async function acquire(dir: string, me: LockHolder, options: LockOptions): Promise<void> {
  const lockFile = join(dir, LOCK_FILE);
  const mine = join(dir, `${LOCK_FILE}.${me.token}`);
  await writeFile(mine, `${JSON.stringify(me)}\n`, { flag: 'wx' }).catch((e: unknown) => {
    throw asUserError(e, 'write the lock file', { flag: options.flag, file: lockFile });
  });
  try {
    for (let wait = 0; wait <= TAKEOVER_WAITS; wait++) {
      if (await linkUnlessExists(mine, lockFile)) return;
      const holder = await readHolder(lockFile, options.flag);
      if (holder === null) continue; // released in between: try again at once
      if (!isStale(holder)) throw heldError(dir, holder, options.flag);
      const outcome = await takeOver(dir, holder, mine);
      if (outcome === 'taken') {
        options.warn?.(`${place(dir, options.flag)}: taking over the lock of rgan pid ${holder.pid} (since ${holder.since}), which is no longer running`);
        return;
      }
      if (outcome === 'contended') await new Promise((resolve) => setTimeout(resolve, TAKEOVER_WAIT_MS));
    }
    throw new UserError(`a stale lock could not be taken over; if no rgan process is writing there, remove ${lockFile} and ${lockFile}.takeover-*`, { flag: options.flag, file: dir });
  } finally {
    await unlink(mine).catch(() => undefined);
  }
}

/** Hard-links `from` to `to`; false when `to` exists. */
async function linkUnlessExists(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (e) {
    if (errorCode(e) === 'EEXIST') return false;
    throw asUserError(e, 'take the lock', { file: to });
  }
}

/**
 * Replaces the stale lock of `stale` with ours. 'taken': done; 'contended': another process is
 * taking it over right now; 'changed': the lock is no longer that stale one.
 */
async function takeOver(dir: string, stale: LockHolder, mine: string): Promise<'taken' | 'contended' | 'changed'> {
  const lockFile = join(dir, LOCK_FILE);
  const claim = `${lockFile}.takeover-${stale.token}`;
  try {
    await writeFile(claim, `${process.pid}\n`, { flag: 'wx' });
  } catch (e) {
    if (errorCode(e) === 'EEXIST') return 'contended';
    throw asUserError(e, 'take over the lock', { file: lockFile });
  }
  try {
    // Only the claim's owner may replace this stale lock, so if it is still there it stays
    // there until the rename below.
    const current = await readHolder(lockFile);
    if (current?.token !== stale.token) return 'changed';
    await rename(mine, lockFile);
    return 'taken';
  } finally {
    await unlink(claim).catch(() => undefined);
  }
}

/** The lock file's holder, or null when there is no lock file. */
async function readHolder(lockFile: string, flag?: string): Promise<LockHolder | null> {
  let text: string;
  try {
    text = await readFile(lockFile, 'utf8');
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return null;
    throw asUserError(e, 'read the lock file', { flag, file: lockFile });
  }
  const holder = parseHolder(text);
  if (holder === null) throw new UserError(`is not an rgan lock file; remove it if no rgan process is writing in its directory`, { flag, file: lockFile });
  return holder;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder> | null;
    const { pid, host, since, token } = value ?? {};
    if (Number.isSafeInteger(pid) && typeof host === 'string' && typeof since === 'string' && typeof token === 'string') return { pid: pid as number, host, since, token };
  } catch {
    // not JSON: same answer as a wrong shape
  }
  return null;
}

function heldError(dir: string, holder: LockHolder, flag: string | undefined): UserError {
  return new UserError(`is in use by rgan pid ${holder.pid} on host ${holder.host} (since ${holder.since}); wait for it to finish, or remove ${join(dir, LOCK_FILE)} if that process is gone`, { flag, file: dir });
}

function place(dir: string, flag: string | undefined): string {
  return flag === undefined ? dir : `${flag} ${dir}`;
}

/** Synchronous, so that it also runs from an 'exit' handler. */
function releaseSync(dir: string, token: string, created: boolean): void {
  heldHere.delete(token);
  const lockFile = join(dir, LOCK_FILE);
  try {
    if (parseHolder(readFileSync(lockFile, 'utf8'))?.token === token) unlinkSync(lockFile);
  } catch {
    // already gone, or the directory was removed: nothing of ours is left to free
  }
  if (created) {
    try {
      rmdirSync(dir); // only succeeds while the directory is still empty
    } catch {
      // files were written there: the directory stays
    }
  }
}
