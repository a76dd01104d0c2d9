// `rgan sample` and `rgan info` on model directories that were edited, damaged or assembled by
// hand: each is refused with one line and exit code 1, writes nothing and leaves the model as it
// was; a model saved before model.json had a content checksum still works.
import { createHash } from 'node:crypto';
import { appendFile, cp, lstat, mkdtemp, readdir, readFile, readlink, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryTerminal } from '../../src/cli/terminal.js';
import { loadModelDirectory, saveModelDirectory } from '../../src/io/model-directory.js';
import { copyOfModelWithoutChecksum, editModelJson, type EditableModelJson, scratchDirectory } from '../io/model-fixtures.js';

async function rgan(...argv: string[]) {
  const terminal = memoryTerminal();
  const code = await main(argv, terminal);
  return { code, stdout: terminal.stdout, stderr: terminal.stderr };
}

const TINY = ['--seq-len', '6', '--hidden', '3', '--layers', '1', '--batch', '4', '--noise-size', '2', '--sequence-noise-size', '1', '--iterations', '2'];

let trained: string;

// Trained once for the file (scratchDirectory's folders last one test only).
beforeAll(async () => {
  trained = await mkdtemp(join(tmpdir(), 'rgan-model-files-'));
  const r = await rgan('train', '--data', 'sines', '--out', trained, '--force', ...TINY);
  expect(r.code).toBe(0);
  await rm(join(trained, 'checkpoint'), { recursive: true });
});

afterAll(() => rm(trained, { recursive: true, force: true }));

/** A copy of the trained model, free to damage. */
async function copyOfTrained(): Promise<string> {
  const dir = join(await scratchDirectory(), 'model');
  await cp(trained, dir, { recursive: true });
  return dir;
}

/** Each file's SHA-256 (a link's target instead: reading a link to /dev/zero never ends). */
async function checksums(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  const fingerprint = async (path: string): Promise<string> =>
    (await lstat(path)).isSymbolicLink() ? `link to ${await readlink(path)}` : createHash('sha256').update(await readFile(path)).digest('hex');
  const sums = await Promise.all(names.map((name) => fingerprint(join(dir, name))));
  return Object.fromEntries(names.map((name, i) => [name, sums[i]]));
}

/**
 * Runs `rgan sample` and `rgan info` on `dir` and expects both to fail with exit code 1 and one
 * line matching `message`, with no output file and the model's files unchanged.
 */
async function expectRefused(dir: string, message: RegExp): Promise<void> {
  const before = await checksums(dir);
  const outDir = await scratchDirectory();
  const out = join(outDir, 'samples.csv');
  for (const argv of [['sample', '--model', dir, '--n', '2', '--out', out], ['info', '--model', dir]]) {
    const r = await rgan(...argv);
    expect({ command: argv[0], code: r.code, stdout: r.stdout }).toEqual({ command: argv[0], code: 1, stdout: '' });
    // The model loaders do not pass --model on for weights.bin's messages; the path names it.
    expect(r.stderr).toMatch(new RegExp(`^(--model, )?${message.source}\\n$`));
  }
  expect(await readdir(outDir)).toEqual([]);
  expect(await checksums(dir)).toEqual(before);
}

describe('model.json edited by hand', () => {
  it.each([
    ['the sequence length', (json: EditableModelJson) => (json.config.seqLen = 1e9)],
    ['the hidden size', (json: EditableModelJson) => (json.config.generator.hidden = 1e5)],
    ['the random state a resume continues from', (json: EditableModelJson) => (json.training.rng.s[0] += 1)],
  ])('is refused when %s changed', async (_what, edit) => {
    const dir = await copyOfTrained();
    await editModelJson(dir, edit, 'kept');
    await expectRefused(dir, /.*model\.json: was changed after it was saved \(its content no longer matches its "contentSha256"\); restore the saved file or train again/);
  });

  it('is refused when its data schema and config disagree, naming both numbers', async () => {
    const dir = await copyOfTrained();
    await editModelJson(dir, (json) => json.data.features.pop(), 'removed');
    await expectRefused(dir, /.*model\.json: the data schema has 4 values per time step but "config\.features" is 5/);
  });

  it('is refused when its manifest declares more than 2 GiB of weights', async () => {
    const dir = await copyOfTrained();
    await editModelJson(dir, (json) => (json.weights.bytes = 2 ** 40), 'removed');
    await expectRefused(dir, /.*model\.json: not a valid model description: "weights\.bytes" is 1099511627776, more than the 2147483648 bytes \(2 GiB\) this version loads/);
  });

  it('is refused when a tensor shape is negative', async () => {
    const dir = await copyOfTrained();
    await editModelJson(dir, (json) => (json.weights.tensors[0].shape = [-9, 2]), 'removed');
    await expectRefused(dir, /.*model\.json: not a valid model description: "weights\.tensors\[0\]"\.shape must be a list of whole numbers up to 536870912/);
  });
});

describe('weights.bin that is not what model.json declares', () => {
  it.runIf(process.platform !== 'win32')('is refused when it links to /dev/zero', async () => {
    const dir = await copyOfTrained();
    await rm(join(dir, 'weights.bin'));
    await symlink('/dev/zero', join(dir, 'weights.bin'));
    await expectRefused(dir, /.*weights\.bin: is a character device, not a regular file/);
  });

  it('is refused when it is longer than declared, naming both sizes', async () => {
    const dir = await copyOfTrained();
    const declared = (await readFile(join(dir, 'weights.bin'))).length;
    await appendFile(join(dir, 'weights.bin'), new Uint8Array(4));
    await expectRefused(dir, new RegExp(`.*weights\\.bin: weights file is too long: it holds ${declared + 4} bytes, model\\.json expects ${declared}`));
  });

  it('is refused when it holds a NaN, naming the tensor', async () => {
    const dir = await copyOfTrained();
    const files = await loadModelDirectory(dir);
    files.tensors[2].data[1] = NaN;
    await saveModelDirectory(dir, files); // consistent checksums: only the value is wrong
    await expectRefused(dir, new RegExp(`.*weights\\.bin: tensor "${files.tensors[2].name}" holds NaN at index 1; a model with non-finite weights cannot be used, train it again`));
  });
});

describe('a model saved before model.json had a content checksum', () => {
  it('still samples and describes itself', async () => {
    const dir = await copyOfModelWithoutChecksum();
    const out = join(await scratchDirectory(), 'samples.csv');
    const sample = await rgan('sample', '--model', dir, '--n', '3', '--out', out);
    expect(sample).toMatchObject({ code: 0, stderr: '' });
    expect((await readFile(out, 'utf8')).trimEnd().split('\n')).toHaveLength(1 + 3 * 6);
    const info = await rgan('info', '--model', dir);
    expect(info).toMatchObject({ code: 0, stderr: '' });
    expect(info.stdout).toMatch(/checksum verified/);
  });
});
