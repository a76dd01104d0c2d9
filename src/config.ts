// Typed configs with defaults in one place. A model's config is a zod schema whose settings each
// carry their type, default, bounds, a one-line description and the flag that sets them
// (`setting`); defaults, validation, --help text and the model file all derive from it.
// The small check* helpers below serve the nn modules' plain option objects.
import { z } from 'zod';
import { UserError } from './errors.js';

/** A config's partial form: every field optional, nested objects too. */
export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

/** What a setting says about itself besides its type, default and bounds. */
export interface SettingInfo {
  /** One line, for --help. */
  description: string;
  /** The flag that sets it, e.g. '--beta1'. */
  flag?: string;
  /** A broader setting whose flag also sets this one, unless `flag` is given ('--cell' under '--g-cell'). */
  broader?: SettingInfo;
  /** Set from the data by `fit` (seqLen, features): `flag` only names it in messages. */
  fromData?: boolean;
}

/** Every declared setting's info, by its schema. */
export const SETTINGS = z.registry<SettingInfo>();

/**
 * `schema` (with its default) declared as a setting:
 * `setting(z.int().min(1).default(24), { description: 'units per recurrent layer', flag: '--hidden' })`.
 */
export function setting<S extends z.ZodType>(schema: S, info: SettingInfo): S {
  const own = schema.clone() as S; // one schema may serve several settings: each gets its own entry
  SETTINGS.add(own, info);
  return own;
}

/** A shared setting used for one of the places it configures, with a flag of its own (`--d-hidden` under `--hidden`). */
export function narrowed<S extends z.ZodType>(shared: S, info: { flag: string; description: string }): S {
  return setting(shared, { ...info, broader: SETTINGS.get(shared) });
}

/** A config object: settings and nested groups of them, unknown keys rejected, defaults filled in. */
export function group<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape).prefault(() => ({}) as never);
}

/** Each declared setting of `schema` with its dotted path ('optimizer.beta1'), in declaration order. */
export function settingsOf(schema: z.ZodType): Array<{ path: string; schema: z.ZodType; info: SettingInfo }> {
  const info = SETTINGS.get(schema);
  if (info !== undefined) return [{ path: '', schema, info }];
  const shape = objectShape(schema);
  if (shape === null) return [];
  return Object.entries(shape).flatMap(([key, inner]) =>
    settingsOf(inner).map((s) => ({ ...s, path: s.path === '' ? key : `${key}.${s.path}` })),
  );
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  if (schema instanceof z.ZodPrefault || schema instanceof z.ZodDefault) return objectShape(schema.def.innerType as z.ZodType);
  return null;
}

/** A flag of a model kind: the settings it sets, and the schema its value must pass. */
export interface FlagSpec {
  flag: string;
  description: string;
  /** The value's type, default and bounds. */
  schema: z.ZodType;
  /** The config paths it sets ('discriminator.hidden'); a narrower flag given for one of them wins. */
  paths: string[];
}

/** The flags that set `schema`'s settings, in declaration order (a broader flag where it is first used). */
export function flagsOf(schema: z.ZodType): FlagSpec[] {
  const flags = new Map<string, FlagSpec>();
  const add = (info: SettingInfo, leaf: z.ZodType, path: string): void => {
    if (info.flag === undefined) return;
    const known = flags.get(info.flag);
    if (known !== undefined) known.paths.push(path);
    else flags.set(info.flag, { flag: info.flag, description: info.description, schema: leaf, paths: [path] });
  };
  for (const { path, schema: leaf, info } of settingsOf(schema)) {
    if (info.fromData === true) continue;
    if (info.broader !== undefined) add(info.broader, leaf, path);
    add(info, leaf, path);
  }
  return [...flags.values()];
}

/** The partial config that flag values (by flag, already checked) ask for; each setting takes its own flag over a broader one. */
export function configFromFlags(schema: z.ZodType, values: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const { path, info } of settingsOf(schema)) {
    if (info.fromData === true) continue;
    const value = (info.flag === undefined ? undefined : values.get(info.flag)) ?? (info.broader?.flag === undefined ? undefined : values.get(info.broader.flag));
    if (value !== undefined) setPath(config, path, value);
  }
  return config;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[keys[keys.length - 1]] = value;
}

/** What text a setting's value is written as: a whole number, a number, a flag without value, or one of some words. */
export function valueKind(schema: z.ZodType): { type: 'integer' | 'number' | 'boolean' | 'choice'; choices: string[]; default: unknown } {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { type?: string; enum?: string[]; default?: unknown };
  const type = json.enum !== undefined ? 'choice' : json.type === 'integer' || json.type === 'boolean' ? json.type : 'number';
  return { type, choices: json.enum ?? [], default: json.default };
}

/** How a validation problem names a setting: its flag (as place) or its config key (in the text). */
export type SettingName = (path: string) => { flag: string } | string;

/**
 * `given` (a partial config) over the schema's defaults, validated; a bad value is a UserError
 * naming the setting as `name` says: its config key by default ("optimizer.beta1 must be below 1, got 1").
 */
export function resolveConfig<S extends z.ZodType>(schema: S, given: unknown, name: SettingName = (path) => path): z.output<S> {
  if (given === null || typeof given !== 'object' || Array.isArray(given)) throw new UserError('the config must be an object');
  const result = schema.safeParse(given, { reportInput: true });
  if (result.success) return result.data;
  throw issueError(result.error.issues[0], name);
}

/** The UserError for one zod issue, the setting named as `name` says. */
export function issueError(issue: z.core.$ZodIssue, name: SettingName, shownValue?: string): UserError {
  const path = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') return new UserError(`unknown option "${[path, issue.keys[0]].filter((p) => p !== '').join('.')}"`);
  // a custom message may name other settings as {path}: "applies to {loss} bce only"
  const text = (p: string): string => {
    const n = name(p);
    return typeof n === 'string' ? n : n.flag;
  };
  const problem = issueProblem(issue).replace(/\{([\w.]+)\}/g, (_, p: string) => text(p));
  const got = issue.code === 'custom' || issue.input === undefined ? '' : `, got ${shownValue ?? show(issue.input)}`;
  const where = name(path);
  return typeof where === 'string' ? new UserError(`${where} ${problem}${got}`) : new UserError(`${problem}${got}`, where);
}

/** What an issue asks for, e.g. "must be below 1". */
function issueProblem(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.inclusive ? `must be at least ${issue.minimum}` : `must be above ${issue.minimum}`;
    case 'too_big':
      return issue.inclusive ? `must be at most ${issue.maximum}` : `must be below ${issue.maximum}`;
    case 'invalid_type':
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.join(', ')}`;
    default:
      return issue.message;
  }
}

const TYPE_NAMES: Record<string, string> = { int: 'an integer', number: 'a number', boolean: 'true or false', object: 'an object', string: 'a string' };

function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

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

/** Throws a UserError unless `value` is a finite number in [min, max]. */
export function checkNumber(name: string, value: number, min: number, max = Infinity): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new UserError(`${name} must be a number in [${min}, ${max}], got ${value}`);
  }
  return value;
}
