// A save that dies at any point leaves a loadable model: the old one before the commit, the new
// one after it. Faults are injected by making one rename fail, as a crash at that step would.
import type * as fs from 'node:fs/promises';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadModelDirectory, saveModelDirectory } from '../../src/io/model-directory.js';
import { sampleModel, scratchDirectory } from './model-fixtures.js';

const faults = vi.hoisted(() => ({ failRenameTo: null as string | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  const rename: typeof actual.rename = async (from, to) => {
    if (faults.failRenameTo !== null && String(to).endsWith(faults.failRenameTo)) {
      throw Object.assign(new Error(`injected crash renaming to ${String(to)}`), { code: 'EIO' });
    }
    return actual.rename(from, to);
  };
  return { ...actual, rename, default: { ...actual, rename } };
});

afterEach(() => {
  faults.failRenameTo = null;
});

async function configOf(dir: string): Promise<unknown> {
  return (await loadModelDirectory(dir)).config;
}

describe('crash safety of saveModelDirectory', () => {
  const before = sampleModel(1);
  const after = sampleModel(2);

  it('keeps the old model when staging the new weights fails', async () => {
    const dir = await scratchDirectory();
    await saveModelDirectory(dir, before);
    faults.failRenameTo = 'weights.bin.next';
    await expect(saveModelDirectory(dir, after)).rejects.toThrow(/injected crash/);
    expect(await configOf(dir)).toEqual(before.config);
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'weights.bin']); // no temporary files
  });

  it('keeps the old model when replacing model.json fails', async () => {
    const dir = await scratchDirectory();
    await saveModelDirectory(dir, before);
    faults.failRenameTo = 'model.json';
    await expect(saveModelDirectory(dir, after)).rejects.toThrow(/injected crash/);
    expect(await configOf(dir)).toEqual(before.config);
    // The staged weights are an uncommitted leftover; the next save clears them.
    faults.failRenameTo = null;
    await saveModelDirectory(dir, after);
    expect(await configOf(dir)).toEqual(after.config);
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'weights.bin']);
  });

  it('loads the new model when the crash comes after model.json was replaced', async () => {
    const dir = await scratchDirectory();
    await saveModelDirectory(dir, before);
    faults.failRenameTo = join(dir, 'weights.bin');
    await expect(saveModelDirectory(dir, after)).rejects.toThrow(/injected crash/);
    expect(await configOf(dir)).toEqual(after.config);
    const loaded = await loadModelDirectory(dir);
    expect(Array.from(loaded.tensors[0].data)).toEqual(Array.from(after.tensors[0].data));
    // A later save finishes the interrupted one first, so a crash during it still finds a model.
    faults.failRenameTo = 'model.json';
    await expect(saveModelDirectory(dir, sampleModel(3))).rejects.toThrow(/injected crash/);
    expect(await configOf(dir)).toEqual(after.config);
  });

  it('writes nothing when the description cannot be turned into JSON', async () => {
    const dir = await scratchDirectory();
    await saveModelDirectory(dir, before);
    const snapshot = await readFile(join(dir, 'weights.bin'));
    await expect(saveModelDirectory(dir, { ...after, training: { big: 1n } })).rejects.toThrow(/BigInt/);
    expect(await configOf(dir)).toEqual(before.config);
    expect(await readFile(join(dir, 'weights.bin'))).toEqual(snapshot);
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'weights.bin']);
  });

  it('ignores a stray staged file that does not match model.json', async () => {
    const dir = await scratchDirectory();
    await saveModelDirectory(dir, before);
    await writeFile(join(dir, 'weights.bin.next'), 'garbage');
    expect(await configOf(dir)).toEqual(before.config);
    const other = await scratchDirectory();
    await saveModelDirectory(other, after);
    await copyFile(join(other, 'weights.bin'), join(dir, 'weights.bin'));
    await expect(loadModelDirectory(dir)).rejects.toThrow(/weights file was altered or corrupted/);
  });
});
