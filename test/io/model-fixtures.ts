// Shared by the io and cli tests: a small model with awkward float values, scratch directories,
// and hand edits of a saved model.json.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ModelFiles } from '../../src/io/model-directory.js';

/** A model whose tensors hold finite values that must survive bit for bit: −0, subnormals, extremes. */
export function sampleModel(seed = 1): ModelFiles {
  const awkward = new Float32Array([0, -0, 1.5, -2.25, -1.1754944e-38, 3.4028234e38, 1e-45, -3.4028234e38]);
  const tinyBits = new Uint32Array([0x00000001, 0x807fffff]); // the smallest and a negative subnormal
  const tiny = new Float32Array(tinyBits.buffer);
  const dense = Float32Array.from({ length: 12 }, (_, i) => Math.sin(i * seed) / 3);
  return {
    format: 1,
    kind: 'rgan',
    config: { seqLen: 24, features: 3, conditions: 0, generator: { cell: 'gru', hidden: 4, layers: 1 }, seed },
    data: {
      features: [
        { name: 'x', kind: 'numeric', min: 0, max: 10 },
        { name: 'label', kind: 'categorical', categories: ['a', 'b'] },
      ],
      conditions: [],
    },
    training: {
      iteration: 1000,
      rng: [1, 2, 3, 4],
      history: [
        { iteration: 500, losses: { discriminator: 1.2, generator: 0.8 } },
        { iteration: 1000, losses: { discriminator: 1.386, generator: 0.6931 } },
      ],
      wallSeconds: 83.4,
    },
    tensors: [
      { name: 'generator.weight', shape: [3, 4], data: dense },
      { name: 'generator.awkward', shape: [2, 2, 2], data: awkward },
      { name: 'generator.tiny', shape: [2], data: tiny },
      { name: 'scalar', shape: [], data: new Float32Array([7]) },
      { name: 'empty', shape: [0, 5], data: new Float32Array(0) },
    ],
  };
}

/** A fresh directory under the system temp dir, removed after the current test. */
export async function scratchDirectory(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rgan-test-'));
  scratch.push(dir);
  return dir;
}

const scratch: string[] = [];

/** A tiny rgan model (sines, 5 features) saved by recurrent-gan 0.1.0 before model.json had a content checksum. */
export const MODEL_WITHOUT_CHECKSUM = new URL('./fixtures/rgan-without-content-checksum', import.meta.url).pathname;

/** A copy of MODEL_WITHOUT_CHECKSUM in a scratch directory, free to edit. */
export async function copyOfModelWithoutChecksum(): Promise<string> {
  const dir = join(await scratchDirectory(), 'old-model');
  await cp(MODEL_WITHOUT_CHECKSUM, dir, { recursive: true });
  return dir;
}

/** model.json as the tests edit it: the fields they touch, typed loosely enough to break them. */
export interface EditableModelJson {
  contentSha256?: unknown;
  config: { seqLen: number; features: number; generator: { hidden: number } };
  data: { features: Array<Record<string, unknown>>; conditions: Array<Record<string, unknown>> };
  training: { iteration: number; rng: { s: number[] }; deep?: unknown };
  weights: { bytes: number; tensors: Array<{ shape: number[]; offset: unknown }> };
}

/**
 * Edits `dir`/model.json as a person would with a text editor: `edit` changes the parsed JSON in
 * place. With `checksum: 'removed'` the content checksum is dropped too, which makes the file
 * look like one written before checksums (so the checks behind the checksum can be reached).
 */
export async function editModelJson(dir: string, edit: (json: EditableModelJson) => void, checksum: 'kept' | 'removed'): Promise<void> {
  const file = join(dir, 'model.json');
  const json = JSON.parse(await readFile(file, 'utf8'));
  edit(json);
  if (checksum === 'removed') delete json.contentSha256;
  await writeFile(file, JSON.stringify(json, null, 2));
}

afterEach(async () => {
  await Promise.all(scratch.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
