// RecurrentGAN: the public face of the recurrent GAN — build from a config, fit on prepared
// data, sample new sequences, save and load a model directory, resume from a checkpoint.
import type { DeepPartial } from '../../config.js';
import type { DecodedSamples } from '../../data/samples.js';
import { Random } from '../../engine/random.js';
import type { RandomState } from '../../engine/random.js';
import type { Parameter } from '../../engine/tensor.js';
import { UserError } from '../../errors.js';
import { runTrainingLoop, type LoopResult, type Losses } from '../../train/loop.js';
import { ModelBase, readSavedModel } from '../common/model-base.js';
import { generateInBatches, loopHooks, sampleBatchSizes } from '../common/model-parts.js';
import { namedNetworkParameters, type RecurrentNetwork } from '../common/recurrent-network.js';
import type { FitData, FitOptions, SampleBatchOptions, SampleOptions, SequenceModel } from '../common/sequence-model.js';
import { noise } from './batches.js';
import { RGAN_CONFIG, upgradeSavedConfig, type RGANConfig } from './config.js';
import { buildDiscriminator, buildGenerator, withCondition } from './networks.js';
import { RGANTrainer } from './trainer.js';

export type { FitData, FitOptions, SampleBatchOptions, SampleOptions } from '../common/sequence-model.js';

/** The training state kept in model.json: enough to resume bit for bit. */
export interface RGANTrainingState {
  iteration: number;
  rng: RandomState;
  history: Array<{ iteration: number; losses: Losses }>;
}

interface RGANParts {
  generator: RecurrentNetwork;
  discriminator: RecurrentNetwork;
  trainer: RGANTrainer;
  optimizers: ReturnType<RGANTrainer['optimizers']>;
}

/**
 * A recurrent GAN (RGAN / C-RNN-GAN / RCGAN options).
 *
 * @example
 * const gan = new RecurrentGAN({ seqLen: 24, generator: { hidden: 24 } });
 * await gan.fit(prepared, { iterations: 1000 });
 * const samples = gan.sample(100, { seed: 1 }); // decoded to the data's columns and units
 * await gan.save('model/');
 */
export class RecurrentGAN extends ModelBase<RGANConfig, RGANParts> implements SequenceModel {
  static readonly kind = 'rgan';
  readonly kind = RecurrentGAN.kind;
  private progress: { iteration: number; history: RGANTrainingState['history'] } = { iteration: 0, history: [] };

  constructor(config?: DeepPartial<RGANConfig>) {
    super(RGAN_CONFIG, config);
    if (this.config.features > 0) this.build();
  }

  /** Where training stands: iterations done, loss history and the training random state. */
  get training(): RGANTrainingState {
    return { iteration: this.progress.iteration, rng: this.rng.getState(), history: structuredClone(this.progress.history) };
  }

  /** Trains until `options.iterations` iterations in total have run. */
  async fit(data: FitData, options: FitOptions): Promise<LoopResult> {
    const conditions = conditionCount(data);
    this.adoptData(data, { seqLen: data.length, features: data.features, conditions });
    const { trainer } = this.build();
    const training = { ...data, conditionCount: conditions };
    const logEvery = options.logEvery ?? 50;
    return runTrainingLoop({
      phases: [{ name: 'adversarial', iterations: options.iterations }],
      startIteration: this.progress.iteration,
      logEvery,
      step: (i) => {
        const losses = trainer.iteration(training, this.rng);
        this.progress.iteration = i + 1;
        if ((i + 1) % logEvery === 0) this.progress.history.push({ iteration: i + 1, losses: { ...losses } });
        return { ...losses };
      },
      ...loopHooks(() => this.parameters(), (dir) => this.save(dir), options),
    });
  }

  /** n new sequences, decoded to the data's columns, units and labels (needs an encoder). */
  sample(n: number, options: SampleOptions = {}): DecodedSamples {
    const encoder = this.decodingEncoder();
    const condition = this.conditionVector(options.condition);
    const scaled = this.sampleScaled(n, { seed: options.seed, condition });
    const conditions = condition === undefined ? undefined : repeatRows(condition, n);
    return encoder.decodeWindows(scaled, this.config.seqLen, conditions);
  }

  /**
   * The same n sequences as `sample(n, options)`, decoded about `options.batch` at a time
   * (default 4,096, fewer when 4,096 sequences would hold over 2²⁰ values), so that memory does not
   * grow with n. Mistakes throw here, before the first batch.
   *
   * @example
   * for (const part of gan.sampleBatches(1_000_000, { seed: 1 })) write(part);
   */
  sampleBatches(n: number, options: SampleBatchOptions = {}): Iterable<DecodedSamples> {
    const encoder = this.decodingEncoder();
    const condition = this.conditionVector(options.condition);
    const sizes = sampleBatchSizes(n, this.config.batchSize, this.config.seqLen * this.config.features, options.batch);
    const rng = new Random(options.seed ?? this.config.seed + 1);
    const seqLen = this.config.seqLen;
    const generate = (b: number): Float32Array => this.generate(b, rng, condition);
    return (function* () {
      for (const b of sizes) yield encoder.decodeWindows(generate(b), seqLen, condition === undefined ? undefined : repeatRows(condition, b));
    })();
  }

  /** n sequences [n, seqLen, features] on the training scale, with an encoded condition vector. */
  sampleScaled(n: number, options: { seed?: number; condition?: Float32Array } = {}): Float32Array {
    return this.generate(n, new Random(options.seed ?? this.config.seed + 1), options.condition);
  }

  /** The next n sequences of `rng`'s noise stream, generated a model batch at a time. */
  private generate(n: number, rng: Random, condition: Float32Array | undefined): Float32Array {
    const { generator } = this.build();
    const { seqLen: t, features: f, batchSize } = this.config;
    const e = this.engine;
    return generateInBatches(n, batchSize, t * f, (b) =>
      e.step(() =>
        e.noGrad(() => {
          const z = noise(e, b, t, this.config.noise, rng);
          const y = condition === undefined ? undefined : e.tensor([b, condition.length], repeatRows(condition, b));
          return generator.forward(withCondition(z, y)).toFloat32Array();
        }),
      ),
    );
  }

  /** Rebuilds the exact model saved in `dir` (weights, encoder, optimizer and random state). */
  static async load(dir: string): Promise<RecurrentGAN> {
    const saved = await readSavedModel<RGANTrainingState>(dir, RecurrentGAN.kind, ['iteration', 'history']);
    const gan = new RecurrentGAN(upgradeSavedConfig(saved.config) as DeepPartial<RGANConfig>);
    gan.progress = { iteration: saved.training.iteration, history: saved.training.history };
    gan.restore(saved);
    return gan;
  }

  /** Parameters by their model-file names ('generator.recurrent.weight_ih_l0', …): generator, then discriminator. */
  namedParameters(): Array<[string, Parameter]> {
    const { generator, discriminator } = this.build();
    return namedNetworkParameters({ generator, discriminator });
  }

  protected create(init: Random): RGANParts {
    const generator = buildGenerator(this.engine, this.config, init);
    const discriminator = buildDiscriminator(this.engine, this.config, init);
    const trainer = new RGANTrainer(this.engine, this.config, generator, discriminator);
    return { generator, discriminator, trainer, optimizers: trainer.optimizers() };
  }

  protected trainingState(): RGANTrainingState {
    return this.training;
  }

  private conditionVector(condition: Record<string, string | number> | undefined): Float32Array | undefined {
    if (this.config.conditions === 0) {
      if (condition !== undefined && Object.keys(condition).length > 0) throw new UserError('the model has no condition columns', { flag: '--condition' });
      return undefined;
    }
    if (condition === undefined) throw new UserError('the model is conditional: give a value for each condition column', { flag: '--condition' });
    return this.encoder!.encodeCondition(condition, '--condition');
  }
}

function conditionCount(data: FitData): number {
  return data.conditionCount ?? data.encoder?.conditionCount ?? 0;
}

function repeatRows(row: Float32Array, n: number): Float32Array {
  const out = new Float32Array(row.length * n);
  for (let i = 0; i < n; i++) out.set(row, i * row.length);
  return out;
}
