// The engine's heap: one flat float array (WASM linear memory, or a Float64Array for the
// reference engine) carved into a persistent region (parameters, optimizer state) and an arena
// that is reset after every training step, so the hot path allocates no JS arrays.

import { UserError, type ErrorPlace } from '../errors.js';
import { formatBytes, formatCount } from '../format-units.js';

export type FloatArray = Float32Array | Float64Array;

/**
 * The most bytes a heap can hold: WebAssembly's 32-bit memory addresses 4 GiB (65,536 pages of
 * 64 KiB), and the reference engine keeps the same bound.
 */
export const ENGINE_MAX_BYTES = 4 * 2 ** 30;

const SMALLER_MODEL = 'use a smaller hidden size, fewer layers, a shorter sequence length or a smaller batch size';

/**
 * Refuses, before anything is allocated, a model whose one sequence of `seqLen` steps × `width`
 * values could not be held by the engine (a model.json claiming seqLen 10⁹): `place` names it.
 */
export function checkSequenceFits(seqLen: number, width: number, place: ErrorPlace): void {
  const values = seqLen * width;
  if (!(values * 4 > ENGINE_MAX_BYTES)) return;
  const size = `${formatCount(seqLen)} steps × ${formatCount(width)} values is ${formatBytes(values * 4)} per sequence`;
  throw new UserError(`the model does not fit in memory: ${size}, and the engine can allocate at most ${formatBytes(ENGINE_MAX_BYTES)}; ${SMALLER_MODEL}`, place);
}

/** Backing storage that can grow; views of it become stale after growth. */
export interface HeapStorage {
  /** Capacity in elements. */
  readonly capacity: number;
  /** Bytes per element: 4 (float32) or 8 (float64). */
  readonly elementBytes: number;
  /** A view of the whole heap, valid until the next grow. */
  view(): FloatArray;
  /** Grows so that at least `elements` fit. */
  grow(elements: number): void;
}

/** Float64 storage for the reference engine: growth copies into a larger array. */
export class Float64Storage implements HeapStorage {
  readonly elementBytes = 8;
  private array = new Float64Array(1 << 16);
  get capacity(): number {
    return this.array.length;
  }
  view(): Float64Array {
    return this.array;
  }
  grow(elements: number): void {
    if (elements <= this.array.length) return;
    const next = new Float64Array(Math.max(elements, this.array.length * 2));
    next.set(this.array);
    this.array = next;
  }
}

/** WebAssembly linear memory seen as float32 elements. */
export class WasmStorage implements HeapStorage {
  readonly elementBytes = 4;
  private cached: Float32Array;
  constructor(private readonly memory: WebAssembly.Memory) {
    this.cached = new Float32Array(memory.buffer);
  }
  get capacity(): number {
    return this.memory.buffer.byteLength >>> 2;
  }
  view(): Float32Array {
    if (this.cached.buffer !== this.memory.buffer) this.cached = new Float32Array(this.memory.buffer);
    return this.cached;
  }
  grow(elements: number): void {
    const bytes = elements * 4;
    const have = this.memory.buffer.byteLength;
    if (bytes <= have) return;
    const pages = Math.ceil((Math.max(bytes, Math.min(have * 1.5, ENGINE_MAX_BYTES)) - have) / 65536);
    this.memory.grow(pages);
  }
}

const ALIGN = 16; // elements: 64 bytes, a cache line, so SIMD loads never straddle one
const CHUNK = 1 << 20; // elements per region chunk (4 MiB of float32)

interface Chunk {
  start: number;
  end: number;
}

/** A bump allocator over chunks taken from the heap's top; `reset` reuses the chunks. */
class Region {
  private chunks: Chunk[] = [];
  private current = 0;
  private cursor = 0;
  constructor(private readonly takeChunk: (elements: number) => Chunk) {}

  allocate(elements: number): number {
    const size = alignUp(Math.max(elements, 1));
    while (this.current < this.chunks.length) {
      const chunk = this.chunks[this.current];
      const start = Math.max(this.cursor, chunk.start);
      if (start + size <= chunk.end) {
        this.cursor = start + size;
        return start;
      }
      this.current++;
    }
    const chunk = this.takeChunk(Math.max(size, CHUNK));
    this.chunks.push(chunk);
    this.current = this.chunks.length - 1;
    this.cursor = chunk.start + size;
    return chunk.start;
  }

  reset(): void {
    this.current = 0;
    this.cursor = this.chunks.length > 0 ? this.chunks[0].start : 0;
  }

  get reserved(): number {
    return this.chunks.reduce((n, c) => n + c.end - c.start, 0);
  }
}

/** The heap with its two regions. */
export class Memory {
  private top: number;
  readonly persistent: Region;
  readonly arena: Region;

  /** `base`: the first element offset free for tensors. */
  constructor(
    readonly storage: HeapStorage,
    base: number,
  ) {
    this.top = alignUp(base);
    const take = (elements: number): Chunk => {
      this.ensureRoom(elements, 'the next step');
      const start = this.top;
      const end = alignUp(start + elements);
      try {
        this.storage.grow(end);
      } catch (e) {
        // the system refused memory below the engine's own bound
        if (e instanceof RangeError) throw this.outOfMemory(elements, 'the next step', 'the system gave no more memory');
        throw e;
      }
      this.top = end;
      return { start, end };
    };
    this.persistent = new Region(take);
    this.arena = new Region(take);
  }

  /** The elements [offset, offset + size) as a typed array view (stale after heap growth). */
  view(offset: number, size: number): FloatArray {
    return this.storage.view().subarray(offset, offset + size);
  }

  /**
   * Refuses, as a UserError, an allocation of `elements` that would take the heap past
   * ENGINE_MAX_BYTES. Layers call it with their parameter count before computing initial values,
   * so an impossible model (hidden 100,000) is refused before anything is allocated, whether it is
   * being created or loaded; every allocation passes it too.
   *
   * @example
   * engine.memory.ensureRoom(3e10, 'the gru layers of 100,000 units (30,000,000,000 values)');
   * // UserError: the model needs more memory than the engine can allocate: …
   */
  ensureRoom(elements: number, what: string): void {
    const limit = Math.floor(ENGINE_MAX_BYTES / this.storage.elementBytes);
    if (this.top + elements > limit) throw this.outOfMemory(elements, what, `the engine can allocate at most ${formatBytes(ENGINE_MAX_BYTES)}`);
  }

  private outOfMemory(elements: number, what: string, bound: string): UserError {
    const bytes = (n: number): string => formatBytes(n * this.storage.elementBytes);
    const need = `${what} take ${formatCount(elements)} values (${bytes(elements)}) with ${bytes(this.top)} in use, and ${bound}`;
    return new UserError(`the model does not fit in memory: ${need}; ${SMALLER_MODEL}`);
  }

  /** Elements of heap in use by either region. */
  get reservedElements(): number {
    return this.persistent.reserved + this.arena.reserved;
  }
}

function alignUp(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}
