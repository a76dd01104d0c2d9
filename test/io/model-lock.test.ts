// The model directory lock: one holder at a time, stale locks of dead processes taken over by
// exactly one taker, and nothing left behind on release.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { LOCK_FILE, lockModelDirectory, type LockHolder, type ModelLock } from '../../src/io/model-lock.js';

async function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'rgan-lock-'));
}

/** The pid of a process that has already ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid as number;
}

async function writeLock(dir: string, holder: Partial<LockHolder>): Promise<void> {
  const full: LockHolder = { pid: deadPid(), host: hostname(), since: '2024-01-02T03:04:05.000Z', token: 'f00d', ...holder };
  await writeFile(join(dir, LOCK_FILE), JSON.stringify(full));
}

async function lockError(dir: string): Promise<string> {
  const error = await lockModelDirectory(dir, { flag: '--out' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  const message = (error as UserError).message;
  expect(message.split('\n')).toHaveLength(1);
  return message;
}

describe('lockModelDirectory', () => {
  it('writes its holder into DIR/.rgan.lock and removes it on release', async () => {
    const dir = await scratch();
    const lock = await lockModelDirectory(dir);
    const written = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'));
    expect(written).toEqual(lock.holder);
    expect(written).toMatchObject({ pid: process.pid, host: hostname() });
    lock.release();
    lock.release(); // twice is harmless
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a second holder, naming the first, until the first releases', async () => {
    const dir = await scratch();
    const first = await lockModelDirectory(dir);
    const message = await lockError(dir);
    expect(message).toBe(
      `--out, ${dir}: is in use by rgan pid ${process.pid} on host ${hostname()} (since ${first.holder.since}); wait for it to finish, or remove ${join(dir, LOCK_FILE)} if that process is gone`,
    );
    first.release();
    (await lockModelDirectory(dir)).release();
  });

  it('lets exactly one of many simultaneous takers win', async () => {
    const dir = await scratch();
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => lockModelDirectory(dir)));
    const won = outcomes.filter((o): o is PromiseFulfilledResult<ModelLock> => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(String(o.reason)).toMatch(/is in use by rgan pid/);
    won[0].value.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over the lock of a process that is gone, with a one-line notice', async () => {
    const dir = await scratch();
    const pid = deadPid();
    await writeLock(dir, { pid });
    const notices: string[] = [];
    const lock = await lockModelDirectory(dir, { flag: '--out', warn: (line) => notices.push(line) });
    expect(notices).toEqual([`--out ${dir}: taking over the lock of rgan pid ${pid} (since 2024-01-02T03:04:05.000Z), which is no longer running`]);
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).token).toBe(lock.holder.token);
    lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('hands a stale lock to exactly one of many simultaneous takers', async () => {
    const dir = await scratch();
    await writeLock(dir, {});
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => lockModelDirectory(dir)));
    const won = outcomes.filter((o): o is PromiseFulfilledResult<ModelLock> => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const winner = won[0].value.holder;
    for (const o of outcomes) if (o.status === 'rejected') expect(String(o.reason)).toContain(`(since ${winner.since})`);
    won[0].value.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock left by an earlier process with this very pid (a restarted container)', async () => {
    const dir = await scratch();
    await writeLock(dir, { pid: process.pid, token: 'earlier' });
    const lock = await lockModelDirectory(dir);
    lock.release();
  });

  it('never takes over a lock from another host, which it cannot check', async () => {
    const dir = await scratch();
    await writeLock(dir, { host: 'elsewhere.example' });
    expect(await lockError(dir)).toMatch(/is in use by rgan pid \d+ on host elsewhere\.example \(since 2024-01-02T03:04:05\.000Z\)/);
  });

  it('refuses a lock file it cannot read, rather than guess', async () => {
    const dir = await scratch();
    await writeFile(join(dir, LOCK_FILE), 'not json');
    expect(await lockError(dir)).toBe(`--out, ${join(dir, LOCK_FILE)}: is not an rgan lock file; remove it if no rgan process is writing in its directory`);
  });

  it('creates a missing directory, and removes it again if nothing was written there', async () => {
    const parent = await scratch();
    const empty = join(parent, 'empty');
    (await lockModelDirectory(empty)).release();
    expect(existsSync(empty)).toBe(false);
    const used = join(parent, 'used');
    const lock = await lockModelDirectory(used);
    await writeFile(join(used, 'model.json'), '{}');
    lock.release();
    expect(await readdir(used)).toEqual(['model.json']);
  });

  it('refuses a directory whose parent is missing, or a path that is a file', async () => {
    const parent = await scratch();
    expect(await lockError(join(parent, 'no', 'such'))).toBe(`--out, ${join(parent, 'no', 'such')}: directory ${JSON.stringify(join(parent, 'no'))} does not exist`);
    await writeFile(join(parent, 'file'), '');
    expect(await lockError(join(parent, 'file'))).toBe(`--out, ${join(parent, 'file')}: exists and is not a directory`);
  });
});
