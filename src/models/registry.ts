// The model kinds this version knows, in one list: adding a kind is a folder under src/models
// and one line here. Commands ask this registry; they never name a kind.
import { checkSequenceFits } from '../engine/memory.js';
import { UserError } from '../errors.js';
import { readModelDescription } from '../io/model-directory.js';
import type { ModelKind } from './common/model-kind.js';
import type { SequenceModel } from './common/sequence-model.js';
import { RGAN_KIND } from './rgan/kind.js';
import { TIMEGAN_KIND } from './timegan/kind.js';

export type { ModelKind, DataKind } from './common/model-kind.js';
export type { SequenceModel } from './common/sequence-model.js';

export const KINDS: readonly ModelKind[] = [
  RGAN_KIND,
  TIMEGAN_KIND,
];

/** The names of the model kinds, for --model. */
export const MODEL_KINDS = KINDS.map((kind) => kind.name);

/** The kind called `name`; an unknown one is a UserError naming `flag` (or the model directory). */
export function modelKind(name: string, where: { flag?: string; file?: string } = {}): ModelKind {
  const kind = KINDS.find((k) => k.name === name);
  if (kind === undefined) throw new UserError(`the model kind "${name}" is not one this version knows (${MODEL_KINDS.join(', ')})`, where);
  return kind;
}

/** Loads the model saved in `dir`, whatever its kind. */
export async function loadModel(dir: string, flag?: string): Promise<SequenceModel> {
  const { kind, config } = await readModelDescription(dir, { flag });
  if (!MODEL_KINDS.includes(kind)) throw new UserError(`holds a model of kind "${kind}", which this version does not know`, { flag, file: dir });
  // a hostile seqLen is refused before the model allocates anything
  const { seqLen, features } = (config ?? {}) as { seqLen?: unknown; features?: unknown };
  if (typeof seqLen === 'number' && typeof features === 'number') checkSequenceFits(seqLen, features, { flag, file: dir });
  return modelKind(kind).load(dir);
}
