// Freezing networks for one training step: their weights get no gradient and keep their values,
// while gradients still flow through them to the networks before them.
import { freezeParameters } from '../../nn/module.js';
import type { Parameter } from '../../engine/tensor.js';

/** Runs `fn` with `modules` frozen (PyTorch's requires_grad_(False)), unfreezing after, also on a throw. */
export function withFrozen<T>(modules: ReadonlyArray<{ parameters(): Parameter[] }>, fn: () => T): T {
  const frozen = modules.flatMap((m) => m.parameters());
  freezeParameters(frozen, true);
  try {
    return fn();
  } finally {
    freezeParameters(frozen, false);
  }
}
