import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/engine/random.js';
import { bleu, brevityPenalty, ReferenceSet, selfBleu } from '../../../src/metrics/text/bleu.js';
import { lengthHistogram, topNgrams } from '../../../src/metrics/text/histograms.js';
import { qualityDiversityCurve, sampleSentences, TEXYGEN_FAST_SAMPLE_SIZE, textMetrics } from '../../../src/metrics/text/text-metrics.js';
import { loadBuiltinTextDataset } from '../../../src/text/builtin.js';
import { splitTokens } from '../../../src/text/tokenize.js';
import { LengthCounts, type Sentence } from '../../../src/metrics/text/ngrams.js';

/** The first digits of a value NLTK's docs print as "0.5045...": value ∈ [0.5045, 0.5046). */
function expectDigits(value: number, shown: number, digits = 4): void {
  expect(value).toBeGreaterThanOrEqual(shown);
  expect(value).toBeLessThan(shown + 10 ** -digits);
}

// The sentences of the docstring examples of nltk/translate/bleu_score.py (sentence_bleu and
// SmoothingFunction), NLTK 3.6, github.com/nltk/nltk, commit 902dbeb.
const hypothesis1 = 'It is a guide to action which ensures that the military always obeys the commands of the party'.split(' ');
const hypothesis2 = 'It is to insure the troops forever hearing the activity guidebook that party direct'.split(' ');
const reference1 = 'It is a guide to action that ensures that the military will forever heed Party commands'.split(' ');
const reference2 = 'It is the guiding principle which guarantees the military forces always being under the command of the Party'.split(' ');
const reference3 = 'It is the practical guide for the army always to heed the directions of the party'.split(' ');

describe('BLEU as NLTK computes it (smoothing method 1)', () => {
  const references = new ReferenceSet([reference1, reference2, reference3]);

  it("matches sentence_bleu's docstring examples", () => {
    expectDigits(references.bleu(hypothesis1, 4), 0.5045); // sentence_bleu([r1, r2, r3], h1) → 0.5045...
    expectDigits(references.bleu(hypothesis2, 4), 0.037); // … h2, smoothing_function=chencherry.method1 → 0.0370...
    expectDigits(references.bleu(hypothesis1, 5), 0.392); // … h1, weights (1/5,)*5 → 0.3920...
    expectDigits(new ReferenceSet([reference1]).bleu(hypothesis1, 4), 0.4118); // SmoothingFunction docstring, method1 → 0.4118...
  });

  it("matches brevity_penalty's docstring examples", () => {
    const closest = (lengths: number[], length: number): number => {
      const counts = new LengthCounts();
      lengths.forEach((n) => counts.add(n));
      return counts.closest(length);
    };
    expect(brevityPenalty(closest([12, 15, 17], 12), 12)).toBe(1);
    expect(brevityPenalty(closest([28, 28], 12), 12)).toBe(0.2635971381157267);
    expectDigits(brevityPenalty(closest([13, 2], 12), 12), 0.92);
    expect(brevityPenalty(closest([13, 11], 12), 12)).toBe(1); // a tie goes to the shorter reference
    expect(brevityPenalty(closest([11, 13], 12), 12)).toBe(1);
    expectDigits(brevityPenalty(closest([11, 8], 7), 7), 0.8668); // mteval-v13a.pl's example
    expect(brevityPenalty(closest([11, 8, 6, 7], 7), 7)).toBe(1);
  });

  it('matches values worked out by hand', () => {
    // refs "the cat is on the mat", "there is a cat on the mat"; hyp "the cat on the mat" (c = 5, r = 6).
    // Clipped matches: unigrams 5/5, bigrams 4/4, trigrams 2/3 ("cat on the", "on the mat"),
    // 4-grams 1/2 ("cat on the mat"), 5-grams 0/1 → ε = 0.1.
    const set = new ReferenceSet(['the cat is on the mat'.split(' '), 'there is a cat on the mat'.split(' ')]);
    const hyp = 'the cat on the mat'.split(' ');
    const bp = Math.exp(1 - 6 / 5);
    expect(set.bleuOrders(hyp, [2, 3, 4, 5])).toEqual([bp, bp * Math.cbrt(2 / 3), bp * (1 / 3) ** 0.25, bp * (0.1 / 3) ** 0.2].map((v) => expect.closeTo(v, 14)));
    // "the the the the the the the": the is clipped to 2 (its count in the first reference).
    expect(set.bleu('the the the'.split(' '), 2)).toBeCloseTo(Math.exp(1 - 6 / 3) * Math.sqrt((2 / 3) * (0.1 / 2)), 14);
    expect(set.bleu(['dog'], 2)).toBe(0); // no unigram matches: 0 whatever the smoothing
    expect(set.bleu([], 2)).toBe(0);
  });

  it('leaves each sentence out of its own references in self-BLEU, by position', () => {
    const sentences = [['a', 'b'], ['a', 'b'], ['c', 'd']];
    // "a b" against {"a b", "c d"} scores 1 (twice); "c d" against two "a b" scores 0.
    expect(selfBleu(sentences, [2])).toEqual([{ n: 2, value: 2 / 3 }]);
    expect(selfBleu([['a', 'b'], ['c', 'd']], [2])).toEqual([{ n: 2, value: 0 }]);
  });

  it('agrees with a literal transcription of NLTK on random sentences', () => {
    const rng = new Random(11);
    const sentence = (): string[] => Array.from({ length: 1 + Math.floor(rng.uniform() * 9) }, () => 'abcde'[Math.floor(rng.uniform() * 5)]);
    const refs = Array.from({ length: 40 }, sentence);
    const hyps = Array.from({ length: 30 }, sentence);
    const orders = [2, 3, 4, 5];
    const expected = orders.map((n) => ({ n, value: mean(hyps.map((h) => nltkSentenceBleu(refs, h, n))) }));
    bleu(hyps, refs, orders).forEach((score, i) => expect(score.value).toBeCloseTo(expected[i].value, 12));
    const expectedSelf = orders.map((n) => ({ n, value: mean(hyps.map((h, i) => nltkSentenceBleu(hyps.filter((_, j) => j !== i), h, n))) }));
    selfBleu(hyps, orders).forEach((score, i) => expect(score.value).toBeCloseTo(expectedSelf[i].value, 12));
  });
});

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * NLTK's sentence_bleu(references, hypothesis, (1/n,)*n, SmoothingFunction().method1) step by
 * step, O(references) per hypothesis: modified_precision, closest_ref_length, brevity_penalty.
 */
function nltkSentenceBleu(references: Sentence[], hypothesis: Sentence, n: number): number {
  const grams = (s: Sentence, k: number): Map<string, number> => {
    const counts = new Map<string, number>();
    for (let i = 0; i + k <= s.length; i++) counts.set(s.slice(i, i + k).join(' '), (counts.get(s.slice(i, i + k).join(' ')) ?? 0) + 1);
    return counts;
  };
  const numerators: number[] = [];
  const denominators: number[] = [];
  for (let k = 1; k <= n; k++) {
    const counts = grams(hypothesis, k);
    const maxCounts = new Map<string, number>();
    for (const reference of references) {
      const referenceCounts = grams(reference, k);
      for (const gram of counts.keys()) maxCounts.set(gram, Math.max(maxCounts.get(gram) ?? 0, referenceCounts.get(gram) ?? 0));
    }
    let numerator = 0;
    let total = 0;
    for (const [gram, count] of counts) {
      numerator += Math.min(count, maxCounts.get(gram) ?? 0);
      total += count;
    }
    numerators.push(numerator);
    denominators.push(Math.max(1, total));
  }
  const c = hypothesis.length;
  const r = references.map((s) => s.length).reduce((best, len) => (Math.abs(len - c) < Math.abs(best - c) || (Math.abs(len - c) === Math.abs(best - c) && len < best) ? len : best));
  const bp = c > r ? 1 : c === 0 ? 0 : Math.exp(1 - r / c);
  if (numerators[0] === 0) return 0;
  const p = numerators.map((m, k) => (m === 0 ? 0.1 / denominators[k] : m / denominators[k]));
  return bp * Math.exp(p.reduce((sum, pk) => sum + (1 / n) * Math.log(pk), 0));
}

describe('text metrics', () => {
  it('report BLEU, self-BLEU, lengths and vocabulary use, on whole sets or Texygen\'s fast samples', () => {
    const references = Array.from({ length: 600 }, (_, i) => (i < 500 ? ['a', 'cat'] : ['a', 'dog', 'runs']));
    const generated = [['a', 'cat'], ['a', 'dog'], ['one']];
    // The first 500 references only ("a cat"): "a cat" scores 1; "a dog" √(1/2 · 0.1/1); "one" 0.
    const fast = textMetrics(generated, references, { orders: [2], references: TEXYGEN_FAST_SAMPLE_SIZE });
    expect(fast.bleu).toEqual([{ n: 2, value: expect.closeTo((1 + Math.sqrt(0.5 * 0.1)) / 3, 14) }]);
    expect(fast.counts).toEqual({ generated: 3, reference: 600, bleuReferences: 500, selfBleuSentences: 3 });
    // All references: "a dog" matches "a dog runs" in full (r = 2, BP 1) and scores 1.
    const whole = textMetrics(generated, references, { orders: [2] });
    expect(whole.bleu[0].value).toBeCloseTo(2 / 3, 14);
    expect(whole.counts.bleuReferences).toBe(600);
    expect(whole.averageLength).toEqual({ generated: 5 / 3, reference: (500 * 2 + 100 * 3) / 600 });
    expect(whole.vocabulary).toEqual({ generated: 4, reference: 4, coverage: 3 / 4 }); // a, cat, dog of a, cat, dog, runs
  });

  it("reproduce the training-set row of Texygen's COCO table (BLEU against coco-test, self-BLEU)", async () => {
    // Texygen docs/evaluation.md, column "training set": BLEU-2…5 .740 .520 .337 .218 on the
    // test captions, self-BLEU-2…5 .892 .747 .573 .415 (github.com/geek-ai/Texygen).
    const words = (texts: readonly string[]): string[][] => texts.map((text) => splitTokens(text, 'word'));
    const train = words((await loadBuiltinTextDataset('coco')).texts);
    const test = words((await loadBuiltinTextDataset('coco-test')).texts);
    const m = textMetrics(train, test);
    expect(m.bleu.map((s) => s.value)).toEqual([0.74, 0.52, 0.337, 0.218].map((v) => expect.closeTo(v, 3)));
    expect(m.selfBleu.map((s) => s.value)).toEqual([0.892, 0.747, 0.573, 0.415].map((v) => expect.closeTo(v, 2)));
  }, 30_000); // 10,000 × 10,000 sentences twice: about 3 s of CPU, more on a busy machine

  it('trace a quality–diversity curve, one point per sampling temperature', () => {
    const references = [['a', 'cat'], ['a', 'dog']];
    const curve = qualityDiversityCurve(references, [
      { temperature: 0.5, sentences: [['a', 'cat'], ['a', 'cat']] }, // faithful, and all alike
      { temperature: 2, sentences: [['a', 'cat'], ['one', 'dog']] }, // worse, and diverse
    ], { orders: [2] });
    expect(curve).toEqual([
      { temperature: 0.5, bleu: [{ n: 2, value: 1 }], selfBleu: [{ n: 2, value: 1 }] },
      { temperature: 2, bleu: [{ n: 2, value: expect.closeTo((1 + Math.sqrt(0.5 * 0.1)) / 2, 14) }], selfBleu: [{ n: 2, value: 0 }] }, // no word in common
    ]);
  });

  it('count sentence lengths and the most common n-grams', () => {
    const sentences = [['a', 'dog'], ['a', 'cat', 'sits'], ['a', 'dog'], []];
    expect(lengthHistogram(sentences)).toEqual([1, 0, 2, 1]);
    expect(topNgrams(sentences, 2, 2)).toEqual([{ tokens: ['a', 'dog'], count: 2 }, { tokens: ['a', 'cat'], count: 1 }]);
    expect(topNgrams([['a b', 'c'], ['a', 'b c']], 2, 5)).toHaveLength(2); // tokens with spaces stay apart
  });

  it('sample sentences: the first ones, or a seeded random subset in order', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(sampleSentences(items, 3)).toEqual([0, 1, 2]);
    expect(sampleSentences(items, 20)).toEqual(items);
    const picked = sampleSentences(items, 4, new Random(5));
    expect(picked).toHaveLength(4);
    expect(new Set(picked).size).toBe(4);
    expect([...picked].sort((a, b) => a - b)).toEqual(picked);
    expect(sampleSentences(items, 4, new Random(5))).toEqual(picked);
  });
});
