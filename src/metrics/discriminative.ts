// TimeGAN's discriminative score (docs/TIMEGAN.md §3): how well a fresh post-hoc GRU classifier
// tells real from synthetic sequences on held-out data, as |accuracy − 0.5|.
import { Engine } from '../engine/engine.js';
import { add, bceWithLogits, slice } from '../engine/ops/index.js';
import { Random } from '../engine/random.js';
import { PostHocNetwork, postHocHidden } from './post-hoc-network.js';
import { batchIndices, trainTestSplit } from './sampling.js';
import { EVALUATION_CHUNK, type ScoreOptions } from './score-options.js';
import { chunks, sequenceBatch } from './sequence-batch.js';
import { checkComparable, type SequenceSet } from './sequence-set.js';

/**
 * Splits real and synthetic 80/20 each (their own permutations), trains a 1-layer GRU
 * (⌊D/2⌋ units) + dense logit on the final state for `iterations` Adam steps, each on 128 real
 * (label 1) and 128 synthetic (label 0) training sequences with loss BCE(real) + BCE(synthetic),
 * then classifies every test sequence (real when σ(logit) > 0.5). Returns |accuracy − 0.5| over
 * the combined test set: 0 is indistinguishable, 0.5 perfectly separable. Needs ≥ 2 sequences each.
 *
 * @example
 * discriminativeScore(real, synthetic, { seed: 1 }); // e.g. 0.07; TimeGAN reports the mean of 10
 */
export function discriminativeScore(real: SequenceSet, synthetic: SequenceSet, options: ScoreOptions = {}): number {
  checkComparable(real, synthetic, 2);
  const { iterations = 2000, batchSize = 128, seed = 0 } = options;
  const rng = new Random(seed);
  const engine = Engine.wasm();
  const net = new PostHocNetwork(engine, real.features, postHocHidden(real.features), rng);
  const r = trainTestSplit(real.count, rng);
  const s = trainTestSplit(synthetic.count, rng);
  for (let i = 0; i < iterations; i++) {
    engine.step(() => {
      const realBatch = batchIndices(r.train, batchSize, rng);
      const fakeBatch = batchIndices(s.train, batchSize, rng);
      const x = sequenceBatch(engine, [{ set: real, indices: realBatch }, { set: synthetic, indices: fakeBatch }]);
      const logits = net.finalLogit(x); // [Br + Bs, 1]: one GRU pass for both batches
      const nr = realBatch.length;
      const loss = add(bceWithLogits(slice(logits, 0, 0, nr), 1), bceWithLogits(slice(logits, 0, nr, logits.shape[0]), 0));
      engine.backward(loss);
      net.optimizer.step();
    });
  }
  const correct = countCorrect(engine, net, real, r.test, true) + countCorrect(engine, net, synthetic, s.test, false);
  return Math.abs(correct / (r.test.length + s.test.length) - 0.5);
}

/** How many of `set`'s sequences at `indices` the classifier gets right: logit > 0 (σ > 0.5) iff `label`. */
function countCorrect(engine: Engine, net: PostHocNetwork, set: SequenceSet, indices: Int32Array, label: boolean): number {
  let correct = 0;
  for (const chunk of chunks(indices, EVALUATION_CHUNK)) {
    engine.step(() => engine.noGrad(() => {
      const logits = net.finalLogit(sequenceBatch(engine, [{ set, indices: chunk }])).data;
      for (const z of logits) if (z > 0 === label) correct++;
    }));
  }
  return correct;
}
