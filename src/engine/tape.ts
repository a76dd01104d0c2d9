// The reverse-mode tape: a flat list of coarse op records, walked backwards (no recursion).
// An op records itself only when an input needs a gradient; its backward rule accumulates (+=)
// into the inputs' gradient buffers.
import type { Tensor } from './tensor.js';
import type { OpName } from './op-names.js';

export interface TapeRecord {
  op: OpName;
  inputs: readonly Tensor[];
  outputs: readonly Tensor[];
  /** Receives the outputs' gradients (null where an output got none) and accumulates into inputs. */
  backward: (outputGrads: (Tensor | null)[]) => void;
}

export class Tape {
  private records: TapeRecord[] = [];
  private disabled = 0;

  /** Whether an op with these inputs must be recorded. */
  wants(inputs: readonly Tensor[]): boolean {
    return this.disabled === 0 && inputs.some((t) => t.requiresGrad);
  }

  /** Records an op; marks its outputs as needing gradients. */
  record(op: OpName, inputs: readonly Tensor[], outputs: readonly Tensor[], backward: TapeRecord['backward']): void {
    for (const o of outputs) o.requiresGrad = true;
    this.records.push({ op, inputs, outputs, backward });
  }

  /** Runs `fn` without recording (inference, sampling, evaluation). */
  noGrad<T>(fn: () => T): T {
    this.disabled++;
    try {
      return fn();
    } finally {
      this.disabled--;
    }
  }

  /** Walks the records backwards, calling each rule whose outputs received a gradient. */
  backward(): void {
    for (let i = this.records.length - 1; i >= 0; i--) {
      const record = this.records[i];
      const grads = record.outputs.map((o) => o.grad);
      if (grads.every((g) => g === null)) continue;
      record.backward(grads);
    }
  }

  get length(): number {
    return this.records.length;
  }

  /** The ops recorded so far, in order (for tests). */
  opNames(): OpName[] {
    return this.records.map((r) => r.op);
  }

  clear(): void {
    this.records = [];
  }
}
