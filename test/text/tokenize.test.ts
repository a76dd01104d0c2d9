import { describe, expect, it } from 'vitest';
import { joinTokens, splitTokens } from '../../src/text/tokenize.js';
import { buildVocabulary, tokensOf, VocabularyIndex, vocabularyFromJson, vocabularyToJson } from '../../src/text/vocabulary.js';
import { EOS, PAD, UNK } from '../../src/text/tokens.js';

describe('tokenizers', () => {
  it('split words on spaces, with punctuation as tokens of their own', () => {
    expect(splitTokens('several people skiing on a trail at night.', 'word')).toEqual(['several', 'people', 'skiing', 'on', 'a', 'trail', 'at', 'night', '.']);
    expect(splitTokens("it's a t-shirt, (red)!", 'word')).toEqual(["it's", 'a', 't-shirt', ',', '(', 'red', ')', '!']);
    expect(splitTokens('  A  Dog\tRuns \n', 'word')).toEqual(['A', 'Dog', 'Runs']); // case kept
    expect(splitTokens('a <unk> on <b>', 'word')).toEqual(['a', '<unk>', 'on', '<', 'b', '>']); // written samples read back
  });

  it('keep accented letters inside words and emoji whole', () => {
    expect(splitTokens('café naïve crème', 'word')).toEqual(['café', 'naïve', 'crème']);
    expect(splitTokens('cafe\u0301 👍🏽😀 ❤️!', 'word')).toEqual(['cafe\u0301', '👍🏽', '😀', '❤️', '!']);
    expect(splitTokens('👨‍👩‍👧 ok', 'word')).toEqual(['👨‍👩‍👧', 'ok']);
  });

  it('split characters by code point, not UTF-16 unit', () => {
    expect(splitTokens('né😀', 'char')).toEqual(['n', 'é', '😀']);
    expect('😀'.length).toBe(2); // two UTF-16 units, one token
    expect(splitTokens('e\u0301', 'char')).toEqual(['e', '\u0301']); // a combining accent is a code point of its own
  });

  it('round-trip text: any text at the char level, space-separated tokens at the word level', () => {
    for (const text of ['a dog, on a bed.', 'Crème brûlée 😀 👍🏽', '  two  spaces ', '']) {
      expect(joinTokens(splitTokens(text, 'char'), 'char')).toBe(text);
    }
    for (const text of ['a man riding a horse .', 'café 😀 , naïve !', "it's a t-shirt"]) {
      expect(joinTokens(splitTokens(text, 'word'), 'word')).toBe(text);
    }
    // Otherwise decoding gives the text in that form, and from there it is stable.
    const once = joinTokens(splitTokens('a dog, on a bed.', 'word'), 'word');
    expect(once).toBe('a dog , on a bed .');
    expect(joinTokens(splitTokens(once, 'word'), 'word')).toBe(once);
  });
});

describe('vocabulary', () => {
  const lines = [['a', 'dog'], ['a', 'cat'], ['the', 'cat', 'a']];

  it('puts the reserved tokens first, then the most frequent, ties in code-unit order', () => {
    const v = buildVocabulary(lines, { level: 'word' });
    expect(v.tokens).toEqual(['<pad>', '<eos>', '<unk>', 'a', 'cat', 'dog', 'the']);
    expect(buildVocabulary([...lines].reverse(), { level: 'word' }).tokens).toEqual(v.tokens); // line order does not matter
  });

  it('keeps at most `cap` tokens; the rest become <unk>', () => {
    const v = buildVocabulary(lines, { level: 'word', cap: 2 });
    expect(v.tokens).toEqual(['<pad>', '<eos>', '<unk>', 'a', 'cat']);
    const index = new VocabularyIndex(v);
    expect(['a', 'cat', 'dog', 'zebra'].map((t) => index.id(t))).toEqual([3, 4, UNK, UNK]);
  });

  it('refuses a cap of 0, naming the flag', () => {
    expect(() => buildVocabulary(lines, { level: 'word', cap: 0, place: { flag: '--vocab-cap' } })).toThrow(/^--vocab-cap: the vocabulary cap must be a whole number from 1/);
  });

  it('never maps text to a reserved id', () => {
    const v = buildVocabulary([['<eos>', 'x']], { level: 'word' });
    const index = new VocabularyIndex(v);
    expect(index.id('<eos>')).not.toBe(EOS); // text "<eos>" is an ordinary token here
    expect(index.id('<pad>')).toBe(UNK);
  });

  it('decodes ids up to <eos> or <pad>', () => {
    const v = buildVocabulary(lines, { level: 'word' });
    expect(tokensOf([3, 5, EOS, 4], v)).toEqual(['a', 'dog']);
    expect(tokensOf([3, UNK, PAD, PAD], v)).toEqual(['a', '<unk>']);
  });

  it('goes to JSON and back, and refuses a malformed one', () => {
    const v = buildVocabulary(lines, { level: 'char' });
    expect(vocabularyFromJson(JSON.parse(JSON.stringify(vocabularyToJson(v))), {})).toEqual(v);
    expect(() => vocabularyFromJson({ level: 'word', tokens: ['<pad>', '<unk>', '<eos>'] }, { file: 'v.json' })).toThrow('v.json: the vocabulary does not start with <pad>, <eos>, <unk>');
    expect(() => vocabularyFromJson({ level: 'word', tokens: ['<pad>', '<eos>', '<unk>', 'a', 'a'] }, {})).toThrow('holds "a" twice');
    expect(() => vocabularyFromJson({ level: 'byte', tokens: [] }, {})).toThrow('level is "byte"');
  });
});
