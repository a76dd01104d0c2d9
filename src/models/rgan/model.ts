// RecurrentGAN: the public face of the recurrent GAN — build from a config, fit on prepared
// data, sample new sequences, save and load a model directory, resume from a checkpoint.
import type { DeepPartial } from '../../config.js';
import { DataEncoder } from '../../data/encoder.js';
import type { DecodedSamples } from '../../data/samples.js';
import { Engine } from '../../engine/engine.js';
import { Random, type RandomState } from '../../engine/random.js';
import type { Parameter } from '../../engine/tensor.js';
import { UserError } from '../../errors.js';
import { loadModelDirectory, saveModelDirectory, type ModelFiles } from '../../io/model-directory.js';
import { runTrainingLoop, type LoopResult, type Losses, type ProgressEvent } from '../../train/loop.js';
import { noise, type TrainingData } from './batches.js';
import { resolveRGANConfig, type RGANConfig } from './config.js';
import { Discriminator, Generator } from './networks.js';
import { RGANTrainer } from './trainer.js';
import { generateInBatches, loopHooks, parameterTensors, restoreParameters, sampleBatchSizes, savedState } from '../model-parts.js';
import { optimizerSteps, optimizerTensors, restoreOptimizers, type OptimizerSteps } from '../optimizer-files.js';

/** Data for `fit`: training windows, optionally with the encoder that made them. */
export type FitData = TrainingData & { encoder?: DataEncoder };

export interface FitOptions {
  /** Total iterations to reach (a resumed model continues from where it stopped). */
  iterations: number;
  onProgress?: (event: ProgressEvent) => void;
  /** Iterations between progress events and loss-history entries (default 50). */
  logEvery?: number;
  /** Stops cleanly after the current iteration; a checkpoint is still written. */
  signal?: AbortSignal;
  /** Directory for checkpoints (written every `checkpointEvery` iterations and at the end). */
  checkpointDir?: string;
  checkpointEvery?: number;
}

export interface SampleOptions {
  /** Condition values by column name, for a conditional model. */
  condition?: Record<string, string | number>;
  /** Noise seed: the same seed gives the same sequences, also after save and load. */
  seed?: number;
}

export interface SampleBatchOptions extends SampleOptions {
  /** Sequences per batch, about (rounded up to whole model batches); default 4,096, or fewer to stay under 2²⁰ values. */
  batch?: number;
}

/** The training state kept in model.json: enough to resume bit for bit. */
export interface RGANTrainingState {
  iteration: number;
  rng: RandomState;
  history: Array<{ iteration: number; losses: Losses }>;
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
export class RecurrentGAN {
  static readonly kind = 'rgan';
  config: RGANConfig;
  encoder: DataEncoder | null = null;
  private progress: { iteration: number; history: RGANTrainingState['history'] } = { iteration: 0, history: [] };
  private readonly engine = Engine.wasm();
  private networks: { generator: Generator; discriminator: Discriminator; trainer: RGANTrainer } | null = null;
  private readonly rng: Random;

  constructor(config?: DeepPartial<RGANConfig>) {
    this.config = resolveRGANConfig(config);
    this.rng = new Random(this.config.seed);
    if (this.config.features > 0) this.build();
  }

  /** Where training stands: iterations done, loss history and the training random state. */
  get training(): RGANTrainingState {
    return { iteration: this.progress.iteration, rng: this.rng.getState(), history: structuredClone(this.progress.history) };
  }

  /** Trains until `options.iterations` iterations in total have run. */
  async fit(data: FitData, options: FitOptions): Promise<LoopResult> {
    this.adoptData(data);
    const { trainer } = this.build();
    const training: TrainingData = { ...data, conditionCount: conditionCount(data) };
    const logEvery = options.logEvery ?? 50;
    return runTrainingLoop({
      iterations: options.iterations,
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
          return generator.forward(z, y).toFloat32Array();
        }),
      ),
    );
  }

  private decodingEncoder(): DataEncoder {
    if (this.encoder === null) throw new UserError('the model was trained on raw windows without a data schema: use sampleScaled()');
    return this.encoder;
  }

  /** Writes the model directory (model.json + weights.bin), optimizer state included. */
  async save(dir: string): Promise<void> {
    const { trainer } = this.build();
    const files: ModelFiles = {
      format: 1,
      kind: RecurrentGAN.kind,
      config: this.config,
      data: this.encoder?.toJSON() ?? null,
      training: { ...this.training, optimizers: optimizerSteps(trainer.optimizers()) },
      tensors: [...parameterTensors(this.namedParameters()), ...optimizerTensors(trainer.optimizers())],
    };
    await saveModelDirectory(dir, files);
  }

  /** Rebuilds the exact model saved in `dir` (weights, encoder, optimizer and random state). */
  static async load(dir: string): Promise<RecurrentGAN> {
    const files = await loadModelDirectory(dir);
    if (files.kind !== RecurrentGAN.kind) throw new UserError(`holds a ${files.kind} model, not ${RecurrentGAN.kind}`, { file: dir });
    const { config, training } = savedState<RGANConfig, RGANTrainingState & { optimizers: OptimizerSteps }>(files, dir, ['iteration', 'rng', 'history', 'optimizers']);
    const gan = new RecurrentGAN(config);
    if (files.data !== null) gan.encoder = DataEncoder.fromJSON(files.data);
    gan.progress = { iteration: training.iteration, history: training.history };
    gan.rng.setState(training.rng);
    const byName = new Map(files.tensors.map((t) => [t.name, t]));
    restoreParameters(gan.namedParameters(), byName, dir);
    restoreOptimizers(gan.build().trainer.optimizers(), training.optimizers, byName);
    return gan;
  }

  /** All trainable parameters (generator, then discriminator). */
  parameters(): Parameter[] {
    const { generator, discriminator } = this.build();
    return [...generator.parameters(), ...discriminator.parameters()];
  }

  /** Parameters by their model-file names ('generator.recurrent.weight_ih_l0', …). */
  namedParameters(): Array<[string, Parameter]> {
    const { generator, discriminator } = this.build();
    return [
      ...generator.namedParameters().map(([n, p]): [string, Parameter] => [`generator.${n}`, p]),
      ...discriminator.namedParameters().map(([n, p]): [string, Parameter] => [`discriminator.${n}`, p]),
    ];
  }

  private adoptData(data: FitData): void {
    if (data.encoder !== undefined) this.encoder = data.encoder;
    const conditions = conditionCount(data);
    if (this.networks === null) {
      this.config = resolveRGANConfig({ ...this.config, seqLen: data.length, features: data.features, conditions });
      return;
    }
    const c = this.config;
    if (data.length !== c.seqLen || data.features !== c.features || conditions !== c.conditions) {
      throw new UserError(`the data has windows of ${data.length}×${data.features} with ${conditions} condition values; the model was built for ${c.seqLen}×${c.features} with ${c.conditions}`);
    }
  }

  private build(): NonNullable<RecurrentGAN['networks']> {
    if (this.networks !== null) return this.networks;
    if (this.config.features < 1) throw new Error('the model has no data shape yet: call fit() first');
    const init = new Random(this.config.seed ^ 0x5eed);
    const generator = new Generator(this.engine, this.config, init);
    const discriminator = new Discriminator(this.engine, this.config, init);
    const trainer = new RGANTrainer(this.engine, this.config, generator, discriminator);
    this.networks = { generator, discriminator, trainer };
    return this.networks;
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
