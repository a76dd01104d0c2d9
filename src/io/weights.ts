// Packs named float32 tensors into weights.bin's bytes and back, and checksums them.
import { createHash } from 'node:crypto';
import type { NamedTensor, TensorEntry } from './model-files.js';

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Lowercase hex SHA-256 of `bytes`. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** product(shape); 1 for a scalar (shape []). */
export function elementCount(shape: readonly number[]): number {
  let count = 1;
  for (const size of shape) count *= size;
  return count;
}

/**
 * Concatenates the tensors' values as float32 little-endian, bit for bit (NaN payloads
 * included), and lists where each starts. Throws a plain Error on a malformed tensor: that is
 * a bug in the caller, not a user mistake.
 */
export function packWeights(tensors: readonly NamedTensor[]): { bytes: Uint8Array; entries: TensorEntry[] } {
  checkTensors(tensors);
  const total = tensors.reduce((sum, t) => sum + t.data.length, 0);
  const bytes = new Uint8Array(total * 4);
  const entries: TensorEntry[] = [];
  let offset = 0;
  for (const tensor of tensors) {
    entries.push({ name: tensor.name, shape: [...tensor.shape], offset });
    writeFloats(bytes, offset, tensor.data);
    offset += tensor.data.length * 4;
  }
  return { bytes, entries };
}

/** The tensors listed in `entries`, each a fresh Float32Array copied out of `bytes`. */
export function unpackWeights(bytes: Uint8Array, entries: readonly TensorEntry[]): NamedTensor[] {
  return entries.map((entry) => {
    const count = elementCount(entry.shape);
    const data = new Float32Array(count);
    const source = bytes.subarray(entry.offset, entry.offset + count * 4);
    if (LITTLE_ENDIAN) {
      new Uint8Array(data.buffer).set(source);
    } else {
      const view = new DataView(source.buffer, source.byteOffset, source.byteLength);
      for (let i = 0; i < count; i++) data[i] = view.getFloat32(i * 4, true);
    }
    return { name: entry.name, shape: [...entry.shape], data };
  });
}

/** The first NaN or ±Infinity among the tensors' values (which tensor, where, what), or null. */
export function firstNonFinite(tensors: readonly NamedTensor[]): { name: string; index: number; value: number } | null {
  for (const { name, data } of tensors) {
    const index = data.findIndex((v) => !Number.isFinite(v));
    if (index >= 0) return { name, index, value: data[index] };
  }
  return null;
}

function writeFloats(bytes: Uint8Array, offset: number, data: Float32Array): void {
  if (LITTLE_ENDIAN) {
    bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), offset);
    return;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, data.length * 4);
  for (let i = 0; i < data.length; i++) view.setFloat32(i * 4, data[i], true);
}

function checkTensors(tensors: readonly NamedTensor[]): void {
  const seen = new Set<string>();
  for (const { name, shape, data } of tensors) {
    if (typeof name !== 'string' || name === '') throw new Error('saveModelDirectory: a tensor has no name');
    if (seen.has(name)) throw new Error(`saveModelDirectory: two tensors are named ${JSON.stringify(name)}`);
    seen.add(name);
    if (!Array.isArray(shape) || !shape.every((n) => Number.isInteger(n) && n >= 0)) {
      throw new Error(`saveModelDirectory: tensor ${JSON.stringify(name)} has an invalid shape ${JSON.stringify(shape)}`);
    }
    if (!(data instanceof Float32Array)) throw new Error(`saveModelDirectory: tensor ${JSON.stringify(name)} is not a Float32Array`);
    if (data.length !== elementCount(shape)) {
      throw new Error(
        `saveModelDirectory: tensor ${JSON.stringify(name)} has ${data.length} values but shape [${shape.join(', ')}]`,
      );
    }
  }
}
