// TimeGAN's predictive score (docs/TIMEGAN.md §4), "train on synthetic, test on real": a fresh
// post-hoc GRU learns from synthetic sequences to predict the last feature one step ahead from
// the other features; the score is its mean absolute error on every real sequence.
import { Engine } from '../engine/engine.js';
import { maeLoss, sigmoid } from '../engine/ops/index.js';
import { Random } from '../engine/random.js';
import { UserError } from '../errors.js';
import { PostHocNetwork, postHocHidden } from './post-hoc-network.js';
import { batchIndices } from './sampling.js';
import { EVALUATION_CHUNK, type ScoreOptions } from './score-options.js';
import { chunks, sequenceBatch, windowSequences } from './sequence-batch.js';
import { allIndices, checkComparable, type SequenceSet } from './sequence-set.js';

/**
 * Input at step t = features 1 … D−1 (all but the last) at t, for t = 0 … T−2; target = the last
 * feature at t + 1. Network: GRU (⌊D/2⌋ units) over the T−1 steps, a dense layer and a sigmoid at
 * every step; loss MAE over batch × time; `iterations` Adam steps (default 5,000) on batches
 * of 128 synthetic sequences only. Returns the MAE over all real sequences (each sequence's
 * MAE over its T−1 steps, averaged: with equal lengths, the overall MAE). Lower is better;
 * needs D ≥ 2 and T ≥ 2.
 *
 * @example
 * predictiveScore(real, synthetic, { seed: 1 }); // TimeGAN on sines: ≈ 0.093 (real data alone: 0.094)
 */
export function predictiveScore(real: SequenceSet, synthetic: SequenceSet, options: ScoreOptions = {}): number {
  checkComparable(real, synthetic, 1);
  const { length: T, features: D } = real;
  if (D < 2 || T < 2) throw new UserError(`the predictive score needs ≥ 2 features and ≥ 2 steps, got ${T} × ${D}`);
  const { iterations = 5000, batchSize = 128, seed = 0 } = options;
  const rng = new Random(seed);
  const engine = Engine.wasm();
  const net = new PostHocNetwork(engine, D - 1, postHocHidden(D), rng);
  const train = splitTask(synthetic);
  const pool = allIndices(synthetic.count);
  for (let i = 0; i < iterations; i++) {
    engine.step(() => {
      const indices = batchIndices(pool, batchSize, rng);
      const prediction = sigmoid(net.stepLogits(sequenceBatch(engine, [{ set: train.inputs, indices }])));
      engine.backward(maeLoss(prediction, sequenceBatch(engine, [{ set: train.targets, indices }])));
      net.optimizer.step();
    });
  }
  const test = splitTask(real);
  let total = 0;
  for (const indices of chunks(allIndices(real.count), EVALUATION_CHUNK)) {
    engine.step(() => engine.noGrad(() => {
      const prediction = sigmoid(net.stepLogits(sequenceBatch(engine, [{ set: test.inputs, indices }]))).data;
      const target = sequenceBatch(engine, [{ set: test.targets, indices }]).data;
      for (let k = 0; k < target.length; k++) total += Math.abs(prediction[k] - target[k]);
    }));
  }
  return total / (real.count * (T - 1));
}

/** The task's inputs [N, T−1, D−1] (all features but the last, steps 0 … T−2) and targets [N, T−1, 1] (the last, steps 1 … T−1). */
function splitTask(set: SequenceSet): { inputs: SequenceSet; targets: SequenceSet } {
  const { length: T, features: D } = set;
  return {
    inputs: windowSequences(set, { steps: [0, T - 1], features: [0, D - 1] }),
    targets: windowSequences(set, { steps: [1, T], features: [D - 1, D] }),
  };
}
