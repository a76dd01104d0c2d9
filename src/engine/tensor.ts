// Tensor: a shape and an element offset into its engine's heap. The data lives in WASM memory
// (or the reference engine's Float64Array); `data` is a view that is re-made after heap growth.
import type { Engine } from './engine.js';
import type { FloatArray } from './memory.js';

export class Tensor {
  /** Gradient of the loss with respect to this tensor, filled by `backward`. */
  grad: Tensor | null = null;
  /** Whether ops on this tensor are recorded so gradients can flow to it. */
  requiresGrad = false;

  constructor(
    readonly engine: Engine,
    readonly shape: readonly number[],
    /** Element offset in the engine's heap. */
    readonly offset: number,
  ) {}

  /** Number of elements. */
  get size(): number {
    return shapeSize(this.shape);
  }

  /** A live view of the elements (do not keep it across allocations: the heap may grow). */
  get data(): FloatArray {
    return this.engine.memory.view(this.offset, this.size);
  }

  /** A copy of the elements as float32. */
  toFloat32Array(): Float32Array {
    return Float32Array.from(this.data);
  }

  /** A copy of the elements as plain numbers. */
  toArray(): number[] {
    return Array.from(this.data);
  }

  /** The element at a multi-index, for tests and debugging. */
  at(...index: number[]): number {
    let flat = 0;
    for (let d = 0; d < this.shape.length; d++) flat = flat * this.shape[d] + index[d];
    return this.data[flat];
  }
}

/** A trainable tensor in the persistent region, with a persistent gradient buffer. */
export class Parameter extends Tensor {
  constructor(
    engine: Engine,
    shape: readonly number[],
    offset: number,
    readonly name: string,
    /** The persistent gradient buffer; `grad` always points here. */
    readonly gradient: Tensor,
  ) {
    super(engine, shape, offset);
    this.requiresGrad = true;
    this.grad = gradient;
  }

  /** A frozen parameter gets no gradient and keeps its value; gradients still reach the inputs. */
  get frozen(): boolean {
    return !this.requiresGrad;
  }
  set frozen(value: boolean) {
    this.requiresGrad = !value;
  }
}

export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function fmt(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
