// Workload A on our engine: one recurrent-GAN iteration exactly as the PyTorch peer
// (bench/peers/gan_iteration_torch.py) does it. G and D are each 3 stacked GRU or LSTM layers of 24
// units + a Dense head per step; G maps uniform noise [128, 24, 6] to sigmoid outputs; D gives one
// logit per step. One iteration = one D update (real + fake, BCE with logits, fake generated under
// noGrad) + one G update (non-saturating BCE, D frozen); Adam, learning rate 1e-3.
import { Engine } from '../src/engine/engine.js';
import { add } from '../src/engine/ops/elementwise.js';
import { sigmoid } from '../src/engine/ops/activations.js';
import { bceWithLogits } from '../src/engine/ops/losses.js';
import type { CellKind } from '../src/engine/ops/recurrent-cells.js';
import { Random } from '../src/engine/random.js';
import type { Parameter, Tensor } from '../src/engine/tensor.js';
import { Adam } from '../src/nn/adam.js';
import { Dense } from '../src/nn/dense.js';
import { Recurrent } from '../src/nn/recurrent.js';

export const [BATCH, STEPS, FEATURES, HIDDEN, LAYERS, LEARNING_RATE] = [128, 24, 6, 24, 3, 1e-3];

/** A recurrent stack with a Dense head applied at every step: [B, T, F] → [B, T, outputs]. */
class Net {
  readonly recurrent: Recurrent;
  readonly head: Dense;
  constructor(engine: Engine, cell: CellKind, outputs: number, rng: Random) {
    this.recurrent = new Recurrent(engine, { cell, inputs: FEATURES, hidden: HIDDEN, layers: LAYERS }, rng);
    this.head = new Dense(engine, { inputs: HIDDEN, outputs }, rng);
  }
  forward(x: Tensor): Tensor {
    return this.head.forward(this.recurrent.forward(x).output);
  }
  parameters(): Parameter[] {
    return [...this.recurrent.parameters(), ...this.head.parameters()];
  }
  freeze(frozen: boolean): void {
    this.recurrent.freeze(frozen);
    this.head.freeze(frozen);
  }
}

export interface GanIteration {
  /** Runs one iteration; returns the two losses. */
  step(): { lossD: number; lossG: number };
  parameterCounts: { g: number; d: number };
}

/** Builds G, D, their optimizers and the real batch (sines of random frequency and phase). */
export function ganIteration(cell: CellKind, seed = 0): GanIteration {
  const engine = Engine.wasm();
  const rng = new Random(seed);
  const g = new Net(engine, cell, FEATURES, rng);
  const d = new Net(engine, cell, 1, rng);
  const optG = new Adam(g.parameters(), { learningRate: LEARNING_RATE });
  const optD = new Adam(d.parameters(), { learningRate: LEARNING_RATE });
  const real = engine.persistent([BATCH, STEPS, FEATURES], realBatch(rng));
  const noise = (): Tensor => {
    const z = engine.tensor([BATCH, STEPS, FEATURES]);
    rng.fillUniform(z.data);
    return z;
  };
  const count = (ps: Parameter[]): number => ps.reduce((n, p) => n + p.size, 0);
  return {
    parameterCounts: { g: count(g.parameters()), d: count(d.parameters()) },
    step() {
      const lossD = engine.step(() => {
        const fake = engine.noGrad(() => sigmoid(g.forward(noise())));
        const loss = add(bceWithLogits(d.forward(real), 1), bceWithLogits(d.forward(fake), 0));
        engine.backward(loss);
        optD.step();
        return loss.data[0];
      });
      d.freeze(true);
      const lossG = engine.step(() => {
        const loss = bceWithLogits(d.forward(sigmoid(g.forward(noise()))), 1);
        engine.backward(loss);
        optG.step();
        return loss.data[0];
      });
      d.freeze(false);
      return { lossD, lossG };
    },
  };
}

// real[b, t, f] = 0.5 + 0.5·sin(freq[b, f]·t + phase[b, f]), freq ∈ [0.1, 0.5), phase ∈ [0, 6.28)
function realBatch(rng: Random): Float32Array {
  const freq = Float32Array.from({ length: BATCH * FEATURES }, () => 0.1 + 0.4 * rng.uniform());
  const phase = Float32Array.from({ length: BATCH * FEATURES }, () => 6.28 * rng.uniform());
  const out = new Float32Array(BATCH * STEPS * FEATURES);
  for (let b = 0; b < BATCH; b++) {
    for (let t = 0; t < STEPS; t++) {
      for (let f = 0; f < FEATURES; f++) out[(b * STEPS + t) * FEATURES + f] = 0.5 + 0.5 * Math.sin(freq[b * FEATURES + f] * t + phase[b * FEATURES + f]);
    }
  }
  return out;
}
