// The vocabulary: built from training text (most frequent tokens first, up to a cap), looked up
// token → id, and kept as JSON beside a model (a token model must read and write text with the
// same ids it was trained on).
import { UserError, type ErrorPlace } from '../errors.js';
import { EOS, PAD, RESERVED_TOKENS, UNK, type TokenLevel, type Vocabulary } from './tokens.js';

/** Tokens a vocabulary may hold besides the reserved three: far above any word list. */
export const MAX_VOCABULARY_TOKENS = 1_000_000;

/**
 * The vocabulary of `sequences` (each a line's tokens): the reserved <pad>, <eos>, <unk>, then
 * at most `cap` distinct tokens, most frequent first; equal counts go in code-unit order of the
 * token, so the same text in any line order gives the same ids. A cap below 1 is a UserError
 * naming `place` (the flag that set it).
 *
 * @example
 * const v = buildVocabulary([['a', 'dog'], ['a', 'cat']], { level: 'word', cap: 2 });
 * v.tokens; // ['<pad>', '<eos>', '<unk>', 'a', 'cat']  ('dog' is past the cap: <unk>)
 */
export function buildVocabulary(
  sequences: Iterable<readonly string[]>,
  options: { level: TokenLevel; cap?: number; place?: ErrorPlace },
): Vocabulary {
  const { level, cap = MAX_VOCABULARY_TOKENS, place = {} } = options;
  checkCap(cap, place);
  const counts = new Map<string, number>();
  for (const tokens of sequences) for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  const ranked = [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  return { level, tokens: [...RESERVED_TOKENS, ...ranked.slice(0, cap).map(([token]) => token)] };
}

function checkCap(cap: number, place: ErrorPlace): void {
  if (!Number.isInteger(cap) || cap < 1 || cap > MAX_VOCABULARY_TOKENS) {
    throw new UserError(`the vocabulary cap must be a whole number from 1 to ${MAX_VOCABULARY_TOKENS.toLocaleString('en-US')} (tokens kept besides <pad>, <eos>, <unk>), got ${cap}`, place);
  }
}

/** token → id lookups for one vocabulary; tokens outside it map to UNK. */
export class VocabularyIndex {
  private readonly ids = new Map<string, number>();

  constructor(readonly vocabulary: Vocabulary) {
    // The reserved names are not text: a corpus token spelled "<eos>" is an ordinary unknown.
    vocabulary.tokens.forEach((token, id) => {
      if (id > UNK) this.ids.set(token, id);
    });
  }

  /** The id of `token`, or UNK. */
  id(token: string): number {
    return this.ids.get(token) ?? UNK;
  }

  /** True when `token` has an id of its own. */
  has(token: string): boolean {
    return this.ids.has(token);
  }

  /** Number of ids, the reserved ones included. */
  get size(): number {
    return this.vocabulary.tokens.length;
  }
}

/**
 * The tokens of `ids` up to the first <eos> or <pad> (not included). An id outside the
 * vocabulary is a bug in the caller, not a user mistake.
 */
export function tokensOf(ids: ArrayLike<number>, vocabulary: Vocabulary): string[] {
  const tokens: string[] = [];
  for (let t = 0; t < ids.length; t++) {
    const id = ids[t];
    if (id === EOS || id === PAD) break;
    const token = vocabulary.tokens[id];
    if (token === undefined) throw new Error(`tokensOf: id ${id} is outside the vocabulary of ${vocabulary.tokens.length} tokens`);
    tokens.push(token);
  }
  return tokens;
}

/** The vocabulary as a JSON value, for model.json or a file of its own. */
export function vocabularyToJson(vocabulary: Vocabulary): { level: TokenLevel; tokens: string[] } {
  return { level: vocabulary.level, tokens: [...vocabulary.tokens] };
}

/**
 * A vocabulary read back from JSON, checked: a level char or word, string tokens starting with
 * the reserved three in order, no token twice. Anything else is a UserError naming `place`.
 */
export function vocabularyFromJson(value: unknown, place: ErrorPlace): Vocabulary {
  const bad = (problem: string): UserError => new UserError(`the vocabulary ${problem}`, place);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('is not a JSON object {level, tokens}');
  const { level, tokens } = value as Record<string, unknown>;
  if (level !== 'char' && level !== 'word') throw bad(`level is ${JSON.stringify(level)}; expected "char" or "word"`);
  if (!Array.isArray(tokens) || !tokens.every((t): t is string => typeof t === 'string')) throw bad('tokens are not a list of strings');
  if (RESERVED_TOKENS.some((name, id) => tokens[id] !== name)) throw bad(`does not start with ${RESERVED_TOKENS.join(', ')}`);
  if (tokens.length > RESERVED_TOKENS.length + MAX_VOCABULARY_TOKENS) throw bad(`holds more than ${MAX_VOCABULARY_TOKENS} tokens`);
  const seen = new Set<string>();
  for (const token of tokens) {
    if (seen.has(token)) throw bad(`holds ${JSON.stringify(token)} twice`);
    seen.add(token);
  }
  return { level, tokens };
}
