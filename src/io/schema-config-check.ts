// model.json's data schema and config describe the same tensors from two sides: the schema says
// how many values each time step and each condition vector holds, the config says what the
// networks were built for. A file where they disagree (put together from two models, or edited
// by hand) would load and then fail deep inside the engine or decode the wrong columns.
import { DataEncoder } from '../data/encoder.js';
import { UserError } from '../errors.js';

/** Throws a UserError naming `file` and both numbers when `data` and `config` disagree. */
export function checkSchemaAgainstConfig(config: unknown, data: unknown, file: string): void {
  // A model trained on raw windows has no schema; the kind's own config checks cover the rest.
  if (data === null || typeof config !== 'object' || config === null) return;
  const encoder = schemaOf(data, file);
  const sizes = config as Record<string, unknown>;
  const pairs = [
    ['features', encoder.featureCount, 'values per time step'],
    ['conditions', encoder.conditionCount, 'condition values'],
  ] as const;
  for (const [key, fromSchema, what] of pairs) {
    if (key in sizes && sizes[key] !== fromSchema) {
      throw new UserError(`the data schema has ${fromSchema} ${what} but "config.${key}" is ${String(JSON.stringify(sizes[key])).slice(0, 40)}`, { file });
    }
  }
}

function schemaOf(data: unknown, file: string): DataEncoder {
  try {
    return DataEncoder.fromJSON(data);
  } catch (e) {
    if (e instanceof UserError) throw new UserError(e.problem, { file });
    throw e;
  }
}
