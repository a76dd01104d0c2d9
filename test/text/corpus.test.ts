import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isBuiltinTextDataset, loadBuiltinTextDataset, loadTextCorpus, loadTokenSequences } from '../../src/text/builtin.js';
import { readTextCorpus } from '../../src/text/corpus.js';
import { sequenceTexts, tokenizeCorpus } from '../../src/text/sequences.js';
import { EOS, PAD, UNK } from '../../src/text/tokens.js';
import { loadVocabulary, saveVocabulary } from '../../src/text/vocabulary-file.js';
import { makeTempDir, writeFixture } from '../data/temp-files.js';

const dir = makeTempDir();

describe('reading a corpus', () => {
  it('reads one text per line, trimmed, skipping blank lines and keeping line numbers', async () => {
    const path = writeFixture(dir, 'lines.txt', '\uFEFFa dog on a bed\r\n\n  two cats .  \n');
    const corpus = await readTextCorpus(path);
    expect(corpus.texts).toEqual(['a dog on a bed', 'two cats .']);
    expect(Array.from(corpus.lines)).toEqual([1, 3]);
    expect(corpus.labels).toBeUndefined();
    const kept = await readTextCorpus(path, { blankLines: 'keep' }); // as generated sentences are read
    expect(kept.texts).toEqual(['a dog on a bed', '', 'two cats .']);
  });

  it('reads JSON lines and CSV with a label per text', async () => {
    const jsonl = writeFixture(dir, 'reviews.jsonl', '{"text": "great film", "label": "pos"}\n\n{"text": "dull", "label": "neg"}\n');
    const fromJson = await readTextCorpus(jsonl);
    expect(fromJson.texts).toEqual(['great film', 'dull']);
    expect(fromJson.labels).toEqual({ name: 'label', texts: ['pos', 'neg'] });
    const csv = writeFixture(dir, 'reviews.csv.gz', gzipSync('id,text,stars\n1,"great, really",5\n2,dull,1\n'));
    const fromCsv = await readTextCorpus(csv, { labelField: 'stars' });
    expect(fromCsv.texts).toEqual(['great, really', 'dull']);
    expect(fromCsv.labels).toEqual({ name: 'stars', texts: ['5', '1'] });
    expect(Array.from(fromCsv.lines)).toEqual([2, 3]);
  });

  it('refuses an empty corpus, binary data and malformed records, naming file and line', async () => {
    await expect(readTextCorpus(writeFixture(dir, 'empty.txt', '\n  \n'))).rejects.toThrow(/empty\.txt: the corpus holds no text/);
    const binary = Uint8Array.from([0x61, 0x0a, 0x62, 0x00, 0x01, 0x0a]);
    await expect(readTextCorpus(writeFixture(dir, 'nul.txt', binary))).rejects.toThrow(/nul\.txt: line 2 holds a NUL byte: this looks like a binary file/);
    const latin1 = Uint8Array.from([0x6f, 0x6b, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]);
    await expect(readTextCorpus(writeFixture(dir, 'latin1.txt', latin1))).rejects.toThrow(/latin1\.txt: line 2 is not UTF-8 text/);
    await expect(readTextCorpus(writeFixture(dir, 'bad.jsonl', '{"text": "a"}\n{"text": 3}\n'))).rejects.toThrow('bad.jsonl: line 2 has no string field "text"');
    await expect(readTextCorpus(writeFixture(dir, 'mixed.jsonl', '{"text": "a", "label": 1}\n{"text": "b"}\n'))).rejects.toThrow('line 2 has no "label" field, unlike line 1');
    await expect(readTextCorpus(writeFixture(dir, 'cols.csv', 'body,label\nx,1\n'))).rejects.toThrow('no column "text" holds the text');
    await expect(readTextCorpus(writeFixture(dir, 'nostars.csv', 'text,label\nx,1\n'), { labelField: 'stars' })).rejects.toThrow('no column "stars" holds the labels');
    await expect(readTextCorpus(writeFixture(dir, 'nostars.jsonl', '{"text": "x"}\n'), { labelField: 'stars' })).rejects.toThrow(/line 1 has no "stars" field$/);
  });
});

describe('token sequences', () => {
  it('encode each line with <eos>, padded, and decode back to the text', async () => {
    const corpus = await readTextCorpus(writeFixture(dir, 'captions.txt', 'a dog on a bed .\na cat on a mat .\n'));
    const seqs = tokenizeCorpus(corpus, { level: 'word' });
    expect(seqs.vocabulary.tokens).toEqual(['<pad>', '<eos>', '<unk>', 'a', '.', 'on', 'bed', 'cat', 'dog', 'mat']);
    expect([seqs.count, seqs.seqLen]).toEqual([2, 7]); // the longest line's 6 tokens + <eos>
    expect(Array.from(seqs.ids.subarray(0, 7))).toEqual([3, 8, 5, 3, 6, 4, EOS]);
    expect(Array.from(tokenizeCorpus(corpus, { level: 'word', seqLen: 9 }).ids.subarray(0, 9))).toEqual([3, 8, 5, 3, 6, 4, EOS, PAD, PAD]);
    expect(Array.from(seqs.lengths)).toEqual([7, 7]);
    expect(sequenceTexts(seqs)).toEqual(corpus.texts);
  });

  it('encode test text with the training vocabulary: unseen tokens are <unk>', async () => {
    const train = tokenizeCorpus(await readTextCorpus(writeFixture(dir, 'train.txt', 'a b\nb c\n')), { level: 'char', vocabularyCap: 2 });
    expect(train.vocabulary.tokens).toEqual(['<pad>', '<eos>', '<unk>', ' ', 'b']);
    const test = tokenizeCorpus(await readTextCorpus(writeFixture(dir, 'test.txt', 'b😀\n')), { vocabulary: train.vocabulary, seqLen: 5 });
    expect(Array.from(test.ids)).toEqual([4, UNK, EOS, PAD, PAD]);
    expect(() => tokenizeCorpus({ file: 'test.txt', texts: ['b'], lines: Int32Array.of(1) }, { vocabulary: train.vocabulary, level: 'word' })).toThrow(
      'test.txt: the text is read as word tokens but the vocabulary holds char tokens',
    );
    expect(sequenceTexts(test)).toEqual(['b\uFFFD']); // an unknown character reads back as one
    const again = tokenizeCorpus(await readTextCorpus(writeFixture(dir, 'again.txt', `${sequenceTexts(test)[0]}\n`)), { vocabulary: train.vocabulary, seqLen: 5 });
    expect(Array.from(again.ids)).toEqual(Array.from(test.ids));
  });

  it('refuse a line with no room for its <eos>, or cut it when asked', async () => {
    const corpus = await readTextCorpus(writeFixture(dir, 'long.txt', 'one two\none two three four\n'));
    const flags = { seqLen: '--seq-len', cut: '--cut-long-lines' };
    expect(() => tokenizeCorpus(corpus, { level: 'word', seqLen: 4, flags })).toThrow(
      /^--seq-len, .*long\.txt: line 2 has 4 tokens; at most 3 fit in a sequence of 4 with its <eos> \(raise the sequence length or cut long lines with --cut-long-lines\)$/,
    );
    const cut = tokenizeCorpus(corpus, { level: 'word', seqLen: 4, overlong: 'cut' });
    expect(Array.from(cut.lengths)).toEqual([3, 4]);
    expect(sequenceTexts(cut)).toEqual(['one two', 'one two three four']);
    expect(cut.ids[7]).not.toBe(EOS);
  });

  it('refuse sequences too many to hold, before allocating them', async () => {
    // 2,001 lines padded to the longest (200,000 characters): 4 × 10⁸ ids, over 2²⁸.
    const corpus = await readTextCorpus(writeFixture(dir, 'one-long-line.txt', `${'x'.repeat(200_000)}\n${'a\n'.repeat(2_000)}`));
    expect(() => tokenizeCorpus(corpus, { level: 'char', flags: { seqLen: '--seq-len' } })).toThrow(
      /^--seq-len, .*one-long-line\.txt: 2,001 sequences × 200,001 tokens would hold 400,202,001 values \(1\.5 GiB\), more than the 268,435,456 \(1\.0 GiB\) allowed; use a shorter sequence length$/,
    );
  });

  it('cut running text into windows of seqLen tokens, line breaks read as spaces', async () => {
    const corpus = await readTextCorpus(writeFixture(dir, 'prose.txt', 'the cat sat\non the mat and\nslept'));
    const words = tokenizeCorpus(corpus, { level: 'word', split: 'windows', seqLen: 3 });
    expect(sequenceTexts(words)).toEqual(['the cat sat', 'on the mat']); // "and slept" is a short tail
    expect(Array.from(words.lengths)).toEqual([3, 3]);
    const chars = tokenizeCorpus(corpus, { level: 'char', split: 'windows', seqLen: 5 });
    expect(sequenceTexts(chars).slice(0, 3)).toEqual(['the c', 'at sa', 't on ']);
    expect(() => tokenizeCorpus(corpus, { level: 'word', split: 'windows' })).toThrow('needs a sequence length');
  });

  it('number labels in sorted order', async () => {
    const corpus = await readTextCorpus(writeFixture(dir, 'labelled.jsonl', ['b', 'a', 'b'].map((label, i) => JSON.stringify({ text: `text ${i}`, label })).join('\n')));
    const seqs = tokenizeCorpus(corpus, { level: 'word' });
    expect(seqs.labels?.values).toEqual(['a', 'b']);
    expect(Array.from(seqs.labels?.ids ?? [])).toEqual([1, 0, 1]);
    expect(() => tokenizeCorpus(corpus, { level: 'word', split: 'windows', seqLen: 2 })).toThrow('labelled text cannot be cut into windows');
  });

  it('save and load the vocabulary as JSON', async () => {
    const seqs = tokenizeCorpus(await readTextCorpus(writeFixture(dir, 'v.txt', 'né 😀\n')), { level: 'char' });
    const path = `${dir}/vocabulary.json`;
    await saveVocabulary(path, seqs.vocabulary);
    expect(await loadVocabulary(path)).toEqual(seqs.vocabulary);
    await expect(loadVocabulary(writeFixture(dir, 'bad-vocabulary.json', '{"level": "word"'))).rejects.toThrow('the vocabulary is not valid JSON');
  });
});

describe('built-in text datasets', () => {
  it('load the COCO captions by name', async () => {
    expect(['coco', 'coco-test', 'sines', 'Coco'].map(isBuiltinTextDataset)).toEqual([true, true, false, false]);
    const train = await loadBuiltinTextDataset('coco');
    const test = await loadTextCorpus('coco-test');
    // 10,000 lines each: the last has no line break, so `wc -l` counts 9,999.
    expect([train.texts.length, test.texts.length]).toEqual([10_000, 10_000]);
    expect(train.file).toBe('coco');
    expect(train.texts[0]).toBe('a bicycle replica with a clock as the front wheel.');
    expect(test.texts[0]).toBe('a brown and white dog lays on a bed');
    const seqs = await loadTokenSequences('coco', { level: 'word', vocabularyCap: 5000 });
    expect(seqs.vocabulary.tokens.slice(3, 6)).toEqual(['a', '.', 'with']);
    expect([seqs.count, seqs.vocabulary.tokens.length, seqs.seqLen]).toEqual([10_000, 3 + 4681, 38]); // 4,681 distinct words; 37 the longest caption
    const testSeqs = await loadTokenSequences('coco-test', { vocabulary: seqs.vocabulary, seqLen: seqs.seqLen, overlong: 'cut' });
    expect(testSeqs.count).toBe(10_000);
  });
});
