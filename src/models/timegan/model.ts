// TimeGAN: the public face of Yoon et al.'s model (docs/TIMEGAN.md §6) with RecurrentGAN's
// surface — build from a config, fit on prepared data, sample, save and load, resume.
//
// §6.1 (TimeGAN's own min-max pre-scaling) is skipped: our data layer already scales every feature
// to [0, 1], where §6.1 changes next to nothing, so `fit` checks the range instead and samples come
// out on the [0, 1] scale that the encoder decodes.
import type { DeepPartial } from '../../config.js';
import type { DecodedSamples } from '../../data/samples.js';
import { Random, type RandomState } from '../../engine/random.js';
import type { Parameter } from '../../engine/tensor.js';
import { UserError } from '../../errors.js';
import type { NamedTensor } from '../../io/model-directory.js';
import { WeightAverage } from '../../nn/weight-average.js';
import { runTrainingLoop, type LoopResult, type Losses } from '../../train/loop.js';
import { ModelBase, readSavedModel } from '../common/model-base.js';
import { generateInBatches, loopHooks, sampleBatchSizes, savedTensor } from '../common/model-parts.js';
import { namedNetworkParameters } from '../common/recurrent-network.js';
import type { FitData, FitOptions, SampleBatchOptions, SampleOptions, SequenceModel } from '../common/sequence-model.js';
import { uniformNoise } from './batches.js';
import { TIMEGAN_CONFIG, type TimeGANConfig } from './config.js';
import { buildNetworks, type TimeGANNetworks } from './networks.js';
import { learningRateFactor, nextPhase, noPhaseIterations, schedulePosition, totalIterations, trainingPhases, type PhaseIterations, type PhaseName } from './schedule.js';
import { TimeGANTrainer } from './trainer.js';

export type { FitData, FitOptions, SampleBatchOptions, SampleOptions } from '../common/sequence-model.js';

interface TimeGANParts {
  nets: TimeGANNetworks;
  trainer: TimeGANTrainer;
  optimizers: TimeGANTrainer['optimizers'];
  average: WeightAverage | null;
}

/** The training state kept in model.json: enough to resume bit for bit. */
export interface TimeGANTrainingState {
  /** Iterations done in all three phases together. */
  iteration: number;
  /** Iterations done in each phase. */
  phases: PhaseIterations;
  /** Joint iterations whose D_loss exceeded the threshold, so that the discriminator stepped. */
  discriminatorUpdates: number;
  rng: RandomState;
  history: Array<{ iteration: number; phase: PhaseName; losses: Losses }>;
}

/** Values may exceed [0, 1] by this much (float rounding in scalers). */
const RANGE_SLACK = 1e-5;

/**
 * TimeGAN (Yoon, Jarrett & van der Schaar, 2019): embedder, recovery, generator, supervisor and
 * discriminator trained in three phases of `iterations` each (embedding, supervised, joint).
 * Progress events count across the phases (1 … 3·iterations); their losses name the phase:
 * { embedding } (10·√E_T0), then { supervised } (S), then { discriminator, generator, embedder }.
 *
 * @example
 * const gan = new TimeGAN({ hidden: 24, layers: 3 });
 * await gan.fit(prepared, { iterations: 10_000 }); // 10,000 per phase
 * const samples = gan.sample(100, { seed: 1 });
 * await gan.save('model/');
 */
export class TimeGAN extends ModelBase<TimeGANConfig, TimeGANParts> implements SequenceModel {
  static readonly kind = 'timegan';
  readonly kind = TimeGAN.kind;
  private progress: { phases: PhaseIterations; history: TimeGANTrainingState['history'] } = { phases: noPhaseIterations(), history: [] };

  constructor(config?: DeepPartial<TimeGANConfig>) {
    super(TIMEGAN_CONFIG, config);
    if (this.config.features > 0) this.build();
  }

  /** Where training stands: iterations per phase, discriminator updates, history, random state. */
  get training(): TimeGANTrainingState {
    const { phases, history } = this.progress;
    return {
      iteration: totalIterations(phases),
      phases: { ...phases },
      discriminatorUpdates: this.isBuilt ? this.build().trainer.discriminatorUpdates : 0,
      rng: this.rng.getState(),
      history: structuredClone(history),
    };
  }

  /** Trains until each phase has had `options.iterations` iterations (a resumed model continues). */
  async fit(data: FitData, options: FitOptions): Promise<LoopResult> {
    const perPhase = options.iterations;
    if (!Number.isInteger(perPhase) || perPhase < 1) throw new UserError(`iterations must be a positive integer, got ${perPhase}`, { flag: '--iterations' });
    if ((data.conditionCount ?? data.encoder?.conditionCount ?? 0) > 0) {
      throw new UserError('TimeGAN is unconditional: train it without condition columns', { flag: '--condition' });
    }
    checkUnitRange(data);
    this.adoptData(data, { seqLen: data.length, features: data.features });
    const { trainer, average } = this.build();
    const logEvery = options.logEvery ?? 50;
    return runTrainingLoop({
      phases: trainingPhases(perPhase, this.config.discriminatorSteps),
      startIteration: schedulePosition(this.progress.phases, perPhase),
      logEvery,
      step: (i) => {
        const phase = nextPhase(this.progress.phases, perPhase);
        // the average covers the joint phase only: it starts from the pretrained weights
        if (phase === 'joint' && this.progress.phases.joint === 0) average?.reset();
        if (phase === 'joint') trainer.setJointLearningRate(this.jointLearningRate(perPhase));
        const losses = this.phaseStep(trainer, phase, data);
        if (phase === 'joint') average?.update();
        this.progress.phases[phase]++;
        if ((i + 1) % logEvery === 0) this.progress.history.push({ iteration: i + 1, phase, losses: { ...losses } });
        return { ...losses };
      },
      ...loopHooks(() => this.parameters(), (dir) => this.save(dir), options),
    });
  }

  /** n new sequences decoded to the data's columns and units (needs an encoder). TimeGAN takes no conditions. */
  sample(n: number, options: SampleOptions = {}): DecodedSamples {
    this.refuseCondition(options);
    return this.decodingEncoder().decodeWindows(this.sampleScaled(n, { seed: options.seed }), this.config.seqLen);
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
    this.refuseCondition(options);
    const encoder = this.decodingEncoder();
    const sizes = sampleBatchSizes(n, this.config.batchSize, this.config.seqLen * this.config.features, options.batch);
    const rng = new Random(options.seed ?? this.config.seed + 1);
    const seqLen = this.config.seqLen;
    const generate = (b: number): Float32Array => this.generate(b, rng, true);
    return (function* () {
      for (const b of sizes) yield encoder.decodeWindows(generate(b), seqLen);
    })();
  }

  /**
   * n sequences X̂ = r(s(g(Z))), Z ~ U[0,1), as [n, seqLen, features] on the training scale [0, 1].
   * With `averageDecay` they come from the averaged weights, unless `averaged` is false.
   */
  sampleScaled(n: number, options: { seed?: number; averaged?: boolean } = {}): Float32Array {
    return this.generate(n, new Random(options.seed ?? this.config.seed + 1), options.averaged !== false);
  }

  /** The next n sequences of `rng`'s noise stream, from the averaged weights when there are any and `averaged`. */
  private generate(n: number, rng: Random, averaged: boolean): Float32Array {
    const { nets, average } = this.build();
    const { seqLen: t, features: f, batchSize } = this.config;
    const e = this.engine;
    const run = (): Float32Array =>
      generateInBatches(n, batchSize, t * f, (b) => {
        const z = uniformNoise(b * t * f, rng);
        return e.step(() => e.noGrad(() => nets.recovery.forward(nets.supervisor.forward(nets.generator.forward(e.tensor([b, t, f], z)))).toFloat32Array()));
      });
    return average !== null && this.progress.phases.joint > 0 && averaged ? average.withAverage(run) : run();
  }

  /** TimeGAN is unconditional: a condition asked for is a mistake, not ignored. */
  private refuseCondition(options: SampleOptions): void {
    if (options.condition !== undefined && Object.keys(options.condition).length > 0) {
      throw new UserError('a TimeGAN model has no condition columns', { flag: '--condition' });
    }
  }

  /** Rebuilds the exact model saved in `dir` (weights, encoder, optimizers, phase and random state). */
  static async load(dir: string): Promise<TimeGAN> {
    const saved = await readSavedModel<TimeGANTrainingState>(dir, TimeGAN.kind, ['phases', 'history', 'discriminatorUpdates']);
    const gan = new TimeGAN(saved.config as DeepPartial<TimeGANConfig>);
    const { training } = saved;
    gan.progress = { phases: { ...noPhaseIterations(), ...training.phases }, history: training.history };
    const { trainer, nets, average } = gan.restore(saved);
    if (average !== null) average.setValues(samplingParameters(nets).map(([name]) => savedTensor(saved.tensors, `average.${name}`, dir).data));
    trainer.discriminatorUpdates = training.discriminatorUpdates;
    return gan;
  }

  /** The parameters on the sampling path X̂ = r(s(g(Z))): generator, supervisor and recovery (the ones averaged). */
  samplingParameters(): Parameter[] {
    return samplingParameters(this.build().nets).map(([, p]) => p);
  }

  /** Parameters by their model-file names ('embedder.recurrent.weight_ih_l0', …), network by network. */
  namedParameters(): Array<[string, Parameter]> {
    return namedNetworkParameters(this.build().nets);
  }

  /** The averaged sampling weights as tensors named 'average.generator.…' (when averaging). */
  protected override extraTensors(): NamedTensor[] {
    const { nets, average } = this.build();
    if (average === null) return [];
    const values = average.values();
    return samplingParameters(nets).map(([name, p], i) => ({ name: `average.${name}`, shape: [...p.shape], data: values[i] }));
  }

  /** The learning rate of the next joint iteration under the configured decay. */
  private jointLearningRate(perPhase: number): number {
    const c = this.config;
    return c.learningRate * learningRateFactor(c.learningRateDecay, c.learningRateDecayStart, this.progress.phases.joint, perPhase);
  }

  private phaseStep(trainer: TimeGANTrainer, phase: PhaseName, data: FitData): Losses {
    switch (phase) {
      case 'embedding':
        return { embedding: trainer.embeddingIteration(data, this.rng) };
      case 'supervised':
        return { supervised: trainer.supervisedIteration(data, this.rng) };
      case 'joint':
        return { ...trainer.jointIteration(data, this.rng) };
    }
  }

  protected create(init: Random): TimeGANParts {
    const nets = buildNetworks(this.engine, this.config, init);
    const average = this.config.averageDecay > 0 ? new WeightAverage(samplingParameters(nets).map(([, p]) => p), this.config.averageDecay) : null;
    const trainer = new TimeGANTrainer(this.engine, this.config, nets);
    return { nets, trainer, optimizers: trainer.optimizers, average };
  }

  protected trainingState(): TimeGANTrainingState {
    return this.training;
  }
}

/** The networks on the sampling path X̂ = r(s(g(Z))), with their model-file names. */
function samplingParameters(nets: TimeGANNetworks): Array<[string, Parameter]> {
  return namedNetworkParameters(nets).filter(([name]) => /^(generator|supervisor|recovery)\./.test(name));
}

/** TimeGAN's sigmoid outputs reach [0, 1] only: the windows must be min-max scaled (NaN is left to the divergence guard). */
function checkUnitRange(data: FitData): void {
  const w = data.windows;
  for (let i = 0; i < w.length; i++) {
    if (w[i] < -RANGE_SLACK || w[i] > 1 + RANGE_SLACK) {
      const window = Math.floor(i / (data.length * data.features));
      throw new UserError(`TimeGAN needs features scaled to [0, 1]; window ${window} holds ${w[i]}`);
    }
  }
}
