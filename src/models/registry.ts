// The model kinds the CLI and loaders know, behind one surface: create, fit, sample, save, load.
import type { DecodedSamples } from '../data/samples.js';
import type { DataEncoder } from '../data/encoder.js';
import { UserError } from '../errors.js';
import { readModelDescription } from '../io/model-directory.js';
import type { LoopResult } from '../train/loop.js';
import { RecurrentGAN, type FitData, type FitOptions, type SampleBatchOptions, type SampleOptions } from './rgan/model.js';
import { TimeGAN } from './timegan/model.js';

/** What every generative sequence model offers. */
export interface SequenceModel {
  readonly config: { seqLen: number; seed: number };
  readonly encoder: DataEncoder | null;
  readonly training: { iteration: number };
  fit(data: FitData, options: FitOptions): Promise<LoopResult>;
  sample(n: number, options?: SampleOptions): DecodedSamples;
  sampleBatches(n: number, options?: SampleBatchOptions): Iterable<DecodedSamples>;
  sampleScaled(n: number, options?: { seed?: number }): Float32Array;
  save(dir: string): Promise<void>;
}

interface ModelKind {
  load(dir: string): Promise<SequenceModel>;
}

const KINDS: Record<string, ModelKind> = {
  [RecurrentGAN.kind]: { load: (dir) => RecurrentGAN.load(dir) },
  [TimeGAN.kind]: { load: (dir) => TimeGAN.load(dir) },
};

/** The names of the model kinds, for --model. */
export const MODEL_KINDS = Object.keys(KINDS);

/** Loads the model saved in `dir`, whatever its kind. */
export async function loadModel(dir: string, flag?: string): Promise<SequenceModel> {
  const { kind } = await readModelDescription(dir, { flag });
  const known = KINDS[kind];
  if (known === undefined) throw new UserError(`holds a model of kind "${kind}", which this version does not know`, { flag, file: dir });
  return known.load(dir);
}
