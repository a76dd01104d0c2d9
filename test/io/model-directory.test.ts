import { mkdir, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import {
  FORMAT_VERSION,
  isModelDirectory,
  loadModelDirectory,
  readModelDescription,
  saveModelDirectory,
  type ModelFiles,
} from '../../src/io/model-directory.js';
import { checkpointPath, hasCheckpoint } from '../../src/io/checkpoint.js';
import { editModelJson, sampleModel, scratchDirectory } from './model-fixtures.js';

function bits(data: Float32Array): number[] {
  return Array.from(new Uint32Array(data.buffer, data.byteOffset, data.length));
}

async function savedModel(): Promise<{ dir: string; model: ModelFiles }> {
  const dir = join(await scratchDirectory(), 'model');
  const model = sampleModel();
  await saveModelDirectory(dir, model);
  return { dir, model };
}

async function loadError(dir: string): Promise<UserError> {
  const error = await loadModelDirectory(dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  const message = (error as UserError).message;
  expect(message.split('\n')).toHaveLength(1);
  return error as UserError;
}

describe('saving and loading a model directory', () => {
  it('round-trips the description and every tensor bit for bit', async () => {
    const { dir, model } = await savedModel();
    const loaded = await loadModelDirectory(dir);
    expect(loaded.format).toBe(FORMAT_VERSION);
    expect(loaded.kind).toBe('rgan');
    expect(loaded.config).toEqual(model.config);
    expect(loaded.data).toEqual(model.data);
    expect(loaded.training).toEqual(model.training);
    expect(loaded.tensors.map((t) => [t.name, t.shape])).toEqual(model.tensors.map((t) => [t.name, t.shape]));
    loaded.tensors.forEach((t, i) => expect(bits(t.data)).toEqual(bits(model.tensors[i].data)));
  });

  it('writes model.json with a manifest and checksum, and weights.bin as float32 little-endian', async () => {
    const { dir, model } = await savedModel();
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'weights.bin']);
    const description = await readModelDescription(dir);
    expect(description.writtenBy).toMatch(/^recurrent-gan \d+\.\d+\.\d+/);
    expect(description.weights.tensors.map((t) => t.offset)).toEqual([0, 48, 80, 88, 92]);
    const weights = await readFile(join(dir, 'weights.bin'));
    expect(weights.length).toBe(description.weights.bytes);
    expect(weights.readFloatLE(4 * 2)).toBeCloseTo(model.tensors[0].data[2], 6);
  });

  it('creates the directory, but not its parent', async () => {
    const root = await scratchDirectory();
    const error = await saveModelDirectory(join(root, 'missing', 'model'), sampleModel(), { flag: '--out' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/^--out, .*missing.*does not exist/);
  });

  it('refuses to save over a file', async () => {
    const file = join(await scratchDirectory(), 'plain.txt');
    await writeFile(file, 'hello');
    await expect(saveModelDirectory(file, sampleModel())).rejects.toThrow(/is not a directory/);
  });

  it('replaces a saved model and leaves other files and the checkpoint alone', async () => {
    const { dir } = await savedModel();
    await saveModelDirectory(checkpointPath(dir), sampleModel(3));
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await saveModelDirectory(dir, sampleModel(2));
    expect((await loadModelDirectory(dir)).config).toEqual(sampleModel(2).config);
    expect((await loadModelDirectory(checkpointPath(dir))).config).toEqual(sampleModel(3).config);
    expect((await readdir(dir)).sort()).toEqual(['checkpoint', 'model.json', 'notes.txt', 'weights.bin']);
  });

  it('writes typed arrays in the JSON sections as lists and non-finite numbers as null', async () => {
    const dir = join(await scratchDirectory(), 'm');
    await saveModelDirectory(dir, { ...sampleModel(), training: { rng: new Uint32Array([1, 2]), loss: NaN } });
    const loaded = await loadModelDirectory(dir);
    expect(loaded.training).toEqual({ rng: [1, 2], loss: null });
  });

  it('treats malformed tensors as a bug in the caller, not a user error', async () => {
    const dir = join(await scratchDirectory(), 'm');
    const model = sampleModel();
    model.tensors[0].shape = [5, 5];
    const error = await saveModelDirectory(dir, model).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(UserError);
    await expect(stat(dir)).rejects.toThrow(); // nothing was written
  });
});

describe('loading errors', () => {
  it('reports a path that does not exist', async () => {
    const dir = join(await scratchDirectory(), 'nowhere');
    expect((await loadError(dir)).message).toBe(`${dir}: does not exist`);
  });

  it('reports a file given as the directory', async () => {
    const file = join(await scratchDirectory(), 'model.json');
    await writeFile(file, '{}');
    expect((await loadError(file)).message).toMatch(/is a file, not a model directory/);
  });

  it('reports a directory that holds no model, naming the flag', async () => {
    const dir = await scratchDirectory();
    await expect(loadModelDirectory(dir, { flag: '--model' })).rejects.toThrow(`--model, ${dir}: directory holds no model (no model.json)`);
    expect(await isModelDirectory(dir)).toBe(false);
  });

  it('reports model.json that is not JSON', async () => {
    const { dir } = await savedModel();
    await writeFile(join(dir, 'model.json'), '{ "format": 1,');
    expect((await loadError(dir)).message).toMatch(/model\.json: not valid JSON/);
  });

  it('reports a format newer than this version reads', async () => {
    const { dir } = await savedModel();
    const description = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
    await writeFile(join(dir, 'model.json'), JSON.stringify({ ...description, format: FORMAT_VERSION + 1, weights: 'new layout' }));
    expect((await loadError(dir)).message).toMatch(
      /model\.json: written by a newer recurrent-gan \(format 2\); this version reads up to 1$/,
    );
  });

  it('reports a malformed manifest', async () => {
    const { dir } = await savedModel();
    await editModelJson(dir, (json) => (json.weights.tensors[1].offset = 4), 'removed');
    expect((await loadError(dir)).message).toMatch(/not a valid model description: "weights.tensors\[1\]".offset must be 48/);
  });

  it('reports weights.bin missing', async () => {
    const { dir } = await savedModel();
    await rm(join(dir, 'weights.bin'));
    expect(await isModelDirectory(dir)).toBe(true);
    expect((await loadError(dir)).message).toMatch(/weights\.bin: weights file is missing/);
  });

  it('reports weights.bin truncated', async () => {
    const { dir } = await savedModel();
    await truncate(join(dir, 'weights.bin'), 10);
    expect((await loadError(dir)).message).toMatch(/weights\.bin: weights file is truncated: it holds 10 bytes, model\.json expects 92/);
  });

  it('reports weights.bin altered by one flipped byte', async () => {
    const { dir } = await savedModel();
    const weights = await readFile(join(dir, 'weights.bin'));
    weights[17] ^= 0x01;
    await writeFile(join(dir, 'weights.bin'), weights);
    expect((await loadError(dir)).message).toMatch(/weights\.bin: weights file was altered or corrupted/);
  });
});

describe('isModelDirectory and checkpoints', () => {
  it('recognises a saved model', async () => {
    const { dir } = await savedModel();
    expect(await isModelDirectory(dir)).toBe(true);
    expect(await isModelDirectory(join(dir, 'weights.bin'))).toBe(false);
  });

  it('keeps the checkpoint in <out>/checkpoint', async () => {
    const out = await scratchDirectory();
    expect(checkpointPath(out)).toBe(join(out, 'checkpoint'));
    expect(await hasCheckpoint(out)).toBe(false);
    await mkdir(checkpointPath(out));
    expect(await hasCheckpoint(out)).toBe(false);
    await saveModelDirectory(checkpointPath(out), sampleModel());
    expect(await hasCheckpoint(out)).toBe(true);
  });
});
