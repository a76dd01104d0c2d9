// The kernel module's exports: every function here is called from src/engine through the
// Kernels interface (src/engine/kernels.ts), which a plain-TypeScript float64 twin also implements.
export { setScratch, heapBase } from './memory';
export * from './basic';
export * from './recurrent';
