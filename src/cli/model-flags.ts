// The model flags, derived from the kinds' config schemas through the registry: each kind's
// settings name their flags (src/config.ts), this file turns them into commander options, parses
// the text given into checked values and asks the chosen kind for its model.
import { Option, type Command } from 'commander';
import { issueError, mergeConfig, valueKind, type FlagSpec } from '../config.js';
import { UserError } from '../errors.js';
import { KINDS, modelKind, type ModelKind, type SequenceModel } from '../models/registry.js';

/** The parsed options of a command with model flags, by commander's attribute names ('lrG' for --lr-g). */
export interface ModelFlags {
  [attribute: string]: unknown;
}

/** Every model flag once, with the kinds that have it (a flag two kinds share is one option). */
const FLAGS: ReadonlyArray<{ spec: FlagSpec; kinds: string[] }> = (() => {
  const byFlag = new Map<string, { spec: FlagSpec; kinds: string[] }>();
  for (const kind of KINDS) {
    for (const spec of kind.flags) {
      const known = byFlag.get(spec.flag);
      if (known === undefined) byFlag.set(spec.flag, { spec, kinds: [kind.name] });
      else known.kinds.push(kind.name);
    }
  }
  return [...byFlag.values()];
})();

/** Adds every kind's model flags to `command`; their help text comes from the schemas. */
export function addModelFlags(command: Command): Command {
  for (const { spec, kinds } of FLAGS) command.addOption(new Option(optionSyntax(spec), helpText(spec, kinds)));
  return command;
}

function optionSyntax(spec: FlagSpec): string {
  const { type } = valueKind(spec.schema);
  const placeholder = { integer: ' <n>', number: ' <x>', choice: ' <name>', boolean: '' }[type];
  return `${spec.flag}${placeholder}`;
}

/** "timegan: learning-rate decay over the joint phase (none, linear, cosine; default none)". */
function helpText(spec: FlagSpec, kinds: readonly string[]): string {
  const { type, choices, default: fallback } = valueKind(spec.schema);
  const owners = kinds.length < KINDS.length ? `${kinds.join(', ')}: ` : '';
  const details = [choices.join(', '), type !== 'boolean' && fallback !== undefined ? `default ${String(fallback)}` : ''].filter((d) => d !== '');
  return `${owners}${spec.description}${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
}

/** A new model of kind `kindName` configured by the flags given; a flag of another kind is refused. */
export function createModelFromFlags(kindName: string, options: ModelFlags, seqLen: number): SequenceModel {
  const kind = modelKind(kindName, { flag: '--model' });
  const values = checkedValues(kind, givenFlags(options));
  const config = { ...kind.configFromFlags(values), seqLen };
  // a setting that fails with the others (a cross-setting rule) is named by the flag that set it
  const named = new Map(kind.flags.flatMap((spec) => spec.paths.map((path): [string, string] => [path, spec.flag])));
  named.set('seqLen', '--seq-len');
  const checked = kind.schema.safeParse(config, { reportInput: true });
  if (!checked.success) throw issueError(checked.error.issues[0], (path) => (named.has(path) ? { flag: named.get(path)! } : path));
  return kind.create(config);
}

/**
 * With --resume the checkpoint's configuration rules. The same command line plus --resume is
 * fine; a model flag that asks for something else is a mistake, not silently ignored.
 */
export function checkResumeFlags(gan: SequenceModel, options: ModelFlags & { model?: string }, given: ReadonlySet<string>): void {
  const flags = givenFlags(options);
  if (flags.size === 0 && !given.has('model')) return;
  if (given.has('model') && options.model !== gan.kind) throw new UserError(`the checkpoint holds a ${gan.kind} model`, { flag: '--model' });
  const kind = modelKind(gan.kind);
  const saved = gan.config as unknown as Record<string, unknown>;
  const differing = differingKey(mergeConfig(saved, kind.configFromFlags(checkedValues(kind, flags))), saved);
  if (differing !== null) {
    throw new UserError(`the flags ask for ${differing.path} ${JSON.stringify(differing.asked)}, the checkpoint has ${JSON.stringify(differing.saved)}; resume with the flags of the first run`, { flag: '--resume' });
  }
}

/** The model flags given, by flag name, as commander parsed them (text, or true for a flag without value). */
function givenFlags(options: ModelFlags): Map<string, unknown> {
  const given = new Map<string, unknown>();
  for (const { spec } of FLAGS) {
    const value = options[new Option(spec.flag).attributeName()];
    if (value !== undefined) given.set(spec.flag, value);
  }
  return given;
}

/** The given flags' values, each checked against `kind`'s schema; another kind's flag is refused by name. */
function checkedValues(kind: ModelKind, given: ReadonlyMap<string, unknown>): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const [flag, raw] of given) {
    const spec = kind.flags.find((s) => s.flag === flag);
    if (spec === undefined) {
      const owners = FLAGS.find((f) => f.spec.flag === flag)!.kinds;
      throw new UserError(`${flag} is a ${owners.join(' or ')} option; --model is ${kind.name}`);
    }
    values.set(flag, parseValue(spec, raw));
  }
  return values;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The flag's text as the value its schema checks: "--beta1: must be below 1, got 1". */
function parseValue(spec: FlagSpec, raw: unknown): unknown {
  if (typeof raw !== 'string') return raw; // a flag without a value
  const { type } = valueKind(spec.schema);
  const text = raw.trim();
  const value = type === 'choice' ? raw : DECIMAL.test(text) ? Number(text) : NaN;
  const result = spec.schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw issueError(result.error.issues[0], () => ({ flag: spec.flag }), raw.trim() === '' ? '""' : raw);
}

/** The first key path where two configs differ, with both values. */
function differingKey(asked: unknown, saved: unknown, path = ''): { path: string; asked: unknown; saved: unknown } | null {
  if (typeof asked === 'object' && asked !== null && typeof saved === 'object' && saved !== null) {
    for (const key of Object.keys(asked)) {
      const found = differingKey((asked as Record<string, unknown>)[key], (saved as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`);
      if (found !== null) return found;
    }
    return null;
  }
  return asked === saved ? null : { path, asked, saved };
}
