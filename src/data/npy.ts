// NumPy .npy files: reading float32/float64 arrays of shape [N, T, D] (C order) and writing
// float32 ones. Format: "\x93NUMPY", version, header length (uint16 for v1, uint32 for v2/v3),
// a Python dict literal {'descr': '<f4', 'fortran_order': False, 'shape': (N, T, D), } padded
// with spaces and a newline so the data starts on a 64-byte boundary, then the raw values.
import { UserError } from '../errors.js';
import { parsePythonLiteral } from './python-literal.js';

const MAGIC = '\x93NUMPY';

/** A decoded .npy array: its shape and values in C (row-major) order. */
export interface NpyArray {
  shape: number[];
  data: Float64Array;
}

/**
 * Parses a .npy file holding float32 or float64 values (either byte order) of rank 3.
 * Anything else — Fortran order, another dtype, another rank, a short file — is a UserError
 * naming `file`.
 */
export function parseNpy(bytes: Uint8Array, file: string): NpyArray {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 10 || String.fromCharCode(...bytes.subarray(0, 6)) !== MAGIC) {
    throw new UserError('not a .npy file (the magic string \\x93NUMPY is missing)', { file });
  }
  const major = bytes[6];
  if (major < 1 || major > 3) throw new UserError(`unsupported .npy format version ${major}`, { file });
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const dataStart = headerStart + headerLength;
  if (dataStart > bytes.length) throw new UserError('the .npy header is cut short', { file });
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(headerStart, dataStart));
  const { littleEndian, itemSize, shape } = readHeader(header, file);
  const count = shape.reduce((a, b) => a * b, 1);
  if (bytes.length - dataStart < count * itemSize) {
    throw new UserError(`the .npy data is cut short: shape (${shape.join(', ')}) needs ${count * itemSize} bytes, found ${bytes.length - dataStart}`, { file });
  }
  const data = new Float64Array(count);
  for (let i = 0, at = dataStart; i < count; i++, at += itemSize) {
    data[i] = itemSize === 4 ? view.getFloat32(at, littleEndian) : view.getFloat64(at, littleEndian);
  }
  return { shape, data };
}

/** The dtype and shape from the header dict, checked: float32/float64, C order, rank 3. */
function readHeader(header: string, file: string): { littleEndian: boolean; itemSize: number; shape: number[] } {
  let dict: unknown;
  try {
    dict = parsePythonLiteral(header);
  } catch (e) {
    throw new UserError(`the .npy header is not readable: ${(e as Error).message}`, { file });
  }
  if (typeof dict !== 'object' || dict === null || Array.isArray(dict)) {
    throw new UserError('the .npy header is not a dict', { file });
  }
  const { descr, fortran_order: fortranOrder, shape } = dict as Record<string, unknown>;
  const dtype = typeof descr === 'string' ? /^([<>=|]?)f([48])$/.exec(descr) : null;
  if (dtype === null) {
    throw new UserError(`the .npy dtype is ${JSON.stringify(descr)}; only float32 ('<f4') and float64 ('<f8') are supported`, { file });
  }
  if (fortranOrder !== false) throw new UserError('the .npy array is in Fortran order; save it in C order (np.ascontiguousarray)', { file });
  if (!Array.isArray(shape) || !shape.every((n) => Number.isInteger(n) && n >= 0)) {
    throw new UserError('the .npy shape is not a tuple of sizes', { file });
  }
  if (shape.length !== 3) {
    throw new UserError(`the .npy array has shape (${shape.join(', ')}); expected 3 dimensions [sequences, steps, features]`, { file });
  }
  if (shape[0] === 0 || shape[2] === 0) throw new UserError(`the .npy array of shape (${shape.join(', ')}) holds no values`, { file });
  return { littleEndian: dtype[1] !== '>', itemSize: Number(dtype[2]), shape: shape as number[] };
}

/** A version 1.0 .npy file of little-endian float32 values with the given C-order shape. */
export function encodeNpy(data: Float32Array, shape: number[]): Uint8Array {
  const header = npyHeader(shape);
  const bytes = new Uint8Array(header.length + data.length * 4);
  bytes.set(header);
  bytes.set(float32Bytes(data), header.length);
  return bytes;
}

/**
 * The header of a version 1.0 .npy file of little-endian values of `descr` (float32 unless
 * told, '<i4' for int32) with the given C-order shape: the raw values follow it (so a writer can
 * stream them after it).
 */
export function npyHeader(shape: number[], descr: '<f4' | '<i4' = '<f4'): Uint8Array {
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const unpadded = 10 + dict.length + 1; // magic, version, length, dict, '\n'
  const text = dict + ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const bytes = new Uint8Array(10 + text.length);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 6; i++) bytes[i] = MAGIC.charCodeAt(i);
  bytes[6] = 1;
  view.setUint16(8, text.length, true);
  for (let i = 0; i < text.length; i++) bytes[10 + i] = text.charCodeAt(i);
  return bytes;
}

/** The values as little-endian float32 bytes, the body of a .npy file. */
export function float32Bytes(data: Float32Array): Uint8Array {
  const bytes = new Uint8Array(data.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < data.length; i++) view.setFloat32(i * 4, data[i], true);
  return bytes;
}
