// What loading checks before a model is used: model.json's content checksum, the data schema
// against the config, weights.bin as a regular file of the declared size, finite weights, and
// sizes in the manifest. Each failure is a one-line UserError naming the file.
import { execFileSync } from 'node:child_process';
import { appendFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { MAX_JSON_DEPTH } from '../../src/io/model-description.js';
import { loadModelDirectory, readModelDescription, saveModelDirectory } from '../../src/io/model-directory.js';
import { editModelJson, type EditableModelJson, MODEL_WITHOUT_CHECKSUM, sampleModel, scratchDirectory } from './model-fixtures.js';

async function savedModel(): Promise<string> {
  const dir = join(await scratchDirectory(), 'model');
  await saveModelDirectory(dir, sampleModel());
  return dir;
}

/** The one-line message loading `dir` fails with. */
async function loadError(dir: string): Promise<string> {
  const error = await loadModelDirectory(dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  const message = (error as UserError).message;
  expect(message.split('\n')).toHaveLength(1);
  return message;
}

const onPosix = process.platform !== 'win32';

describe('model.json content checksum', () => {
  it('is written into model.json and does not depend on layout or key order', async () => {
    const dir = await savedModel();
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
    expect(json.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(json).reverse());
    await writeFile(join(dir, 'model.json'), JSON.stringify(reordered));
    expect((await loadModelDirectory(dir)).config).toEqual(sampleModel().config);
  });

  it.each([
    ['the config', (json: EditableModelJson) => (json.config.generator.hidden = 5)],
    ['the training state', (json: EditableModelJson) => (json.training.iteration = 999)],
    ['the data schema', (json: EditableModelJson) => (json.data.features[0].max = 11)],
    ['a tensor shape', (json: EditableModelJson) => (json.weights.tensors[0].shape = [4, 3])],
  ])('refuses a hand edit of %s, naming model.json', async (_what, edit) => {
    const dir = await savedModel();
    await editModelJson(dir, edit, 'kept');
    expect(await loadError(dir)).toBe(
      `${join(dir, 'model.json')}: was changed after it was saved (its content no longer matches its "contentSha256"); restore the saved file or train again`,
    );
  });

  it('still loads a model saved before model.json had a checksum', async () => {
    const description = await readModelDescription(MODEL_WITHOUT_CHECKSUM);
    expect(description.contentSha256).toBeUndefined();
    const loaded = await loadModelDirectory(MODEL_WITHOUT_CHECKSUM);
    expect(loaded.kind).toBe('rgan');
    expect(loaded.tensors).toHaveLength(36);
  });

  it('refuses a checksum that is not 64 hex digits', async () => {
    const dir = await savedModel();
    await editModelJson(dir, (json) => (json.contentSha256 = 'abc'), 'kept');
    expect(await loadError(dir)).toMatch(/model\.json: not a valid model description: "contentSha256" must be 64 lowercase hex digits$/);
  });

});

describe('model.json nested 10,000 levels deep', () => {
  it.each(['kept', 'removed'] as const)('is refused with the checksum %s, without a stack overflow', async (checksum) => {
    const dir = await savedModel();
    await editModelJson(dir, (json) => (json.training.deep = 'DEEP'), checksum);
    const text = await readFile(join(dir, 'model.json'), 'utf8');
    await writeFile(join(dir, 'model.json'), text.replace('"DEEP"', '['.repeat(10_000) + ']'.repeat(10_000)));
    expect(await loadError(dir)).toBe(`${join(dir, 'model.json')}: nests deeper than ${MAX_JSON_DEPTH} levels`);
  });
});

describe('the data schema against the config', () => {
  it('names both feature counts when they differ', async () => {
    const dir = await savedModel();
    await editModelJson(dir, (json) => (json.config.features = 4), 'removed');
    expect(await loadError(dir)).toBe(`${join(dir, 'model.json')}: the data schema has 3 values per time step but "config.features" is 4`);
  });

  it('names both condition sizes when they differ', async () => {
    const dir = await savedModel();
    await editModelJson(dir, (json) => json.data.conditions.push({ name: 'mode', kind: 'categorical', categories: ['a', 'b'] }), 'removed');
    expect(await loadError(dir)).toMatch(/model\.json: the data schema has 2 condition values but "config\.conditions" is 0$/);
  });

  it('names the file when the schema itself is malformed', async () => {
    const dir = await savedModel();
    await editModelJson(dir, (json) => (json.data.features = []), 'removed');
    expect(await loadError(dir)).toMatch(/model\.json: invalid data schema in the model: "features" must be a non-empty array$/);
  });
});

describe('weights.bin is read only as a regular file of the declared size', () => {
  it.runIf(onPosix)('refuses a link to /dev/zero without reading it', async () => {
    const dir = await savedModel();
    await rm(join(dir, 'weights.bin'));
    await symlink('/dev/zero', join(dir, 'weights.bin'));
    expect(await loadError(dir)).toBe(`${join(dir, 'weights.bin')}: is a character device, not a regular file`);
  });

  it.runIf(onPosix)('refuses a named pipe without waiting for a writer', async () => {
    const dir = await savedModel();
    await rm(join(dir, 'weights.bin'));
    execFileSync('mkfifo', [join(dir, 'weights.bin')]);
    expect(await loadError(dir)).toMatch(/weights\.bin: is a named pipe \(FIFO\), not a regular file$/);
  });

  it('refuses a directory', async () => {
    const dir = await savedModel();
    await rm(join(dir, 'weights.bin'));
    await mkdir(join(dir, 'weights.bin'));
    expect(await loadError(dir)).toMatch(/weights\.bin: (is a directory, not a regular file|.*is a directory)/);
  });

  it('refuses a file longer than declared, naming both sizes', async () => {
    const dir = await savedModel();
    await appendFile(join(dir, 'weights.bin'), new Uint8Array(8));
    expect(await loadError(dir)).toMatch(/weights\.bin: weights file is too long: it holds 100 bytes, model\.json expects 92$/);
  });

  it.runIf(onPosix)('follows a link to a regular file', async () => {
    const dir = await savedModel();
    const elsewhere = join(await scratchDirectory(), 'weights-elsewhere.bin');
    await writeFile(elsewhere, await readFile(join(dir, 'weights.bin')));
    await rm(join(dir, 'weights.bin'));
    await symlink(elsewhere, join(dir, 'weights.bin'));
    expect((await loadModelDirectory(dir)).tensors).toHaveLength(sampleModel().tensors.length);
  });

  it.runIf(onPosix)('refuses a model.json that links to /dev/zero', async () => {
    const dir = await savedModel();
    await rm(join(dir, 'model.json'));
    await symlink('/dev/zero', join(dir, 'model.json'));
    expect(await loadError(dir)).toBe(`${join(dir, 'model.json')}: is a character device, not a regular file`);
  });
});

describe('non-finite weights', () => {
  it.each([
    [NaN, 'NaN'],
    [-Infinity, '-Infinity'],
  ])('refuses a model holding %s, naming the tensor and index', async (value, shown) => {
    const dir = join(await scratchDirectory(), 'model');
    const model = sampleModel();
    model.tensors[1].data[6] = value;
    await saveModelDirectory(dir, model);
    expect(await loadError(dir)).toBe(
      `${join(dir, 'weights.bin')}: tensor "generator.awkward" holds ${shown} at index 6; a model with non-finite weights cannot be used, train it again`,
    );
  });
});

describe('hostile sizes in the manifest', () => {
  it.each([
    ['negative bytes', (w: EditableModelJson['weights']) => (w.bytes = -92), /"weights\.bytes" must be a whole number$/],
    ['fractional bytes', (w: EditableModelJson['weights']) => (w.bytes = 91.5), /"weights\.bytes" must be a whole number$/],
    ['bytes beyond 2 GiB', (w: EditableModelJson['weights']) => (w.bytes = 1e15), /"weights\.bytes" is 1000000000000000, more than the 2147483648 bytes \(2 GiB\) this version loads$/],
    ['a negative shape', (w: EditableModelJson['weights']) => (w.tensors[0].shape = [-3, -4]), /"weights\.tensors\[0\]"\.shape must be a list of whole numbers up to 536870912$/],
    ['a fractional shape', (w: EditableModelJson['weights']) => (w.tensors[0].shape = [2.5, 4]), /"weights\.tensors\[0\]"\.shape must be a list of whole numbers/],
    ['a huge size times zero', (w: EditableModelJson['weights']) => (w.tensors[4].shape = [1e300, 0]), /"weights\.tensors\[4\]"\.shape must be a list of whole numbers/],
    ['a tensor past the declared bytes', (w: EditableModelJson['weights']) => (w.tensors[0].shape = [3, 40]), /"weights\.tensors\[0\]" \(shape \[3, 40\]\) ends past the 92 bytes of "weights\.bytes"$/],
    ['overlapping tensors', (w: EditableModelJson['weights']) => (w.tensors[2].offset = 40), /"weights\.tensors\[2\]"\.offset must be 80, got 40$/],
    ['a non-numeric offset', (w: EditableModelJson['weights']) => (w.tensors[1].offset = '48'), /"weights\.tensors\[1\]"\.offset must be 48, got "48"$/],
    ['fewer bytes than the tensors take', (w: EditableModelJson['weights']) => (w.bytes = 60), /"weights\.tensors\[1\]" \(shape \[2, 2, 2\]\) ends past the 60 bytes/],
  ])('refuses %s as a user error', async (_what, edit, expected) => {
    const dir = await savedModel();
    await editModelJson(dir, (json) => edit(json.weights), 'removed');
    const message = await loadError(dir);
    expect(message).toMatch(/model\.json: not a valid model description: /);
    expect(message).toMatch(expected);
  });

  it('refuses model sizes changed in the config by the content checksum, before any model is built', async () => {
    const dir = await savedModel();
    await editModelJson(dir, (json) => Object.assign(json.config, { seqLen: 1e9, generator: { ...json.config.generator, hidden: 1e5 } }), 'kept');
    expect(await loadError(dir)).toMatch(/model\.json: was changed after it was saved/);
  });
});
