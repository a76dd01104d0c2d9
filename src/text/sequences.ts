// A corpus's texts → TokenSequences (and back to texts): tokens looked up in a vocabulary (built
// from these texts, or given, e.g. the training vocabulary for test text), each line one
// sequence ending in <eos>, or all the text cut into windows of seqLen tokens.
import { checkWindowValues } from '../data/limits.js';
import { UserError } from '../errors.js';
import type { TextCorpus } from './corpus.js';
import { joinTokens, splitTokens, UNKNOWN_CHARACTER } from './tokenize.js';
import { EOS, RESERVED_TOKENS, UNK, type TokenLabels, type TokenLevel, type TokenSequences, type Vocabulary } from './tokens.js';
import { buildVocabulary, tokensOf, VocabularyIndex } from './vocabulary.js';

export interface TokenizeOptions {
  /** char or word; may be left out when `vocabulary` is given (its level is used). */
  level?: TokenLevel;
  /** Encode with this vocabulary instead of building one from the corpus. */
  vocabulary?: Vocabulary;
  /** Most corpus tokens a built vocabulary keeps besides the reserved three. */
  vocabularyCap?: number;
  /**
   * Tokens per sequence, <eos> included. Lines: default the longest line's tokens + 1.
   * Windows: required.
   */
  seqLen?: number;
  /** `lines` (default): each text one sequence; `windows`: the texts as running text, cut. */
  split?: 'lines' | 'windows';
  /**
   * A line of seqLen tokens or more (no room for its <eos>): `error` (default) refuses the corpus
   * naming the line; `cut` keeps its first seqLen tokens, without <eos>, as a window would.
   */
  overlong?: 'error' | 'cut';
  /** Flags to name in messages: the ones that set seqLen, the cap and `overlong: 'cut'`. */
  flags?: { seqLen?: string; vocabularyCap?: string; cut?: string };
}

/**
 * The corpus as token sequences.
 *
 * @example
 * const corpus = await readTextCorpus('captions.txt');
 * const train = tokenizeCorpus(corpus, { level: 'word', vocabularyCap: 5000, seqLen: 32 });
 * const test = tokenizeCorpus(await readTextCorpus('test.txt'), { vocabulary: train.vocabulary, seqLen: 32 });
 */
export function tokenizeCorpus(corpus: TextCorpus, options: TokenizeOptions = {}): TokenSequences {
  const level = checkedLevel(options, corpus.file);
  const split = options.split ?? 'lines';
  if (split === 'windows' && corpus.labels !== undefined) {
    throw new UserError('labelled text cannot be cut into windows: a window may span texts of different labels', { file: corpus.file });
  }
  // Running text: line breaks are spaces, so a window may span lines.
  const tokenLists = split === 'windows' ? [splitTokens(corpus.texts.join(' '), level)] : corpus.texts.map((text) => splitTokens(text, level));
  const vocabulary =
    options.vocabulary ?? buildVocabulary(tokenLists, { level, cap: options.vocabularyCap, place: { file: corpus.file, flag: options.flags?.vocabularyCap } });
  const index = new VocabularyIndex(vocabulary);
  const encoded = split === 'windows' ? windowRows(tokenLists[0], corpus, options) : lineRows(tokenLists, corpus, options);
  const { seqLen, rows } = encoded;
  checkWindowValues(rows.length * seqLen, `${rows.length.toLocaleString('en-US')} sequences × ${seqLen.toLocaleString('en-US')} tokens`, 'use a shorter sequence length', {
    file: corpus.file,
    flag: options.flags?.seqLen,
  });
  const ids = new Int32Array(rows.length * seqLen); // PAD is 0
  const lengths = new Int32Array(rows.length);
  rows.forEach(({ tokens, ended }, n) => {
    tokens.forEach((token, t) => (ids[n * seqLen + t] = index.id(token)));
    if (ended) ids[n * seqLen + tokens.length] = EOS;
    lengths[n] = tokens.length + (ended ? 1 : 0);
  });
  const sequences = { vocabulary, seqLen, count: rows.length, ids, lengths };
  return corpus.labels === undefined ? sequences : { ...sequences, labels: tokenLabels(corpus.labels) };
}

function checkedLevel(options: TokenizeOptions, file: string): TokenLevel {
  const { level, vocabulary } = options;
  if (vocabulary !== undefined && level !== undefined && vocabulary.level !== level) {
    throw new UserError(`the text is read as ${level} tokens but the vocabulary holds ${vocabulary.level} tokens`, { file });
  }
  const chosen = level ?? vocabulary?.level;
  if (chosen === undefined) throw new Error('tokenizeCorpus: give a level or a vocabulary');
  return chosen;
}

/** One row's tokens, and whether an <eos> follows them. */
interface Row {
  tokens: readonly string[];
  ended: boolean;
}

/** Each line one row ending in <eos>; a line with no room for it is refused or cut. */
function lineRows(tokenLists: string[][], corpus: TextCorpus, options: TokenizeOptions): { seqLen: number; rows: Row[] } {
  const longest = tokenLists.reduce((most, tokens) => Math.max(most, tokens.length), 0);
  const seqLen = options.seqLen ?? longest + 1;
  checkSeqLen(seqLen, corpus, options);
  const rows = tokenLists.map((tokens, n): Row => {
    if (tokens.length < seqLen) return { tokens, ended: true };
    if (options.overlong === 'cut') return { tokens: tokens.slice(0, seqLen), ended: false };
    const how = options.flags?.cut === undefined ? 'shorten the line' : `cut long lines with ${options.flags.cut}`;
    const problem = `line ${corpus.lines[n]} has ${tokens.length} tokens; at most ${seqLen - 1} fit in a sequence of ${seqLen} with its <eos> (raise the sequence length or ${how})`;
    throw new UserError(problem, { file: corpus.file, flag: options.flags?.seqLen });
  });
  return { seqLen, rows };
}

/** The running text's tokens cut into whole windows of seqLen; a shorter tail is left out. */
function windowRows(tokens: string[], corpus: TextCorpus, options: TokenizeOptions): { seqLen: number; rows: Row[] } {
  const seqLen = options.seqLen;
  if (seqLen === undefined) throw new UserError('cutting running text into windows needs a sequence length', { file: corpus.file, flag: options.flags?.seqLen });
  checkSeqLen(seqLen, corpus, options);
  const count = Math.floor(tokens.length / seqLen);
  if (count === 0) {
    throw new UserError(`the corpus has ${tokens.length} tokens, fewer than one window of ${seqLen}`, { file: corpus.file, flag: options.flags?.seqLen });
  }
  const rows = Array.from({ length: count }, (_, n): Row => ({ tokens: tokens.slice(n * seqLen, (n + 1) * seqLen), ended: false }));
  return { seqLen, rows };
}

function checkSeqLen(seqLen: number, corpus: TextCorpus, options: TokenizeOptions): void {
  if (!Number.isInteger(seqLen) || seqLen < 2) {
    throw new UserError(`the sequence length must be a whole number of at least 2 tokens, got ${seqLen}`, { file: corpus.file, flag: options.flags?.seqLen });
  }
}

/** Label texts → ids, the distinct labels in code-unit order (the same in any line order). */
function tokenLabels(labels: NonNullable<TextCorpus['labels']>): TokenLabels {
  const values = [...new Set(labels.texts)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const idOf = new Map(values.map((value, id) => [value, id]));
  return { name: labels.name, values, ids: Int32Array.from(labels.texts, (text) => idOf.get(text) ?? -1) };
}

/**
 * Sequence `n` of `sequences` as text: its tokens up to <eos>, joined by the level's separator;
 * an unknown character is U+FFFD, an unknown word "<unk>".
 */
export function sequenceText(sequences: TokenSequences, n: number): string {
  const { ids, seqLen, vocabulary } = sequences;
  const tokens = tokensOf(ids.subarray(n * seqLen, (n + 1) * seqLen), vocabulary);
  if (vocabulary.level === 'char') tokens.forEach((token, t) => token === RESERVED_TOKENS[UNK] && (tokens[t] = UNKNOWN_CHARACTER));
  return joinTokens(tokens, vocabulary.level);
}

/** Every sequence as text (sequenceText of each). */
export function sequenceTexts(sequences: TokenSequences): string[] {
  return Array.from({ length: sequences.count }, (_, n) => sequenceText(sequences, n));
}
