// TimeGAN's losses (docs/TIMEGAN.md §6.3). Every BCE, MSE and mean averages over all elements,
// TF1's default reduction; BCEs take the discriminator's logits.
import { add, bceWithLogits, mseLoss, scale, slice, sqrt, sub } from '../../engine/ops/index.js';
import type { Tensor } from '../../engine/tensor.js';
import { momentLoss } from '../common/moment-loss.js'; // V = V1 + V2, statistics over the batch axis

export { momentLoss };

/** E_T0 = MSE(X, X̃): reconstruction of x [B,T,D] by the recovery network. */
export function reconstructionLoss(x: Tensor, reconstructed: Tensor): Tensor {
  return mseLoss(reconstructed, x);
}

/** S = MSE(H[:, 1:], H_sup[:, :−1]): the supervisor's output at t predicts the embedding at t + 1. */
export function supervisedLoss(h: Tensor, supervised: Tensor): Tensor {
  const t = h.shape[1];
  return mseLoss(slice(supervised, 1, 0, t - 1), slice(h, 1, 1, t));
}

/** 10·√E_T0 (phase 1), plus 0.1·S when `s` is given (joint phase). */
export function embedderLoss(eT0: Tensor, s?: Tensor): Tensor {
  const e0 = scale(sqrt(eT0), 10);
  return s === undefined ? e0 : add(e0, scale(s, 0.1));
}

/** G_loss = BCE(Y_fake, 1) + γ·BCE(Y_fake_e, 1) + 100·√S + 100·V. */
export function generatorLoss(fake: Tensor, fakeE: Tensor, s: Tensor, v: Tensor, gamma: number): Tensor {
  const adversarial = add(bceWithLogits(fake, 1), scale(bceWithLogits(fakeE, 1), gamma));
  return add(adversarial, scale(add(sqrt(s), v), 100));
}

/** D_loss = BCE(Y_real, 1) + BCE(Y_fake, 0) + γ·BCE(Y_fake_e, 0). */
export function discriminatorLoss(real: Tensor, fake: Tensor, fakeE: Tensor, gamma: number): Tensor {
  return add(add(bceWithLogits(real, 1), bceWithLogits(fake, 0)), scale(bceWithLogits(fakeE, 0), gamma));
}

/** V_Δ: the moment loss V on the increments x[:, 1:] − x[:, :−1] of real x and generated x̂ [B,T,D]. */
export function incrementMomentLoss(x: Tensor, xHat: Tensor): Tensor {
  return momentLoss(increments(x), increments(xHat));
}

function increments(x: Tensor): Tensor {
  const t = x.shape[1];
  return sub(slice(x, 1, 1, t), slice(x, 1, 0, t - 1));
}
