// Loads the AssemblyScript kernel module (build/kernels.wasm, built by `npm run build:kernels`).
import { readFileSync } from 'node:fs';
import { packagePath } from '../package-root.js';
import type { Kernels } from './kernels.js';

interface KernelModuleExports extends Kernels {
  memory: WebAssembly.Memory;
  heapBase(): number;
  setScratch(offset: number, size: number): void;
}

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
