// The temporary files atomic writes stage their data in: how they are named, and how they are
// removed when the write never finishes — at exit or on Ctrl-C/kill of this process, and, for a
// process that could not clean up (kill -9, power loss), by the next run that writes there.
//
// A temporary name is `.<target name>.<pid>.<milliseconds>.tmp` beside its target, so a file
// left behind says which process made it.
import { rmSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorCode } from './fs-errors.js';

const TEMPORARY_NAME = /^\..+\.(\d+)\.\d+\.tmp$/;

/** Signals whose default action ends the process; a write in progress is removed first. */
const ENDING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Temporary files of this process that are being written now. */
const live = new Set<string>();
let exitHookInstalled = false;

/** A fresh temporary name beside `target`, owned by this process. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
}

/**
 * Runs `write(temporary)` with `temporary` registered for removal should the process end before
 * `write` settles. `write` moves the file into place or removes it itself; nothing is removed
 * here once it returns.
 */
export async function withTemporaryFile<T>(target: string, write: (temporary: string) => Promise<T>): Promise<T> {
  const temporary = temporaryPathFor(target);
  track(temporary);
  try {
    return await write(temporary);
  } finally {
    untrack(temporary);
  }
}

/**
 * Removes temporary files in `dir` left by processes that no longer run (their pid is in the
 * name). Files of running processes, and anything not named like a temporary file, are kept.
 */
export async function removeStaleTemporaryFiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = TEMPORARY_NAME.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) await rm(join(dir, name), { force: true }).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === 'EPERM'; // it runs, as another user
  }
}

function track(temporary: string): void {
  if (!exitHookInstalled) {
    process.on('exit', removeLiveFiles);
    exitHookInstalled = true;
  }
  if (live.size === 0) for (const signal of ENDING_SIGNALS) process.on(signal, onEndingSignal);
  live.add(temporary);
}

function untrack(temporary: string): void {
  live.delete(temporary);
  if (live.size === 0) for (const signal of ENDING_SIGNALS) process.off(signal, onEndingSignal);
}

/**
 * A signal while a write is in progress. When another part of the program handles the signal
 * (train stops cleanly on Ctrl-C and still saves), the write goes on and exit cleans up; when
 * nothing else does, the process would have died at once: remove the files, then die of the
 * same signal, so the exit status stays what the shell expects.
 */
function onEndingSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  removeLiveFiles();
  for (const s of ENDING_SIGNALS) process.off(s, onEndingSignal);
  process.kill(process.pid, signal);
}

function removeLiveFiles(): void {
  for (const file of live) rmSync(file, { force: true });
  live.clear();
}
