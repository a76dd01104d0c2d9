// Checking a data schema read back from model.json before an encoder is built on it.
import { UserError } from '../errors.js';
import type { ColumnSpec } from './layout.js';

/** `json` as {features, conditions} column specs, or a UserError saying what is wrong. */
export function checkSchema(json: unknown): { features: ColumnSpec[]; conditions: ColumnSpec[] } {
  const bad = (problem: string): UserError => new UserError(`invalid data schema in the model: ${problem}`);
  if (typeof json !== 'object' || json === null) throw bad('expected an object with features and conditions');
  const { features, conditions } = json as { features?: unknown; conditions?: unknown };
  if (!Array.isArray(features) || features.length === 0) throw bad('"features" must be a non-empty array');
  if (conditions !== undefined && !Array.isArray(conditions)) throw bad('"conditions" must be an array');
  const specs = [...features, ...(conditions ?? [])].map((spec, i) => checkSpec(spec, i, bad));
  const names = specs.map((spec) => spec.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw bad(`column ${JSON.stringify(twice)} appears twice`);
  return { features: specs.slice(0, features.length), conditions: specs.slice(features.length) };
}

function checkSpec(spec: unknown, i: number, bad: (problem: string) => UserError): ColumnSpec {
  const s = spec as Partial<Record<string, unknown>> | null;
  if (typeof s !== 'object' || s === null || typeof s.name !== 'string' || s.name === '') {
    throw bad(`column ${i} has no name`);
  }
  const name = JSON.stringify(s.name);
  if (s.kind === 'numeric') {
    const { min, max } = s;
    if (typeof min !== 'number' || typeof max !== 'number' || !Number.isFinite(min) || !Number.isFinite(max) || min > max) {
      throw bad(`numeric column ${name} needs finite min ≤ max`);
    }
    return { name: s.name, kind: 'numeric', min, max };
  }
  if (s.kind === 'categorical') {
    const { categories } = s;
    if (!Array.isArray(categories) || categories.length === 0 || !categories.every((c) => typeof c === 'string')) {
      throw bad(`categorical column ${name} needs a non-empty list of string categories`);
    }
    if (new Set(categories).size !== categories.length) throw bad(`categorical column ${name} repeats a category`);
    return { name: s.name, kind: 'categorical', categories: [...(categories as string[])] };
  }
  throw bad(`column ${name} has kind ${JSON.stringify(s.kind)}; expected "numeric" or "categorical"`);
}
