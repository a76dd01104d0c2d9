// Shared by the io and cli tests: a small model with awkward float values, and scratch directories.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ModelFiles } from '../../src/io/model-directory.js';

/** A model whose tensors hold values that must survive bit for bit: −0, NaN payloads, subnormals. */
export function sampleModel(seed = 1): ModelFiles {
  const awkward = new Float32Array([0, -0, 1.5, -2.25, Infinity, -Infinity, 1e-45, 3.4028234e38]);
  const nanBits = new Uint32Array([0x7fc00001, 0xffc0abcd]); // two distinct NaN payloads
  const nans = new Float32Array(nanBits.buffer);
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
      { name: 'generator.nans', shape: [2], data: nans },
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

afterEach(async () => {
  await Promise.all(scratch.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
