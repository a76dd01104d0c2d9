// The post-hoc network of TimeGAN's two scores (docs/TIMEGAN.md §3, §4): one GRU layer (tanh)
// of ⌊D/2⌋ units and a dense head with one output, trained by Adam with TF1's defaults.
import type { Engine } from '../engine/engine.js';
import { reshape } from '../engine/ops/index.js';
import type { Random } from '../engine/random.js';
import type { Tensor } from '../engine/tensor.js';
import { Adam } from '../nn/adam.js';
import { Dense } from '../nn/dense.js';
import { Recurrent } from '../nn/recurrent.js';

/** TimeGAN's hidden size for D features, ⌊D/2⌋, raised to 1 so that D = 1 still has a unit. */
export function postHocHidden(features: number): number {
  return Math.max(1, Math.floor(features / 2));
}

/**
 * GRU [B, T, inputs] → [B, T, hidden], then a dense layer to one logit, per step or from the
 * final state. The GRU follows PyTorch's equations (the engine's), TF1's GRUCell differing only
 * in where the reset gate applies (before W_hn rather than after); it is initialised as TF1's:
 * Glorot-uniform over the joint [x, h] kernels and gate (r, z) biases at 1. The head is
 * Glorot-uniform with a zero bias, as TF1's fully_connected. Adam: lr 1e-3, β 0.9/0.999, ε 1e-8.
 */
export class PostHocNetwork {
  readonly gru: Recurrent;
  readonly head: Dense;
  readonly optimizer: Adam;

  constructor(engine: Engine, inputs: number, hidden: number, rng: Random) {
    this.gru = new Recurrent(engine, { cell: 'gru', inputs, hidden, layers: 1 }, rng);
    initialiseAsTf1(this.gru, inputs, hidden, rng);
    this.head = new Dense(engine, { inputs: hidden, outputs: 1 }, rng);
    this.optimizer = new Adam([...this.gru.parameters(), ...this.head.parameters()], {
      learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8,
    });
  }

  /** x [B, T, inputs] → one logit per step [B, T, 1]. */
  stepLogits(x: Tensor): Tensor {
    return this.head.forward(this.gru.forward(x).output);
  }

  /** x [B, T, inputs] → one logit per sequence from the final hidden state: [B, 1]. */
  finalLogit(x: Tensor): Tensor {
    const h = this.gru.forward(x).states.h; // [1, B, H]
    return this.head.forward(reshape(h, [h.shape[1], h.shape[2]]));
  }
}

/**
 * TF1's GRUCell draws one Glorot-uniform kernel [I + H, 2H] for the gates (r, z) and one
 * [I + H, H] for the candidate; their x rows are W_ih's blocks, their h rows W_hh's. The gate
 * bias starts at 1 (b_ih of r and z here; b_hh stays 0), the candidate bias at 0.
 */
function initialiseAsTf1(gru: Recurrent, inputs: number, hidden: number, rng: Random): void {
  const [weightIh, weightHh, biasIh] = gru.parameters(); // [3H, I], [3H, H], [3H]; blocks r, z, n
  const gateBound = Math.sqrt(6 / (inputs + hidden + 2 * hidden));
  const candidateBound = Math.sqrt(6 / (inputs + hidden + hidden));
  for (const [w, width] of [[weightIh, inputs], [weightHh, hidden]] as const) {
    const values = w.data;
    for (let row = 0; row < 3 * hidden; row++) {
      const bound = row < 2 * hidden ? gateBound : candidateBound;
      for (let c = 0; c < width; c++) values[row * width + c] = rng.uniformRange(-bound, bound);
    }
  }
  biasIh.data.fill(1, 0, 2 * hidden);
  biasIh.data.fill(0, 2 * hidden);
}
