import { describe, expect, it } from 'vitest';
import { firstNonFinite, packWeights, unpackWeights } from '../../src/io/weights.js';

function bits(data: Float32Array): number[] {
  return Array.from(new Uint32Array(data.buffer, data.byteOffset, data.length));
}

describe('packing weights', () => {
  it('keeps every bit, NaN payloads and infinities included (loading refuses them later)', () => {
    const nans = new Float32Array(new Uint32Array([0x7fc00001, 0xffc0abcd]).buffer);
    const tensors = [
      { name: 'nans', shape: [2], data: nans },
      { name: 'infinities', shape: [1, 2], data: new Float32Array([Infinity, -Infinity]) },
    ];
    const { bytes, entries } = packWeights(tensors);
    expect(entries).toEqual([
      { name: 'nans', shape: [2], offset: 0 },
      { name: 'infinities', shape: [1, 2], offset: 8 },
    ]);
    const unpacked = unpackWeights(bytes, entries);
    unpacked.forEach((t, i) => expect(bits(t.data)).toEqual(bits(tensors[i].data)));
  });
});

describe('firstNonFinite', () => {
  it('names the first tensor and index holding NaN or ±Infinity', () => {
    const tensors = [
      { name: 'fine', shape: [2], data: new Float32Array([1, -0]) },
      { name: 'broken', shape: [3], data: new Float32Array([3.4e38, -Infinity, NaN]) },
    ];
    expect(firstNonFinite(tensors)).toEqual({ name: 'broken', index: 1, value: -Infinity });
    expect(firstNonFinite(tensors.slice(0, 1))).toBeNull();
  });
});
