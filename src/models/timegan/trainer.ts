// TimeGAN's training steps (docs/TIMEGAN.md §6.4–6.5) and the five Adam optimizers that own them.
// In each step only the optimizer's own networks change: the others run under noGrad when no
// gradient has to pass through them, or frozen (gradients flow through, weights stay) when one does.
//
//   step         optimizer   minimises                    trains   frozen       no gradient
//   embedding    E0          10·√E_T0                     e, r     —            —
//   supervised   GS          S                            s        g (unused)   e
//   joint: G     G           G_loss (+ V_Δ if weighted)   g, s     r, d         e
//   joint: E     E           10·√E_T0 + 0.1·S             e, r     s            —
//   joint: D     D           D_loss (if > threshold)      d        —            e, g, s
//   (the D check and step runs discriminatorSteps times per joint iteration, 1 in the reference)
import type { Engine } from '../../engine/engine.js';
import type { Random } from '../../engine/random.js';
import { add, scale } from '../../engine/ops/index.js';
import type { Tensor } from '../../engine/tensor.js';
import { Adam } from '../../nn/adam.js';
import type { TrainingData } from '../common/batches.js';
import { withFrozen } from '../common/freezing.js';
import type { RecurrentNetwork } from '../common/recurrent-network.js';
import { sampleBatch, sampleWindows, type Batch, type Windows } from './batches.js';
import type { TimeGANConfig } from './config.js';
import { discriminatorLoss, embedderLoss, generatorLoss, incrementMomentLoss, momentLoss, reconstructionLoss, supervisedLoss } from './losses.js';
import type { TimeGANNetworks } from './networks.js';

/** The five optimizers by what they train: E0, E, GS, G and D of the reference. */
export const OPTIMIZER_NAMES = ['embedding', 'embedder', 'supervised', 'generator', 'discriminator'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];
/** The optimizers that step in the joint phase (and follow its learning-rate decay). */
const JOINT_OPTIMIZERS = ['generator', 'embedder', 'discriminator'] as const;

/** What one joint iteration reports: the last D_loss it checked, and the last G and E objectives. */
export interface JointLosses {
  discriminator: number;
  generator: number;
  embedder: number;
}

export class TimeGANTrainer {
  readonly optimizers: Record<OptimizerName, Adam>;
  /** Discriminator updates so far (joint iterations whose D_loss exceeded the threshold). */
  discriminatorUpdates = 0;

  constructor(
    private readonly engine: Engine,
    private readonly config: TimeGANConfig,
    private readonly nets: TimeGANNetworks,
  ) {
    const adam = (...owned: RecurrentNetwork[]): Adam => new Adam(owned.flatMap((n) => n.parameters()), { learningRate: config.learningRate });
    const { embedder, recovery, generator, supervisor, discriminator } = nets;
    this.optimizers = {
      embedding: adam(embedder, recovery),
      embedder: adam(embedder, recovery),
      supervised: adam(generator, supervisor),
      generator: adam(generator, supervisor),
      discriminator: adam(discriminator),
    };
  }

  /** Phase 1: one E0 step on a fresh batch; returns 10·√E_T0. */
  embeddingIteration(data: TrainingData, rng: Random): number {
    return this.embeddingStep(sampleWindows(data, this.config.batchSize, rng));
  }

  /** Phase 2: one GS step on a fresh batch (the reference also draws Z, unused); returns S. */
  supervisedIteration(data: TrainingData, rng: Random): number {
    return this.supervisedStep(sampleWindows(data, this.config.batchSize, rng));
  }

  /** Sets the learning rate of the joint phase's optimizers (generator, embedder, discriminator). */
  setJointLearningRate(rate: number): void {
    for (const name of JOINT_OPTIMIZERS) this.optimizers[name].learningRate = rate;
  }

  /** Phase 3: twice (G step, then E step on the same X), then the discriminator check and step (discriminatorSteps times). */
  jointIteration(data: TrainingData, rng: Random): JointLosses {
    let generator = 0;
    let embedder = 0;
    for (let k = 0; k < 2; k++) {
      const batch = sampleBatch(data, this.config.batchSize, rng);
      generator = this.generatorStep(batch);
      embedder = this.embedderStep(batch);
    }
    let discriminator = 0;
    for (let k = 0; k < this.config.discriminatorSteps; k++) discriminator = this.discriminatorStep(sampleBatch(data, this.config.batchSize, rng));
    return { discriminator, generator, embedder };
  }

  /** One E0 step on X; returns 10·√E_T0. */
  embeddingStep(w: Windows): number {
    const { engine: e, nets: n } = this;
    return e.step(() => {
      const x = e.tensor(w.shape, w.x);
      return this.minimise(embedderLoss(reconstructionLoss(x, n.recovery.forward(n.embedder.forward(x)))), 'embedding');
    });
  }

  /** One GS step on X; returns S. The generator gets no gradient from S (frozen: Adam skips it, as TF1 does). */
  supervisedStep(w: Windows): number {
    const { engine: e, nets: n } = this;
    return withFrozen([n.generator], () =>
      e.step(() => {
        const h = e.noGrad(() => n.embedder.forward(e.tensor(w.shape, w.x)));
        return this.minimise(supervisedLoss(h, n.supervisor.forward(h)), 'supervised');
      }),
    );
  }

  /** One G step on X and Z of `batch`; returns G_loss. */
  generatorStep(batch: Batch): number {
    const { engine: e, nets: n } = this;
    return withFrozen([n.recovery, n.discriminator], () =>
      e.step(() => {
        const x = e.tensor(batch.shape, batch.x);
        const h = e.noGrad(() => n.embedder.forward(x)); // [B,T,H], a constant here
        const eHat = n.generator.forward(e.tensor(batch.shape, batch.z)); // Ê
        const hHat = n.supervisor.forward(eHat); // Ĥ
        const xHat = n.recovery.forward(hHat); // X̂ [B,T,D]
        const s = supervisedLoss(h, n.supervisor.forward(h));
        const loss = generatorLoss(n.discriminator.forward(hHat), n.discriminator.forward(eHat), s, this.momentLosses(x, xHat), this.config.gamma);
        return this.minimise(loss, 'generator');
      }),
    );
  }

  /** V, plus the increments' V_Δ with its weight when the config asks for it. */
  private momentLosses(x: Tensor, xHat: Tensor): Tensor {
    const weight = this.config.incrementMomentWeight;
    const v = momentLoss(x, xHat);
    return weight > 0 ? add(v, scale(incrementMomentLoss(x, xHat), weight)) : v;
  }

  /** One E step on X of `batch`; returns E = 10·√E_T0 + 0.1·S. */
  embedderStep(w: Windows): number {
    const { engine: e, nets: n } = this;
    return withFrozen([n.supervisor], () =>
      e.step(() => {
        const x = e.tensor(w.shape, w.x);
        const h = n.embedder.forward(x);
        const loss = embedderLoss(reconstructionLoss(x, n.recovery.forward(h)), supervisedLoss(h, n.supervisor.forward(h)));
        return this.minimise(loss, 'embedder');
      }),
    );
  }

  /** Evaluates D_loss on the batch before any update; steps only if it exceeds the threshold. */
  discriminatorStep(batch: Batch): number {
    const { engine: e, nets: n } = this;
    return e.step(() => {
      const [h, eHat, hHat] = e.noGrad(() => {
        const generated = n.generator.forward(e.tensor(batch.shape, batch.z));
        return [n.embedder.forward(e.tensor(batch.shape, batch.x)), generated, n.supervisor.forward(generated)];
      });
      const d = n.discriminator;
      const loss = discriminatorLoss(d.forward(h), d.forward(hHat), d.forward(eHat), this.config.gamma);
      const value = loss.data[0];
      if (!(value > this.config.discriminatorThreshold)) return value;
      this.discriminatorUpdates++;
      return this.minimise(loss, 'discriminator');
    });
  }

  /** Backpropagates `loss` and takes one step of the named optimizer; returns the loss value. */
  private minimise(loss: Tensor, optimizer: OptimizerName): number {
    this.engine.backward(loss);
    this.optimizers[optimizer].step();
    return loss.data[0];
  }
}
