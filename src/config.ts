// Typed configs with defaults in one place: merge a user's partial config over the defaults,
// rejecting keys the defaults do not have (a misspelt option must not be silently ignored).
import { UserError } from './errors.js';

/** A config's partial form: every field optional, nested objects too. */
export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

/** `defaults` overlaid with `given`; throws a UserError naming an unknown key (e.g. "generator.hiden"). */
export function mergeConfig<T extends object>(defaults: T, given: DeepPartial<T> | undefined, path = ''): T {
  if (given === undefined) return structuredClone(defaults);
  if (!isPlainObject(given)) throw new UserError(`${path === '' ? 'the config' : `"${path}"`} must be an object`);
  const out: Record<string, unknown> = structuredClone(defaults) as Record<string, unknown>;
  for (const [key, value] of Object.entries(given)) {
    const name = path === '' ? key : `${path}.${key}`;
    if (!(key in out)) throw new UserError(`unknown option "${name}"`);
    if (value === undefined) continue;
    const base = out[key];
    if (isPlainObject(base) && isPlainObject(value)) out[key] = mergeConfig(base, value as DeepPartial<typeof base>, name);
    else out[key] = value;
  }
  return out as T;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `options` without the keys set to undefined, so that spreading it does not hide defaults. */
export function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Throws a UserError unless `value` is one of `allowed`. */
export function checkChoice<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UserError(`${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

/** Throws a UserError unless `value` is an integer ≥ `min`. */
export function checkInteger(name: string, value: number, min = 1): number {
  if (!Number.isInteger(value) || value < min) {
    throw new UserError(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
  return value;
}

/** Throws a UserError unless `value` is a finite number in [min, max]. */
export function checkNumber(name: string, value: number, min: number, max = Infinity): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new UserError(`${name} must be a number in [${min}, ${max}], got ${value}`);
  }
  return value;
}
