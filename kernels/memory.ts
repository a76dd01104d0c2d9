// Scratch space the TypeScript side lends to the kernels (for transposes), and address helpers.
// Offsets passed in from TypeScript are float32 *element* offsets, not bytes.

let scratchOffset: i32 = 0;
let scratchSize: i32 = 0;

/** TypeScript reserves a scratch region of `size` floats at element offset `offset`. */
export function setScratch(offset: i32, size: i32): void {
  scratchOffset = offset;
  scratchSize = size;
}

/** The byte address of element offset `offset`. */
// @ts-ignore: decorator
@inline export function at(offset: i32): usize {
  return (<usize>offset) << 2;
}

export function scratchAddress(): usize {
  return at(scratchOffset);
}

export function scratchFits(floats: i32): bool {
  return floats <= scratchSize;
}

/** The first byte the kernels' own static data does not use. */
export function heapBase(): i32 {
  return <i32>__heap_base;
}
