// Every fast (WASM-SIMD, float32) kernel agrees with its float64 reference twin.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { Random } from '../../src/engine/random.js';
import { NON_KERNEL_EXPORTS } from '../../src/engine/wasm-kernels.js';
import { KERNEL_CASES, type KernelCase } from './kernel-cases.js';

function run(engine: Engine, kase: KernelCase, seed: number): Record<string, Float64Array> {
  const rng = new Random(seed);
  const [low, high] = kase.range ?? [-1, 1];
  const offsets: Record<string, number> = {};
  for (const [name, size] of Object.entries(kase.buffers)) {
    const values = new Float64Array(size);
    rng.fillUniform(values, low, high);
    // round to float32 so both engines start from identical inputs
    offsets[name] = engine.persistent([size], Float32Array.from(values)).offset;
  }
  const kernel = engine.kernels[kase.name as keyof typeof engine.kernels] as unknown as (...a: number[]) => void;
  kernel(...kase.args(offsets));
  const out: Record<string, Float64Array> = {};
  for (const name of kase.outputs) out[name] = Float64Array.from(engine.memory.view(offsets[name], kase.buffers[name]));
  return out;
}

describe('WASM kernels match the float64 reference', () => {
  const fast = Engine.wasm();
  const reference = Engine.reference();
  for (const [name, cases] of Object.entries(KERNEL_CASES)) {
    it(name, () => {
      cases().forEach((kase, i) => {
        const named: KernelCase = { ...kase, name };
        const a = run(fast, named, 100 + i);
        const b = run(reference, named, 100 + i);
        for (const out of kase.outputs) {
          const scale = Math.max(1, ...b[out].map(Math.abs));
          const worst = Math.max(0, ...a[out].map((v, j) => Math.abs(v - b[out][j])));
          expect(worst / scale, `${name} case ${i} output ${out}`).toBeLessThan(1e-4);
        }
      });
    });
  }

  it('has a case for every kernel the module exports', () => {
    const exported = Object.keys(fast.kernels).filter((k) => !NON_KERNEL_EXPORTS.includes(k));
    expect(exported.sort()).toEqual(Object.keys(KERNEL_CASES).sort());
  });
});
