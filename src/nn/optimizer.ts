// What an optimizer is: it updates the unfrozen parameters from their gradients, then zeroes
// every gradient; its state (moments, step counts) can be saved and restored bit for bit.
import type { Parameter, Tensor } from '../engine/tensor.js';
import { fmt } from '../engine/tensor.js';

export interface Optimizer<State> {
  /** The parameters it updates, in the order its state lists them. */
  readonly parameters: readonly Parameter[];
  /** Read and written by learning-rate schedules. */
  learningRate: number;
  /** One update of every unfrozen parameter; then all gradients are zero. */
  step(): void;
  /** Sets every gradient to zero without updating. */
  zeroGrad(): void;
  /** A copy of the state, for checkpoints. */
  getState(): State;
  /** Restores a state from getState (same parameter list). */
  setState(state: State): void;
}

/** Zeroes the gradient buffers of `parameters`. */
export function zeroGradients(parameters: readonly Parameter[]): void {
  for (const p of parameters) p.gradient.data.fill(0);
}

/** One zeroed persistent buffer shaped like each parameter (moments, velocities). */
export function slotsFor(parameters: readonly Parameter[]): Tensor[] {
  return parameters.map((p) => p.engine.persistent(p.shape));
}

/** Copies of the buffers' values, for a state. */
export function copySlots(slots: readonly Tensor[]): Float32Array[] {
  return slots.map((t) => t.toFloat32Array());
}

/** Writes saved values back into the buffers, checking count and sizes. */
export function restoreSlots(what: string, slots: readonly Tensor[], values: readonly Float32Array[]): void {
  if (values.length !== slots.length) throw new Error(`${what}: state has ${values.length} buffers for ${slots.length} parameters`);
  slots.forEach((t, i) => {
    if (values[i].length !== t.size) throw new Error(`${what}: buffer ${i} has ${values[i].length} values for ${fmt(t.shape)}`);
    t.data.set(values[i]);
  });
}
