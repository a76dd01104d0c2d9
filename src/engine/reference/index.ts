// The float64 reference kernels bound to a heap: the same Kernels interface as the WASM module.
// Adding a kernel: write it in a file beside this one (first parameter: the heap) and add it to
// basic-kernels.ts or recurrent-kernels.ts.
import type { Kernels } from '../kernels.js';
import type { HeapStorage } from '../memory.js';
import { BASIC_REFERENCE } from './basic-kernels.js';
import { RECURRENT_REFERENCE } from './recurrent-kernels.js';

type Unbound<K> = K extends (...args: infer A) => infer R ? (h: Float64Array, ...args: A) => R : never;
export type ReferenceOf<T> = { [N in keyof T]: Unbound<T[N]> };

const reference: ReferenceOf<Kernels> = { ...BASIC_REFERENCE, ...RECURRENT_REFERENCE };

/** The reference kernels reading and writing `storage` (a Float64Storage). */
export function referenceKernels(storage: HeapStorage): Kernels {
  const bound: Record<string, unknown> = {};
  for (const [name, kernel] of Object.entries(reference)) {
    const f = kernel as (h: Float64Array, ...args: number[]) => void;
    bound[name] = (...args: number[]) => f(storage.view() as Float64Array, ...args);
  }
  return bound as unknown as Kernels;
}
