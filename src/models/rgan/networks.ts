// The recurrent GAN's two networks, both a RecurrentNetwork: a generator (noise [+ condition] →
// sequence) and a discriminator (sequence [+ condition] → a logit per step, or one at the last step).
import type { Engine } from '../../engine/engine.js';
import { concat, expandTime } from '../../engine/ops/index.js';
import type { Random } from '../../engine/random.js';
import type { Tensor } from '../../engine/tensor.js';
import { RecurrentNetwork } from '../common/recurrent-network.js';
import type { RGANConfig } from './config.js';

/** x [B,T,F] with the condition y [B,C] appended to every step → [B,T,F+C]. */
export function withCondition(x: Tensor, y: Tensor | undefined): Tensor {
  if (y === undefined) return x;
  return concat([x, expandTime(y, x.shape[1])], 2);
}

/** z [B,T,noise] (+ y [B,C]) → generated sequences [B,T,features] on the data's scale. */
export function buildGenerator(engine: Engine, config: RGANConfig, rng: Random): RecurrentNetwork {
  const { cell, hidden, layers, output } = config.generator;
  const inputs = config.noise.size + config.noise.sequenceSize + config.conditions;
  return new RecurrentNetwork(engine, { cell, inputs, hidden, layers, outputs: config.features, output }, rng);
}

/**
 * x [B,T,F] (+ y [B,C]) → logits [B,T,1] ('mean' readout) or [B,1,1] ('last'); its features
 * [B,T,H·dirs] are what feature matching compares.
 */
export function buildDiscriminator(engine: Engine, config: RGANConfig, rng: Random): RecurrentNetwork {
  const { cell, hidden, layers, bidirectional, readout } = config.discriminator;
  const inputs = config.features + config.conditions;
  return new RecurrentNetwork(engine, { cell, inputs, hidden, layers, bidirectional, outputs: 1, output: 'linear', readout: readout === 'last' ? 'last-step' : 'every-step' }, rng);
}
