// The options the two post-hoc scores share.

export interface ScoreOptions {
  /** Adam steps; default 2,000 (discriminative) or 5,000 (predictive), as TimeGAN. */
  iterations?: number;
  /** Sequences per batch (per set, for the discriminator); default 128. */
  batchSize?: number;
  /** Seed of the initial weights, the split and the batches; default 0. */
  seed?: number;
}

/** Test sequences per forward pass when scoring: bounds the arena, not the result. */
export const EVALUATION_CHUNK = 2048;
