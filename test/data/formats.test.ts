import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeNpy, parseJsonSequences, parseNpy, prepareDataset, readSequenceFile } from '../../src/data/index.js';
import { makeTempDir, writeFixture } from './temp-files.js';

const dir = makeTempDir();

/** A .npy file built by hand: `header` is the dict text, `values` written with `write`. */
function npyBytes(header: string, values: number[], write: (view: DataView, at: number, v: number) => number, version = 1): Uint8Array {
  const prefix = version === 1 ? 10 : 12;
  const padded = header.padEnd(Math.ceil((prefix + header.length + 1) / 64) * 64 - prefix - 1) + '\n';
  const bytes = new Uint8Array(prefix + padded.length + values.length * 8);
  const view = new DataView(bytes.buffer);
  bytes.set([0x93, ...Buffer.from('NUMPY'), version, 0]);
  if (version === 1) view.setUint16(8, padded.length, true);
  else view.setUint32(8, padded.length, true);
  bytes.set(Buffer.from(padded, 'latin1'), prefix);
  let at = prefix + padded.length;
  for (const v of values) at += write(view, at, v);
  return bytes.subarray(0, at);
}
const f8le = (view: DataView, at: number, v: number) => (view.setFloat64(at, v, true), 8);
const f4be = (view: DataView, at: number, v: number) => (view.setFloat32(at, v, false), 4);

describe('JSON sequences', () => {
  it('reads number[][][]: each sequence is its own series, columns feature_1 … feature_D', async () => {
    const path = writeFixture(dir, 'plain.json', JSON.stringify([[[0, 1], [1, 2], [2, 3]], [[5, 5], [6, 6]]]));
    const source = await readSequenceFile(path);
    expect(source.columns).toEqual(['feature_1', 'feature_2']);
    expect(Array.from(source.sequenceLengths ?? [])).toEqual([3, 2]);
    expect(prepareDataset(source, { seqLen: 2 }).count).toBe(3); // 2 + 1: no window spans the two sequences
  });

  it('reads {columns, sequences} with labels as strings and null as missing', () => {
    const source = parseJsonSequences(
      JSON.stringify({ columns: ['x', 'mode'], sequences: [[[1, 'walk'], [null, 'sit'], [3, 'walk']]] }),
      'named.json',
    );
    const data = prepareDataset(source, { seqLen: 3, missing: 'interpolate' });
    expect(data.encoder.features.map((f) => f.kind)).toEqual(['numeric', 'categorical']);
    expect(Array.from(data.windows)).toEqual([0, 0, 1, 0.5, 1, 0, 1, 0, 1]);
  });

  it('names the sequence and step of a missing value or a bad row', () => {
    const source = parseJsonSequences('[[[1], [2]], [[3], [null]]]', 'gap.json');
    expect(() => prepareDataset(source, { seqLen: 1 })).toThrow(/^gap\.json, column "feature_1": missing value NaN at sequence 1, step 1;/);
    expect(() => parseJsonSequences('[[[1, 2], [3]]]', 'r.json')).toThrow('r.json: sequence 0, step 1 has 1 values, expected 2');
    expect(() => parseJsonSequences('[[[1, true]]]', 'b.json')).toThrow('b.json: sequence 0, step 0 holds true; values must be numbers, strings or null');
    expect(() => parseJsonSequences('[[1, 2]]', 's.json')).toThrow('s.json: sequence 0, step 0 is not an array of feature values');
  });

  it('rejects empty, invalid or oddly shaped JSON', () => {
    expect(() => parseJsonSequences('', 'e.json')).toThrow('e.json: the file is empty');
    expect(() => parseJsonSequences('[[[1]]', 'e.json')).toThrow(/^e\.json: not valid JSON: /);
    expect(() => parseJsonSequences('[]', 'e.json')).toThrow('e.json: the file holds no sequences');
    expect(() => parseJsonSequences('{"data": []}', 'e.json')).toThrow('expected an array of sequences, or {"columns": [...], "sequences": [...]}');
    expect(() => parseJsonSequences('{"columns": ["a", "a"], "sequences": [[[1, 2]]]}', 'e.json')).toThrow('column "a" appears twice');
  });
});

describe('.npy arrays', () => {
  it('round-trips float32 [N, T, D] and starts the data on a 64-byte boundary', () => {
    const values = Float32Array.from({ length: 2 * 3 * 4 }, (_, i) => i / 7);
    const bytes = encodeNpy(values, [2, 3, 4]);
    const headerLength = new DataView(bytes.buffer).getUint16(8, true);
    expect((10 + headerLength) % 64).toBe(0);
    expect(Buffer.from(bytes.subarray(10, 10 + headerLength)).toString('latin1')).toMatch(
      /^\{'descr': '<f4', 'fortran_order': False, 'shape': \(2, 3, 4\), \} *\n$/,
    );
    const back = parseNpy(bytes, 'a.npy');
    expect(back.shape).toEqual([2, 3, 4]);
    expect(Float32Array.from(back.data)).toEqual(values);
  });

  it('reads float64 little-endian, float32 big-endian and version 2 headers', () => {
    const header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2, 1), }";
    expect(Array.from(parseNpy(npyBytes(header, [1.5, -2], f8le), 'a.npy').data)).toEqual([1.5, -2]);
    const big = "{'shape': (1, 1, 2), 'fortran_order': False, 'descr': '>f4'}";
    expect(Array.from(parseNpy(npyBytes(big, [0.25, 8], f4be, 2), 'b.npy').data)).toEqual([0.25, 8]);
  });

  it('becomes N sequences of T rows, Inf and NaN counting as missing', async () => {
    const header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2, 1), }";
    const path = writeFixture(dir, 'x.npy', npyBytes(header, [1, 2, Infinity, 4], f8le));
    const source = await readSequenceFile(path);
    expect(Array.from(source.sequenceLengths ?? [])).toEqual([2, 2]);
    expect(() => prepareDataset(source, { seqLen: 2 })).toThrow(/column "feature_1": missing value NaN at sequence 1, step 0/);
    expect(prepareDataset(source, { seqLen: 2, missing: 'ffill' }).count).toBe(2);
  });

  it('rejects Fortran order, other dtypes, other ranks and short files, naming the file', () => {
    const make = (dict: string, n = 4) => npyBytes(dict, Array.from({ length: n }, () => 1), f8le);
    expect(() => parseNpy(make("{'descr': '<f8', 'fortran_order': True, 'shape': (1, 2, 2), }"), 'f.npy')).toThrow(
      'f.npy: the .npy array is in Fortran order; save it in C order (np.ascontiguousarray)',
    );
    expect(() => parseNpy(make("{'descr': '<i8', 'fortran_order': False, 'shape': (1, 2, 2), }"), 'i.npy')).toThrow(
      `i.npy: the .npy dtype is "<i8"; only float32 ('<f4') and float64 ('<f8') are supported`,
    );
    expect(() => parseNpy(make("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }"), 'r.npy')).toThrow(
      'r.npy: the .npy array has shape (2, 2); expected 3 dimensions [sequences, steps, features]',
    );
    expect(() => parseNpy(make("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2, 3), }"), 's.npy')).toThrow(
      's.npy: the .npy data is cut short: shape (1, 2, 3) needs 48 bytes, found 32',
    );
    expect(() => parseNpy(Buffer.from('not numpy at all'), 'n.npy')).toThrow('n.npy: not a .npy file');
    expect(() => parseNpy(make("{'descr': '<f8', 'shape': (1, 2, 2), "), 'h.npy')).toThrow(/h\.npy: the \.npy header is not readable/);
  });
});

describe('readSequenceFile', () => {
  it('refuses an unknown extension and a missing file', async () => {
    await expect(readSequenceFile(join(dir, 'data.xlsx'), { fileFlag: '--data' })).rejects.toThrow(
      /^--data, .*data\.xlsx: unknown data file type "\.xlsx"; expected \.csv, \.tsv, \.txt, \.json, \.npy \(optionally gzipped, \.gz\)$/,
    );
    await expect(readSequenceFile(join(dir, 'absent.json'))).rejects.toThrow(/absent\.json: file not found/);
  });
});
