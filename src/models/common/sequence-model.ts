// What every model kind offers the CLI and the library's users, and what its fit and sample take.
import type { DataEncoder } from '../../data/encoder.js';
import type { DecodedSamples } from '../../data/samples.js';
import type { LoopResult, ProgressEvent } from '../../train/loop.js';
import type { TrainingData } from './batches.js';

/** Data for `fit`: training windows, optionally with the encoder that made them. */
export type FitData = TrainingData & { encoder?: DataEncoder };

export interface FitOptions {
  /** Total iterations to reach (a resumed model continues from where it stopped; TimeGAN: per phase). */
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

/** A trained or trainable generative sequence model, whatever its kind. */
export interface SequenceModel {
  /** Its kind's name in the registry and in model.json ('rgan', 'timegan'). */
  readonly kind: string;
  readonly config: { seqLen: number; seed: number };
  readonly encoder: DataEncoder | null;
  readonly training: { iteration: number };
  fit(data: FitData, options: FitOptions): Promise<LoopResult>;
  /** n new sequences decoded to the data's columns, units and labels. */
  sample(n: number, options?: SampleOptions): DecodedSamples;
  /** The same n sequences as `sample`, a batch at a time: memory does not grow with n. */
  sampleBatches(n: number, options?: SampleBatchOptions): Iterable<DecodedSamples>;
  /** n sequences [n, seqLen, features] on the training scale. */
  sampleScaled(n: number, options?: { seed?: number }): Float32Array;
  save(dir: string): Promise<void>;
}
