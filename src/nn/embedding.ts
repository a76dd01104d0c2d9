// Embedding: a table of learned vectors, one per token id (SeqGAN's generator input).
import type { Engine } from '../engine/engine.js';
import { embedding } from '../engine/ops/embedding.js';
import type { Random } from '../engine/random.js';
import type { Parameter, Tensor } from '../engine/tensor.js';
import { normal } from './init.js';
import { type Module, checkSize, freezeParameters, resolveConfig } from './module.js';

export interface EmbeddingConfig {
  /** Number of token ids, V. */
  vocabulary: number;
  /** Vector width, E. */
  size: number;
}

export class Embedding implements Module<EmbeddingConfig> {
  readonly config: EmbeddingConfig;
  /** [vocabulary, size], initialised N(0, 1) like PyTorch's nn.Embedding. */
  readonly weight: Parameter;

  constructor(engine: Engine, options: EmbeddingConfig, rng: Random) {
    const c = resolveConfig<EmbeddingConfig>('Embedding', {}, options, ['vocabulary', 'size']);
    checkSize('Embedding', 'vocabulary', c.vocabulary);
    checkSize('Embedding', 'size', c.size);
    this.config = c;
    engine.memory.ensureRoom(2 * c.vocabulary * c.size, `an embedding of ${c.vocabulary} × ${c.size} (values and gradients)`);
    this.weight = engine.parameter('weight', [c.vocabulary, c.size], normal(c.vocabulary * c.size, 1, rng));
  }

  /** ids (values in [0, vocabulary)) laid out as `shape`, e.g. [B, T] → [B, T, size]. */
  forward(ids: Int32Array, shape: readonly number[]): Tensor {
    return embedding(this.weight, ids, shape);
  }

  parameters(): Parameter[] {
    return [this.weight];
  }

  freeze(frozen = true): void {
    freezeParameters(this.parameters(), frozen);
  }
}
