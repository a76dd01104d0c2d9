import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextCorpus } from '../../src/text/corpus.js';
import { tokenizeCorpus } from '../../src/text/sequences.js';
import { writeTextSamples } from '../../src/text/writers.js';
import { makeTempDir, writeFixture } from '../data/temp-files.js';

const dir = makeTempDir();

describe('writing text samples', () => {
  it('writes .txt lines that read back as the same texts', async () => {
    const sequences = tokenizeCorpus(await readTextCorpus(writeFixture(dir, 'in.txt', 'a dog on a bed .\nnaïve 😀 !\n')), { level: 'word', seqLen: 9 });
    const out = join(dir, 'out.txt');
    await writeTextSamples(out, sequences);
    expect(readFileSync(out, 'utf8')).toBe('a dog on a bed .\nnaïve 😀 !\n');
    expect((await readTextCorpus(out)).texts).toEqual(['a dog on a bed .', 'naïve 😀 !']);
  });

  it('writes unknown words as <unk>, which read back as <unk>', async () => {
    const train = tokenizeCorpus(await readTextCorpus(writeFixture(dir, 'train.txt', 'a dog\n')), { level: 'word' });
    const test = tokenizeCorpus(await readTextCorpus(writeFixture(dir, 'test.txt', 'a cat\n')), { vocabulary: train.vocabulary, seqLen: 4 });
    const out = join(dir, 'unknown.txt');
    await writeTextSamples(out, test);
    expect(readFileSync(out, 'utf8')).toBe('a <unk>\n');
    expect(tokenizeCorpus(await readTextCorpus(out), { vocabulary: train.vocabulary, seqLen: 4 }).ids).toEqual(test.ids);
  });

  it('writes an empty sequence as an empty line or text, which generated samples read back', async () => {
    const vocabulary = { level: 'word' as const, tokens: ['<pad>', '<eos>', '<unk>', 'a'] };
    const generated = { vocabulary, seqLen: 3, count: 3, ids: Int32Array.from([3, 1, 0, 1, 0, 0, 3, 3, 1]), lengths: Int32Array.from([2, 1, 3]) };
    for (const name of ['gen.txt', 'gen.jsonl']) {
      await writeTextSamples(join(dir, name), generated);
      expect((await readTextCorpus(join(dir, name), { blankLines: 'keep' })).texts).toEqual(['a', '', 'a a']);
      expect((await readTextCorpus(join(dir, name))).texts).toEqual(['a', 'a a']);
    }
  });

  it('writes JSON lines with the label of each conditional text', async () => {
    const input = writeFixture(dir, 'in.jsonl', '{"text": "good", "label": "pos"}\n{"text": "bad", "label": "neg"}\n');
    const sequences = tokenizeCorpus(await readTextCorpus(input), { level: 'char' });
    const out = join(dir, 'out.jsonl');
    await writeTextSamples(out, sequences);
    expect(readFileSync(out, 'utf8')).toBe('{"text":"good","label":"pos"}\n{"text":"bad","label":"neg"}\n');
    expect((await readTextCorpus(out)).labels?.texts).toEqual(['pos', 'neg']);
  });

  it('writes token ids as int32 .npy, padded, and as .json up to each <eos>', async () => {
    const sequences = tokenizeCorpus(await readTextCorpus(writeFixture(dir, 'ids.txt', 'a b a\nb\n')), { level: 'word', seqLen: 5 });
    expect(Array.from(sequences.ids)).toEqual([3, 4, 3, 1, 0, 4, 1, 0, 0, 0]);
    const npy = join(dir, 'ids.npy');
    await writeTextSamples(npy, sequences);
    const bytes = readFileSync(npy);
    const headerLength = bytes.readUInt16LE(8);
    expect(bytes.toString('latin1', 10, 10 + headerLength)).toMatch(/^\{'descr': '<i4', 'fortran_order': False, 'shape': \(2, 5\), \} *\n$/);
    expect((10 + headerLength) % 64).toBe(0);
    expect(Array.from(new Int32Array(bytes.buffer.slice(bytes.byteOffset + 10 + headerLength, bytes.byteOffset + bytes.length)))).toEqual(Array.from(sequences.ids));
    const json = join(dir, 'ids.json');
    await writeTextSamples(json, sequences);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual({ vocabulary: { level: 'word', tokens: ['<pad>', '<eos>', '<unk>', 'a', 'b'] }, seqLen: 5, ids: [[3, 4, 3, 1], [4, 1]] });
  });

  it('refuses an unknown extension or a missing folder, writing nothing', async () => {
    const sequences = tokenizeCorpus(await readTextCorpus(writeFixture(dir, 'x.txt', 'x\n')), { level: 'char' });
    await expect(writeTextSamples(join(dir, 'out.csv'), sequences, { flag: '--out' })).rejects.toThrow('--out, ' + join(dir, 'out.csv') + ': cannot write text samples as ".csv"; use .txt, .jsonl, .json, .npy');
    await expect(writeTextSamples(join(dir, 'missing', 'out.txt'), sequences)).rejects.toThrow('does not exist');
  });
});
