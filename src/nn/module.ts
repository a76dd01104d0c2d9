// What every layer is: parameters, a typed config (defaults in one place, unknown keys
// rejected) and freezing. Freezing is PyTorch's requires_grad_(False): the module's weights get
// no gradient and optimizers leave them unchanged, but gradients still flow through to its input.
import type { Parameter } from '../engine/tensor.js';
import { UserError } from '../errors.js';

export interface Module<Config extends object = object> {
  /** The full config, defaults filled in: `new Class(engine, layer.config, rng)` builds the same layer. */
  readonly config: Config;
  /** The trainable tensors, in a fixed order (the order model files store them in). */
  parameters(): Parameter[];
  /** Freezes (or with `false` unfreezes) every parameter. */
  freeze(frozen?: boolean): void;
}

/** Sets `frozen` on each parameter. */
export function freezeParameters(parameters: readonly Parameter[], frozen = true): void {
  for (const p of parameters) p.frozen = frozen;
}

/**
 * A full config: `given` over `defaults`. `layer` names the layer in messages ('Dense'). Throws a UserError for a key that is neither a default
 * nor in `required`, or for a required key left out.
 */
export function resolveConfig<C extends object>(
  layer: string,
  defaults: Partial<C>,
  given: Partial<C>,
  required: readonly (keyof C & string)[],
): C {
  const known = new Set<string>([...Object.keys(defaults), ...required]);
  for (const key of Object.keys(given)) {
    if (!known.has(key)) throw new UserError(`${layer}: unknown option "${key}"`);
  }
  const config: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(given)) if (value !== undefined) config[key] = value;
  for (const key of required) {
    if (config[key] === undefined) throw new UserError(`${layer}: missing option "${key}"`);
  }
  return config as C;
}

/** Throws a UserError unless `value` is a positive integer. */
export function checkSize(layer: string, name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new UserError(`${layer}: ${name} must be a positive integer, got ${value}`);
  return value;
}
