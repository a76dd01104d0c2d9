// One training iteration of the recurrent GAN: k discriminator steps on a real and a generated
// batch, then one generator step through the frozen discriminator. Owns the two optimizers.
import type { Engine } from '../../engine/engine.js';
import type { Random } from '../../engine/random.js';
import type { Tensor } from '../../engine/tensor.js';
import { Adam } from '../../nn/adam.js';
import { clipGradNorm } from '../../nn/clip.js';
import type { TrainingData } from '../common/batches.js';
import { withFrozen } from '../common/freezing.js';
import type { RecurrentNetwork } from '../common/recurrent-network.js';
import { noise, realBatch } from './batches.js';
import type { RGANConfig } from './config.js';
import { add, scale } from '../../engine/ops/index.js';
import { momentLoss } from '../common/moment-loss.js';
import { discriminatorLoss, featureMatchingLoss, generatorLoss } from './losses.js';
import { withCondition } from './networks.js';

export interface IterationLosses {
  discriminator: number;
  generator: number;
}

export class RGANTrainer {
  readonly generatorOptimizer: Adam;
  readonly discriminatorOptimizer: Adam;

  constructor(
    private readonly engine: Engine,
    private readonly config: RGANConfig,
    private readonly generator: RecurrentNetwork,
    private readonly discriminator: RecurrentNetwork,
  ) {
    const o = config.optimizer;
    const betas = { beta1: o.beta1, beta2: o.beta2 };
    this.generatorOptimizer = new Adam(generator.parameters(), { learningRate: o.generatorLearningRate, ...betas });
    this.discriminatorOptimizer = new Adam(discriminator.parameters(), { learningRate: o.discriminatorLearningRate, ...betas });
  }

  /** discriminatorSteps discriminator updates, then one generator update. */
  iteration(data: TrainingData, rng: Random): IterationLosses {
    let lossD = 0;
    for (let k = 0; k < this.config.discriminatorSteps; k++) lossD = this.discriminatorStep(data, rng);
    return { discriminator: lossD, generator: this.generatorStep(data, rng) };
  }

  private discriminatorStep(data: TrainingData, rng: Random): number {
    const e = this.engine;
    return e.step(() => {
      const { x, y } = realBatch(e, data, this.config.batchSize, rng);
      const fake = e.noGrad(() => this.generate(this.noiseFor(x, rng), y));
      const real = this.judge(x, y).output;
      const loss = discriminatorLoss(this.config, real, this.judge(fake, y).output);
      e.backward(loss);
      if (this.config.gradClip > 0) clipGradNorm(this.discriminator.parameters(), this.config.gradClip);
      this.discriminatorOptimizer.step();
      if (this.config.loss === 'wasserstein') this.clipCriticWeights();
      return loss.data[0];
    });
  }

  /** One generator step through the frozen discriminator (gradients reach G through it; its weights get none). */
  private generatorStep(data: TrainingData, rng: Random): number {
    const e = this.engine;
    return withFrozen([this.discriminator], () =>
      e.step(() => {
        const { x, y } = realBatch(e, data, this.config.batchSize, rng);
        const fake = this.generate(this.noiseFor(x, rng), y);
        const judged = this.judge(fake, y);
        // Feature matching (Salimans et al., C-RNN-GAN) replaces the adversarial objective.
        let loss = this.config.featureMatching
          ? featureMatchingLoss(e.noGrad(() => this.judge(x, y).features), judged.features)
          : generatorLoss(this.config, judged.output);
        if (this.config.momentWeight > 0) loss = add(loss, scale(momentLoss(x, fake), this.config.momentWeight));
        e.backward(loss);
        if (this.config.gradClip > 0) clipGradNorm(this.generator.parameters(), this.config.gradClip);
        this.generatorOptimizer.step();
        return loss.data[0];
      }),
    );
  }

  /** z [B,T,noise] (+ y) → sequences [B,T,F]. */
  private generate(z: Tensor, y: Tensor | undefined): Tensor {
    return this.generator.forward(withCondition(z, y));
  }

  /** x [B,T,F] (+ y) → the discriminator's logits and recurrent features. */
  private judge(x: Tensor, y: Tensor | undefined): { output: Tensor; features: Tensor } {
    return this.discriminator.run(withCondition(x, y));
  }

  /** Noise shaped like the batch x: [B, T, noise.size]. */
  private noiseFor(x: Tensor, rng: Random): Tensor {
    return noise(this.engine, x.shape[0], x.shape[1], this.config.noise, rng);
  }

  /** WGAN: keep every critic weight in [−c, c] after each update. */
  private clipCriticWeights(): void {
    const c = this.config.weightClip;
    for (const p of this.discriminator.parameters()) this.engine.kernels.clamp(p.size, -c, c, p.offset, p.offset);
  }

  /** The optimizers by name, for model files. */
  optimizers(): Record<'generator' | 'discriminator', Adam> {
    return { generator: this.generatorOptimizer, discriminator: this.discriminatorOptimizer };
  }
}
