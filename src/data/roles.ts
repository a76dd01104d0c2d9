// Which column plays which part: series id, time, condition or feature.
import { UserError } from '../errors.js';
import { flagOf, type ResolvedDataOptions } from './options.js';
import type { DataSource } from './source.js';

/** Column indices into `source.columns` by role; features keep the file's order. */
export interface ColumnRoles {
  id?: number;
  time?: number;
  conditions: number[];
  features: number[];
  /** Feature or condition columns the user declared categorical. */
  categorical: Set<number>;
}

/**
 * Assigns roles: the named id and time columns (or columns named `id` / `time`, or the source's
 * default time column), the condition columns in the order given, and every other column as a
 * feature. Names that are not columns are UserErrors listing the columns there are.
 */
export function resolveRoles(source: DataSource, options: ResolvedDataOptions): ColumnRoles {
  const find = (name: string, key: 'id' | 'time' | 'conditions' | 'categorical'): number => {
    const c = source.columns.indexOf(name);
    if (c >= 0) return c;
    const problem = `no column named ${JSON.stringify(name)}; the columns are ${source.columns.join(', ')}`;
    throw new UserError(problem, { file: source.file, flag: flagOf(key) });
  };
  const byName = (name: string | undefined): number | undefined =>
    name !== undefined && source.columns.includes(name) ? source.columns.indexOf(name) : undefined;
  const id = options.id !== undefined ? find(options.id, 'id') : byName('id');
  const time = options.time !== undefined ? find(options.time, 'time') : (byName('time') ?? byName(source.defaultTime));
  if (id !== undefined && id === time) {
    throw new UserError(`column ${JSON.stringify(source.columns[id])} cannot be both the id and the time column`, { file: source.file, flag: flagOf('time') });
  }
  const conditions = options.conditions.map((name) => find(name, 'conditions'));
  conditions.forEach((c, i) => {
    const name = JSON.stringify(source.columns[c]);
    if (c === id || c === time) throw new UserError(`column ${name} cannot be a condition: it is the ${c === id ? 'id' : 'time'} column`, { file: source.file, flag: flagOf('conditions') });
    if (conditions.indexOf(c) !== i) throw new UserError(`condition column ${name} is named twice`, { file: source.file, flag: flagOf('conditions') });
  });
  const categorical = new Set(options.categorical.map((name) => find(name, 'categorical')));
  const taken = new Set([id, time, ...conditions]);
  const features = source.columns.map((_, c) => c).filter((c) => !taken.has(c));
  if (features.length === 0) throw new UserError('no feature columns are left after the id, time and condition columns', { file: source.file });
  return { id, time, conditions, features, categorical };
}
