// The text metrics of a generated set against real text, as `rgan eval` reports them: BLEU-2…5
// against the references, self-BLEU-2…5 among the generated sentences, average length and how
// much of the real vocabulary the generator uses. By default every sentence takes part: that
// reproduces the training-set row of Texygen's published COCO table (docs/TEXT.md), so its
// table was computed on whole sets. Texygen's code also has a "fast" path (the first 500
// references; the first 500 sentences for self-BLEU): TEXYGEN_FAST_SAMPLE_SIZE.
import type { Random } from '../../engine/random.js';
import { BLEU_ORDERS, meanBleu, ReferenceSet, selfBleu, type BleuScore } from './bleu.js';
import type { Sentence } from './ngrams.js';

/** Texygen's sample_size on its fast path: references for BLEU, and sentences for self-BLEU. */
export const TEXYGEN_FAST_SAMPLE_SIZE = 500;

export interface TextMetricOptions {
  /** References BLEU uses (the first ones); default all. */
  references?: number;
  /** Generated sentences self-BLEU uses (the first ones); default all. */
  selfBleuSentences?: number;
  /** BLEU orders; default 2, 3, 4, 5. */
  orders?: readonly number[];
}

/** How many distinct tokens a set of sentences uses. */
export interface VocabularyUse {
  /** Distinct tokens in the generated sentences. */
  readonly generated: number;
  /** Distinct tokens in the reference sentences (all of them). */
  readonly reference: number;
  /** Share of the reference tokens the generated sentences use: |generated ∩ reference| / reference. */
  readonly coverage: number;
}

export interface TextMetrics {
  readonly bleu: BleuScore[];
  readonly selfBleu: BleuScore[];
  /** Mean tokens per generated sentence, and per reference sentence. */
  readonly averageLength: { readonly generated: number; readonly reference: number };
  readonly vocabulary: VocabularyUse;
  /** Sentences in each set, and how many of each BLEU and self-BLEU used. */
  readonly counts: { readonly generated: number; readonly reference: number; readonly bleuReferences: number; readonly selfBleuSentences: number };
}

/**
 * The text metrics of `generated` against `references` (both tokenized alike).
 *
 * @example
 * const words = (texts: string[]) => texts.map((t) => splitTokens(t, 'word'));
 * const m = textMetrics(words(samples), words(testCaptions));
 * m.bleu; // [{ n: 2, value: 0.74 }, { n: 3, … }, …]
 */
export function textMetrics(generated: readonly Sentence[], references: readonly Sentence[], options: TextMetricOptions = {}): TextMetrics {
  return new TextScorer(references, options).score(generated);
}

/**
 * Scores generated sets against one reference set, prepared once: for many sets, such as one per
 * sampling temperature.
 */
export class TextScorer {
  private readonly bleuReferences: ReferenceSet;
  private readonly orders: readonly number[];
  private readonly selfBleuSentences: number;

  constructor(
    private readonly references: readonly Sentence[],
    options: TextMetricOptions = {},
  ) {
    this.orders = options.orders ?? BLEU_ORDERS;
    this.selfBleuSentences = options.selfBleuSentences ?? Infinity;
    this.bleuReferences = new ReferenceSet(sampleSentences(references, options.references ?? Infinity), Math.max(...this.orders));
  }

  score(generated: readonly Sentence[]): TextMetrics {
    const selfBleuSet = sampleSentences(generated, this.selfBleuSentences);
    const { references } = this;
    return {
      bleu: meanBleu(generated, this.bleuReferences, this.orders),
      selfBleu: selfBleu(selfBleuSet, this.orders),
      averageLength: { generated: averageLength(generated), reference: averageLength(references) },
      vocabulary: vocabularyUse(generated, references),
      counts: { generated: generated.length, reference: references.length, bleuReferences: this.bleuReferences.size, selfBleuSentences: selfBleuSet.length },
    };
  }
}

/** One point of a quality–diversity curve: the scores of the sentences sampled at a temperature. */
export interface CurvePoint {
  readonly temperature: number;
  readonly bleu: BleuScore[];
  readonly selfBleu: BleuScore[];
}

/**
 * BLEU (quality) and self-BLEU (diversity) of sentences sampled at each temperature, one point
 * per temperature: compare models by these curves, not by one point (Caccia et al., "Language
 * GANs Falling Short", ICLR 2020), since temperature alone trades one for the other.
 */
export function qualityDiversityCurve(
  references: readonly Sentence[],
  samples: readonly { temperature: number; sentences: readonly Sentence[] }[],
  options: TextMetricOptions = {},
): CurvePoint[] {
  const scorer = new TextScorer(references, options);
  return samples.map(({ temperature, sentences }) => {
    const { bleu, selfBleu } = scorer.score(sentences);
    return { temperature, bleu, selfBleu };
  });
}

/**
 * `count` of the sentences: the first ones, as Texygen takes them, or with `rng` a uniform
 * random subset (in the original order). All of them when there are no more than `count`.
 */
export function sampleSentences<T>(sentences: readonly T[], count: number, rng?: Random): T[] {
  if (count >= sentences.length) return [...sentences];
  if (rng === undefined) return sentences.slice(0, count);
  const picked = new Uint8Array(sentences.length);
  // Floyd's algorithm: count distinct indices, each subset equally likely.
  for (let j = sentences.length - count; j < sentences.length; j++) {
    const i = Math.floor(rng.uniform() * (j + 1));
    picked[picked[i] === 1 ? j : i] = 1;
  }
  return sentences.filter((_, i) => picked[i] === 1);
}

/** Mean tokens per sentence. */
export function averageLength(sentences: readonly Sentence[]): number {
  if (sentences.length === 0) return 0;
  let total = 0;
  for (const sentence of sentences) total += sentence.length;
  return total / sentences.length;
}

/** Distinct tokens of each set and the share of the reference ones the generated use. */
export function vocabularyUse(generated: readonly Sentence[], references: readonly Sentence[]): VocabularyUse {
  const used = new Set(generated.flat());
  const known = new Set(references.flat());
  let shared = 0;
  for (const token of used) if (known.has(token)) shared++;
  return { generated: used.size, reference: known.size, coverage: known.size === 0 ? 0 : shared / known.size };
}
