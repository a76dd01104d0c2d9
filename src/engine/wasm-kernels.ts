// Loads the AssemblyScript kernel module (build/kernels.wasm, built by `npm run build:kernels`).
import { readFileSync } from 'node:fs';
import { packagePath } from '../package-root.js';
import type { Kernels } from './kernels.js';

/** The scratch (floats) the recurrent kernels need, as kernels/recurrent/layer.ts lays it out; g = gates·H. */
export interface RecurrentWorkSizes {
  forwardWorkSize(batch: number, steps: number, inputs: number, hidden: number, g: number): number;
  backwardWorkSize(batch: number, steps: number, inputs: number, hidden: number, g: number, split: number, carried: number): number;
}

interface KernelModuleExports extends Kernels, RecurrentWorkSizes {
  memory: WebAssembly.Memory;
  heapBase(): number;
  setScratch(offset: number, size: number): void;
}

/** What the module exports besides kernels. */
export const NON_KERNEL_EXPORTS: readonly string[] = ['memory', 'heapBase', 'setScratch', 'forwardWorkSize', 'backwardWorkSize'];

let compiled: WebAssembly.Module | null = null;

function kernelModule(): WebAssembly.Module {
  if (compiled === null) {
    const path = packagePath('build', 'kernels.wasm');
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      throw new Error(`recurrent-gan: ${path} is missing; run \`npm run build:kernels\``);
    }
    compiled = new WebAssembly.Module(new Uint8Array(bytes));
  }
  return compiled;
}

/** A fresh instance of the kernels with its own memory. */
export function instantiateKernels(): KernelModuleExports {
  const instance = new WebAssembly.Instance(kernelModule(), {
    env: {
      abort: () => {
        throw new Error('recurrent-gan: kernel abort');
      },
    },
  });
  return instance.exports as unknown as KernelModuleExports;
}

let sizes: RecurrentWorkSizes | null = null;

/** The recurrent kernels' scratch sizes, read from the kernel module (one instance serves every engine, the reference one too). */
export function recurrentWorkSizes(): RecurrentWorkSizes {
  sizes ??= instantiateKernels();
  return sizes;
}
