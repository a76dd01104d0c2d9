// Adversarial losses on discriminator logits, for each `loss` option, and feature matching.
import { add, addScalar, bceWithLogits, mean, mseLoss, relu, scale, sub } from '../../engine/ops/index.js';
import type { Tensor } from '../../engine/tensor.js';
import type { RGANConfig } from './config.js';

/** The discriminator's (critic's) loss given its logits on a real and a generated batch. */
export function discriminatorLoss(config: RGANConfig, real: Tensor, fake: Tensor): Tensor {
  switch (config.loss) {
    case 'bce':
      return add(bceWithLogits(real, 1 - config.labelSmoothing), bceWithLogits(fake, 0));
    case 'ls': // least squares (LSGAN): ½(D(x) − 1)² + ½D(G(z))²
      return scale(add(mseLoss(real, constantLike(real, 1)), mseLoss(fake, constantLike(fake, 0))), 0.5);
    case 'hinge': // E[relu(1 − D(x))] + E[relu(1 + D(G(z)))]
      return add(mean(relu(addScalar(scale(real, -1), 1))), mean(relu(addScalar(fake, 1))));
    case 'wasserstein': // E[D(G(z))] − E[D(x)]
      return sub(mean(fake), mean(real));
  }
}

/** The generator's adversarial loss given the discriminator's logits on generated data. */
export function generatorLoss(config: RGANConfig, fake: Tensor): Tensor {
  switch (config.loss) {
    case 'bce':
      return config.generatorLoss === 'non-saturating' ? bceWithLogits(fake, 1) : scale(bceWithLogits(fake, 0), -1);
    case 'ls':
      return scale(mseLoss(fake, constantLike(fake, 1)), 0.5);
    case 'hinge':
    case 'wasserstein':
      return scale(mean(fake), -1);
  }
}

/** C-RNN-GAN feature matching: squared distance between batch means of D's features. */
export function featureMatchingLoss(realFeatures: Tensor, fakeFeatures: Tensor): Tensor {
  return mseLoss(mean(fakeFeatures, 0), mean(realFeatures, 0));
}

function constantLike(x: Tensor, value: number): Tensor {
  const t = x.engine.tensor(x.shape);
  t.data.fill(value);
  return t;
}
