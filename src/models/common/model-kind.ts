// A model kind as a plug-in: everything the CLI and the loaders need to know about one kind,
// so that commands ask the registry (src/models/registry.ts) instead of naming kinds.
import type { z } from 'zod';
import { configFromFlags, flagsOf, type FlagSpec } from '../../config.js';
import type { SequenceModel } from './sequence-model.js';

/** What a kind trains on: windows of real values (rgan, timegan), or of tokens (text kinds, soon). */
export type DataKind = 'real-valued sequences' | 'token sequences';

export interface ModelKind {
  /** The name --model takes and model.json records. */
  readonly name: string;
  /** One line for --help. */
  readonly description: string;
  readonly data: DataKind;
  /** Whether it trains on condition columns and samples given their values (--condition). */
  readonly conditional: boolean;
  /** What `sample` returns, in words. */
  readonly samples: string;
  /** Its config, each setting declared once (src/config.ts). */
  readonly schema: z.ZodType;
  /** Its CLI flags: one per flag-bearing setting of the schema, plus any of its own. */
  readonly flags: readonly FlagSpec[];
  /** The partial config that checked flag values (by flag name) ask for. */
  configFromFlags(values: ReadonlyMap<string, unknown>): Record<string, unknown>;
  /** A new, untrained model; `config` is validated against the schema. */
  create(config: Record<string, unknown>): SequenceModel;
  /** The model saved in `dir` (a model directory of this kind). */
  load(dir: string): Promise<SequenceModel>;
}

/** A kind whose flags are exactly its schema's, plus `extraFlags` that its own `configFromFlags` reads. */
export function defineKind(
  kind: Omit<ModelKind, 'flags' | 'configFromFlags'> & {
    extraFlags?: FlagSpec[];
    configFromFlags?: (values: ReadonlyMap<string, unknown>, fromSchema: Record<string, unknown>) => Record<string, unknown>;
  },
): ModelKind {
  const { extraFlags = [], configFromFlags: adjust, ...rest } = kind;
  return {
    ...rest,
    flags: [...flagsOf(kind.schema), ...extraFlags],
    configFromFlags: (values) => {
      const fromSchema = configFromFlags(kind.schema, values);
      return adjust === undefined ? fromSchema : adjust(values, fromSchema);
    },
  };
}
