// The engine: a heap (WASM float32 or reference float64), the kernels that compute on it and the
// tape that records ops for gradients. Everything that allocates tensors goes through here.
//
// Worked example — fit y = 2x + 1 with one Dense layer:
//   const engine = await Engine.create();
//   const rng = new Random(1);
//   const layer = new Dense(engine, { inputs: 1, outputs: 1 }, rng);
//   const opt = new Adam(layer.parameters(), { learningRate: 0.05 });
//   const x = engine.tensor([8, 1], [0, 1, 2, 3, 4, 5, 6, 7]);
//   const y = engine.tensor([8, 1], [1, 3, 5, 7, 9, 11, 13, 15]);
//   for (let i = 0; i < 500; i++) {
//     engine.step(() => {
//       const loss = mseLoss(layer.forward(x), y);   // ops record onto the tape
//       engine.backward(loss);                       // fills parameter gradients
//       opt.step();                                  // then the arena and tape are reset
//     });
//   }
import { Float64Storage, Memory, WasmStorage } from './memory.js';
import type { Kernels } from './kernels.js';
import { referenceKernels } from './reference/index.js';
import { Tape } from './tape.js';
import { Parameter, Tensor, fmt, shapeSize } from './tensor.js';
import { instantiateKernels } from './wasm-kernels.js';

export type Backend = 'wasm' | 'reference';

/** Floats of scratch the WASM kernels transpose operands into (4 MiB); gemm works without it beyond. */
export const SCRATCH_ELEMENTS = 1 << 20;

export class Engine {
  readonly tape = new Tape();

  private constructor(
    /** 'wasm': float32 SIMD kernels; 'reference': float64 TypeScript kernels, for tests. */
    readonly backend: Backend,
    readonly kernels: Kernels,
    readonly memory: Memory,
  ) {}

  /** An engine on the fast WASM kernels (or the float64 reference with `backend: 'reference'`). */
  static async create(options: { backend?: Backend } = {}): Promise<Engine> {
    return options.backend === 'reference' ? Engine.reference() : Engine.wasm();
  }

  /** A WASM engine, created synchronously (Node compiles the small module synchronously). */
  static wasm(): Engine {
    const exports = instantiateKernels();
    const storage = new WasmStorage(exports.memory);
    const base = Math.ceil(exports.heapBase() / 64) * 16;
    storage.grow(base + SCRATCH_ELEMENTS);
    exports.setScratch(base, SCRATCH_ELEMENTS);
    return new Engine('wasm', exports, new Memory(storage, base + SCRATCH_ELEMENTS));
  }

  /** A float64 reference engine: slow, exact enough for finite-difference gradient checks. */
  static reference(): Engine {
    const storage = new Float64Storage();
    return new Engine('reference', referenceKernels(storage), new Memory(storage, 0));
  }

  /** A tensor in the step arena, filled with `values` if given (else uninitialised). */
  tensor(shape: readonly number[], values?: ArrayLike<number>): Tensor {
    const t = new Tensor(this, shape, this.memory.arena.allocate(shapeSize(shape)));
    if (values !== undefined) this.fill(t, values);
    return t;
  }

  /** A zero-filled tensor in the step arena. */
  zeros(shape: readonly number[]): Tensor {
    const t = this.tensor(shape);
    t.data.fill(0);
    return t;
  }

  /** A tensor in the persistent region (survives `endStep`). */
  persistent(shape: readonly number[], values?: ArrayLike<number>): Tensor {
    const t = new Tensor(this, shape, this.memory.persistent.allocate(shapeSize(shape)));
    if (values === undefined) t.data.fill(0);
    else this.fill(t, values);
    return t;
  }

  /** A named trainable parameter with a zeroed gradient buffer, both persistent. */
  parameter(name: string, shape: readonly number[], values?: ArrayLike<number>): Parameter {
    const gradient = this.persistent(shape);
    const p = new Parameter(this, shape, this.memory.persistent.allocate(shapeSize(shape)), name, gradient);
    if (values === undefined) p.data.fill(0);
    else this.fill(p, values);
    return p;
  }

  /** Another shape over the same elements; no copy, no gradient link (use ops.reshape for that). */
  view(t: Tensor, shape: readonly number[]): Tensor {
    if (shapeSize(shape) !== t.size) throw new Error(`view ${fmt(t.shape)} as ${fmt(shape)}: sizes differ`);
    return new Tensor(this, shape, t.offset);
  }

  /** The gradient buffer of `t`, allocated zeroed on first use; backward rules add into it. */
  gradOf(t: Tensor): Tensor {
    if (t.grad === null) t.grad = this.zeros(t.shape);
    return t.grad;
  }

  /** Backpropagates from a scalar loss: d loss/d loss = 1, then the tape backwards. */
  backward(loss: Tensor): void {
    if (loss.size !== 1) throw new Error(`backward needs a scalar loss, got ${fmt(loss.shape)}`);
    this.gradOf(loss).data[0] += 1;
    this.tape.backward();
  }

  /** Runs without recording gradients. */
  noGrad<T>(fn: () => T): T {
    return this.tape.noGrad(fn);
  }

  /** Forgets the tape and frees every arena tensor: call after each training step. */
  endStep(): void {
    this.tape.clear();
    this.memory.arena.reset();
  }

  /** Runs one step (`fn`), then `endStep`, even if `fn` throws. Returns fn's result. */
  step<T>(fn: () => T): T {
    try {
      return fn();
    } finally {
      this.endStep();
    }
  }

  private fill(t: Tensor, values: ArrayLike<number>): void {
    if (values.length !== t.size) throw new Error(`${values.length} values for shape ${fmt(t.shape)}`);
    t.data.set(values);
  }
}
