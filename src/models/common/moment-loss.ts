// TimeGAN's moment loss, which both kinds use: rgan as an option (momentWeight), TimeGAN as V.
import { abs, add, addScalar, maeLoss, mean, sqrt, sub, variance } from '../../engine/ops/index.js';
import type { Tensor } from '../../engine/tensor.js';

/**
 * TimeGAN's moment loss: mean |σ_fake − σ_real| + mean |μ_fake − μ_real|, with the statistics
 * taken over the batch axis of [B,T,F] (one per step and feature). Real statistics are constants.
 */
export function momentLoss(real: Tensor, fake: Tensor): Tensor {
  const e = fake.engine;
  const [realStd, realMean] = e.noGrad(() => [sqrt(addScalar(variance(real, 0), 1e-6)), mean(real, 0)]);
  const fakeStd = sqrt(addScalar(variance(fake, 0), 1e-6));
  return add(mean(abs(sub(fakeStd, realStd))), maeLoss(mean(fake, 0), realMean));
}
