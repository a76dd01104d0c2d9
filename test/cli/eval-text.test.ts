// `rgan eval` on text, in-process: synthetic sentences against a real text file or coco-test,
// as a table and as one JSON document; bad inputs are one-line errors with exit code 1.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryTerminal } from '../../src/cli/terminal.js';
import { Random } from '../../src/engine/random.js';

async function rgan(...argv: string[]) {
  const terminal = memoryTerminal();
  const code = await main(argv, terminal);
  return { code, stdout: terminal.stdout, stderr: terminal.stderr };
}

let dir: string;
let real: string;
let samples: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rgan-eval-text-'));
  real = join(dir, 'real.txt');
  samples = join(dir, 'samples.txt');
  await writeFile(real, 'the cat is on the mat\nthere is a cat on the mat\n');
  await writeFile(samples, 'the cat on the mat\ndog\n\n'); // the blank line is an empty sentence: BLEU 0
});

describe('rgan eval on text', () => {
  it('prints BLEU, self-BLEU, lengths and vocabulary use', async () => {
    const r = await rgan('eval', '--real', real, '--synthetic', samples);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`real       ${real}: 2 sentences, 6.50 words on average`);
    expect(r.stdout).toContain(`synthetic  ${samples}: 3 sentences, 2.00 words on average`);
    // BLEU-2 of "the cat on the mat" is e^(1 − 6/5) (test/metrics/text/bleu.test.ts); "dog" and "" score 0.
    expect(r.stdout).toMatch(new RegExp(`^BLEU +${(Math.exp(-0.2) / 3).toFixed(3)} `, 'm'));
    expect(r.stdout).toMatch(/^self-BLEU +0\.000 +0\.000 +0\.000 +0\.000 /m);
    expect(r.stdout).toContain("vocabulary   5 distinct words; 57.1% of the real text's 7"); // the cat on mat of the cat is on mat there a
  });

  it('prints one JSON document under --json, on char tokens when asked', async () => {
    const r = await rgan('eval', '--real', real, '--synthetic', samples, '--json', '--tokens', 'char');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ kind: 'text', tokens: 'char', real: { sentences: 2 }, synthetic: { sentences: 3 } });
    expect(Object.keys(doc.bleu)).toEqual(['2', '3', '4', '5']);
    expect(doc.averageLength.generated).toBeCloseTo((18 + 3 + 0) / 3, 12);
  });

  it('scores against coco-test by name, on the first N sentences with --text-sample', async () => {
    const r = await rgan('eval', '--real', 'coco-test', '--synthetic', samples, '--text-sample', '50', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).counts).toEqual({ generated: 3, reference: 10_000, bleuReferences: 50, selfBleuSentences: 3 });
  });

  it('refuses binary or one-sentence samples with one line and exit code 1', async () => {
    const binary = join(dir, 'binary.txt');
    const rng = new Random(3);
    await writeFile(binary, Uint8Array.from({ length: 4096 }, () => Math.floor(rng.uniform() * 256))); // bytes like a compressed file's
    const r = await rgan('eval', '--real', real, '--synthetic', binary);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^--synthetic, .*binary\.txt: line \d+ (holds a NUL byte|is not UTF-8 text): this looks like a binary file/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const one = join(dir, 'one.txt');
    await writeFile(one, 'a cat\n');
    const s = await rgan('eval', '--real', real, '--synthetic', one);
    expect([s.code, s.stderr.trim()]).toEqual([1, `--synthetic, ${one}: self-BLEU needs two synthetic sentences at least; the file holds one`]);
    const t = await rgan('eval', '--real', real, '--synthetic', samples, '--tokens', 'byte');
    expect([t.code, t.stderr.split('\n')[0]]).toEqual([1, '--tokens: must be one of char, word, got byte']);
  });
});
