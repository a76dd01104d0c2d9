// The skeleton every model kind fills in: a validated config, the data encoder, a seeded random
// generator, networks built once the data's shape is known, and the model directory's save and
// load (weights, optimizer moments, training state). A kind adds its networks, steps and state.
import type { z } from 'zod';
import { resolveConfig } from '../../config.js';
import { DataEncoder } from '../../data/encoder.js';
import { Engine } from '../../engine/engine.js';
import { Random, type RandomState } from '../../engine/random.js';
import type { Parameter } from '../../engine/tensor.js';
import { UserError } from '../../errors.js';
import { loadModelDirectory, saveModelDirectory, type ModelFiles, type NamedTensor } from '../../io/model-directory.js';
import type { Adam } from '../../nn/adam.js';
import { parameterTensors, restoreParameters, savedState } from './model-parts.js';
import { optimizerSteps, optimizerTensors, restoreOptimizers, type OptimizerSteps } from './optimizer-files.js';
import type { FitData } from './sequence-model.js';

/** The settings the skeleton reads from every kind's config. */
export interface BaseConfig {
  seqLen: number;
  features: number;
  seed: number;
}

/** What a kind builds from its config: its networks' parameters by name and its optimizers by name. */
export interface BuiltModel {
  optimizers: Record<string, Adam>;
}

/** A model directory read back for a kind: its config and training state, and its tensors by name. */
export interface SavedModel<T> {
  dir: string;
  files: ModelFiles;
  config: Record<string, unknown>;
  training: T & { rng: RandomState; optimizers: OptimizerSteps };
  tensors: Map<string, NamedTensor>;
}

export abstract class ModelBase<C extends BaseConfig, B extends BuiltModel> {
  abstract readonly kind: string;
  config: C;
  encoder: DataEncoder | null = null;
  protected readonly engine = Engine.wasm();
  protected readonly rng: Random;
  private built: B | null = null;

  protected constructor(private readonly schema: z.ZodType<C>, given: unknown) {
    this.config = resolveConfig(schema, given === undefined ? {} : given);
    this.rng = new Random(this.config.seed);
  }

  /** Builds the networks and optimizers from the config, drawing initial weights from `init`. */
  protected abstract create(init: Random): B;
  /** Parameters by their model-file names ('generator.recurrent.weight_ih_l0', …). */
  abstract namedParameters(): Array<[string, Parameter]>;
  /** The kind's training state for model.json (besides the optimizers' step counts). */
  protected abstract trainingState(): object;

  /** The networks and optimizers, built on first use (the data's shape must be known). */
  protected build(): B {
    if (this.built !== null) return this.built;
    if (this.config.features < 1) throw new Error('the model has no data shape yet: call fit() first');
    this.built = this.create(new Random(this.config.seed ^ 0x5eed));
    return this.built;
  }

  protected get isBuilt(): boolean {
    return this.built !== null;
  }

  /** All trainable parameters, in model-file order. */
  parameters(): Parameter[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /**
   * Takes the data's encoder, and its shape into the config before the first build (`shape`: the
   * config's values the data decides); a built model's shape must match the data's.
   */
  protected adoptData(data: FitData, shape: Partial<C>): void {
    if (data.encoder !== undefined) this.encoder = data.encoder;
    if (!this.isBuilt) {
      this.config = resolveConfig(this.schema, { ...this.config, ...shape });
      return;
    }
    const differs = Object.entries(shape).some(([key, value]) => this.config[key as keyof C] !== value);
    if (differs) throw new UserError(`the data has ${describeShape(shape)}; the model was built for ${describeShape(this.config, Object.keys(shape))}`);
  }

  /** Writes the model directory (model.json + weights.bin), optimizer state and `extra` tensors included. */
  async save(dir: string): Promise<void> {
    const { optimizers } = this.build();
    await saveModelDirectory(dir, {
      kind: this.kind,
      config: this.config,
      data: this.encoder?.toJSON() ?? null,
      training: { ...this.trainingState(), optimizers: optimizerSteps(optimizers) },
      tensors: [...parameterTensors(this.namedParameters()), ...optimizerTensors(optimizers), ...this.extraTensors()],
    });
  }

  /** The encoder that decodes samples to the data's columns; a model trained on raw windows has none. */
  protected decodingEncoder(): DataEncoder {
    if (this.encoder === null) throw new UserError('the model was trained on raw windows without a data schema: use sampleScaled()');
    return this.encoder;
  }

  /** Tensors a kind saves besides its parameters and optimizer moments. */
  protected extraTensors(): NamedTensor[] {
    return [];
  }

  /** Puts saved weights, optimizer moments, encoder and random state back into this (new) model. */
  protected restore(saved: SavedModel<unknown>): B {
    if (saved.files.data !== null) this.encoder = DataEncoder.fromJSON(saved.files.data);
    this.rng.setState(saved.training.rng);
    restoreParameters(this.namedParameters(), saved.tensors, saved.dir);
    const built = this.build();
    restoreOptimizers(built.optimizers, saved.training.optimizers, saved.tensors);
    return built;
  }
}

/**
 * The model directory `dir` read for kind `kind`: model.json's config and training state (which
 * must hold `required`), and weights.bin's tensors by name.
 */
export async function readSavedModel<T>(dir: string, kind: string, required: readonly string[]): Promise<SavedModel<T>> {
  const files = await loadModelDirectory(dir);
  if (files.kind !== kind) throw new UserError(`holds a ${files.kind} model, not ${kind}`, { file: dir });
  const { config, training } = savedState<Record<string, unknown>, SavedModel<T>['training']>(files, dir, ['rng', 'optimizers', ...required]);
  return { dir, files, config, training, tensors: new Map(files.tensors.map((t) => [t.name, t])) };
}

/** "windows of 24×5 with 2 conditions" for the shape keys of a config. */
function describeShape(values: object, keys = Object.keys(values)): string {
  const v = values as Record<string, unknown>;
  const conditions = keys.includes('conditions') ? ` with ${String(v.conditions)} condition values` : '';
  return `windows of ${String(v.seqLen)}×${String(v.features)}${conditions}`;
}
