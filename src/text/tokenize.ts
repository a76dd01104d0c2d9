// Text → tokens and back, at the character or the word level (docs/TEXT.md).
//   char: one token per Unicode code point (not per UTF-16 unit: an emoji is one token, and
//         "é" written as e + combining accent is two); tokens join with nothing, so
//         joinTokens(splitTokens(x)) === x for every string.
//   word: case kept; whitespace separates; a word is a run of letters, marks and digits, which
//         may hold one apostrophe or hyphen between two such runs ("it's", "t-shirt"); every
//         other visible character (punctuation, symbols, emoji) is a token of its own, one per
//         grapheme cluster so that "👍🏽" stays whole. Tokens join with one space, so the round
//         trip holds for text already written that way ("a man on a horse ."), as COCO's is.
//         "<unk>" (and the other reserved names) stay one token, so written samples read back.
// Written as text, an unknown token is "<unk>" at the word level and U+FFFD (the replacement
// character) at the character level.
import type { TokenLevel } from './tokens.js';

/** What goes between two tokens of a level when they are written as text. */
export const TOKEN_SEPARATORS: Readonly<Record<TokenLevel, string>> = { char: '', word: ' ' };

/**
 * A reserved name or a word (letters, marks, digits, inner ' ’ -), or else a run of other
 * visible characters, each with the marks that follow it (❤ + variation selector 16 is one emoji).
 */
const WORD_OR_SYMBOLS = /(<pad>|<eos>|<unk>|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*)|((?:[^\s\p{L}\p{M}\p{N}]\p{M}*)+)/gu;

/** How text shows an unknown character: "<unk>" would read back as five characters. */
export const UNKNOWN_CHARACTER = '\uFFFD';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The tokens of `text` at `level`.
 *
 * @example
 * splitTokens('a dog, on a bed.', 'word'); // ['a', 'dog', ',', 'on', 'a', 'bed', '.']
 * splitTokens('né 😀', 'char');            // ['n', 'é', ' ', '😀']
 */
export function splitTokens(text: string, level: TokenLevel): string[] {
  if (level === 'char') return Array.from(text);
  const tokens: string[] = [];
  for (const match of text.matchAll(WORD_OR_SYMBOLS)) {
    if (match[1] !== undefined) tokens.push(match[1]);
    else for (const { segment } of graphemes.segment(match[2])) tokens.push(segment);
  }
  return tokens;
}

/** The tokens written as text: joined by the level's separator (nothing, or one space). */
export function joinTokens(tokens: readonly string[], level: TokenLevel): string {
  return tokens.join(TOKEN_SEPARATORS[level]);
}
