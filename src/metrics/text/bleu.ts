// BLEU of generated sentences against a reference set, and self-BLEU, as Texygen computes them:
// NLTK's sentence_bleu (nltk.translate.bleu_score) with SmoothingFunction().method1 and uniform
// weights 1/n over the n-gram orders 1…n, each hypothesis scored against the whole reference
// set, the scores averaged. Per hypothesis, with c its length and r the reference length closest
// to c (the shorter on a tie):
//   p_k  = Σ_g min(count_hyp(g), max_ref count_ref(g)) / max(1, c − k + 1)   (k-grams g)
//          a p_k of 0 becomes 0.1 / max(1, c − k + 1)                        (method1, ε = 0.1)
//   BLEU-n = 0 when p_1 is 0, else BP · exp(Σ_{k≤n} log(p_k) / n),
//   BP = 1 when c > r, else exp(1 − r / c).
// Texygen's loops cost O(hypotheses × references); here the references' n-grams are numbered
// and each one's largest count gathered once, so a hypothesis costs O(its length × n), and
// self-BLEU leaves each sentence out of its own reference set with the runner-up count.
import { LengthCounts, MaxCounts, NgramIndex, type Sentence } from './ngrams.js';

/** The orders Texygen reports: BLEU-2 … BLEU-5. */
export const BLEU_ORDERS = [2, 3, 4, 5] as const;

/** NLTK's SmoothingFunction epsilon: the count given to an order with no match (method1). */
export const SMOOTHING_EPSILON = 0.1;

/** The score of one order, e.g. { n: 4, value: 0.29 } for BLEU-4. */
export interface BleuScore {
  readonly n: number;
  readonly value: number;
}

/** A hypothesis's clipped matches and n-gram totals per order (index k − 1), its length and r. */
interface Matches {
  readonly clipped: number[];
  readonly totals: number[];
  readonly length: number;
  readonly closest: number;
}

/**
 * A reference set prepared for scoring many hypotheses: its n-gram clipping counts up to
 * `maxOrder` and its lengths.
 *
 * @example
 * const refs = new ReferenceSet(testCaptions.map((t) => splitTokens(t, 'word')));
 * refs.bleu(['a', 'dog', 'on', 'a', 'bed'], 4); // NLTK's sentence_bleu(refs, hyp, (¼,¼,¼,¼), method1)
 */
export class ReferenceSet {
  private readonly ngrams: NgramIndex;
  private readonly maxCounts = new MaxCounts();
  private readonly lengths = new LengthCounts();
  readonly size: number;

  constructor(
    references: readonly Sentence[],
    readonly maxOrder: number = BLEU_ORDERS[BLEU_ORDERS.length - 1],
  ) {
    if (references.length === 0) throw new Error('ReferenceSet: no reference sentences');
    this.ngrams = new NgramIndex(maxOrder);
    references.forEach((sentence, s) => {
      this.maxCounts.add(this.ngrams.counts(sentence, true), s);
      this.lengths.add(sentence.length);
    });
    this.size = references.length;
  }

  /** BLEU-n of `hypothesis` against the set (reference number `without` left out, for self-BLEU). */
  bleu(hypothesis: Sentence, n: number, without = -1): number {
    return bleuOfMatches(this.matches(hypothesis, without), n);
  }

  /** BLEU-n for each n of `orders`, sharing the n-gram counts. */
  bleuOrders(hypothesis: Sentence, orders: readonly number[], without = -1): number[] {
    const matches = this.matches(hypothesis, without);
    return orders.map((n) => bleuOfMatches(matches, n));
  }

  private matches(hypothesis: Sentence, without: number): Matches {
    const length = hypothesis.length;
    const clipped = new Array<number>(this.maxOrder).fill(0);
    for (const [id, count] of this.ngrams.counts(hypothesis, false)) clipped[this.ngrams.order(id) - 1] += Math.min(count, this.maxCounts.max(id, without));
    const totals = clipped.map((_, k) => Math.max(0, length - k));
    const ownLength = without >= 0 ? length : -1; // self-BLEU: the hypothesis is reference `without`
    return { clipped, totals, length, closest: this.lengths.closest(length, ownLength) };
  }
}

function bleuOfMatches({ clipped, totals, length, closest }: Matches, n: number): number {
  if (n < 1 || n > clipped.length) throw new Error(`bleu: order ${n} is outside 1…${clipped.length}`);
  if (clipped[0] === 0) return 0; // NLTK: no unigram matches, BLEU 0 whatever the smoothing
  let logSum = 0;
  for (let k = 0; k < n; k++) {
    const denominator = Math.max(1, totals[k]);
    const precision = clipped[k] > 0 ? clipped[k] / denominator : SMOOTHING_EPSILON / denominator;
    logSum += (1 / n) * Math.log(precision);
  }
  return brevityPenalty(closest, length) * Math.exp(logSum);
}

/** BLEU's brevity penalty for a hypothesis of `length` tokens and the closest reference length. */
export function brevityPenalty(closest: number, length: number): number {
  if (length > closest) return 1;
  if (length === 0) return 0;
  return Math.exp(1 - closest / length);
}

/**
 * Mean BLEU-n of `hypotheses` against `references` for each n of `orders` (Texygen's BLEU).
 *
 * @example
 * bleu(generated, reference, [2, 3, 4, 5]); // [{ n: 2, value: 0.74 }, …]
 */
export function bleu(hypotheses: readonly Sentence[], references: readonly Sentence[], orders: readonly number[] = BLEU_ORDERS): BleuScore[] {
  return meanBleu(hypotheses, new ReferenceSet(references, Math.max(...orders)), orders);
}

/** bleu() against a reference set prepared once, for scoring several generated sets. */
export function meanBleu(hypotheses: readonly Sentence[], references: ReferenceSet, orders: readonly number[] = BLEU_ORDERS): BleuScore[] {
  if (hypotheses.length === 0) throw new Error('bleu: no hypotheses');
  return meanScores(orders, hypotheses.map((hypothesis) => references.bleuOrders(hypothesis, orders)));
}

/**
 * Mean self-BLEU-n of `sentences` for each n of `orders`: each sentence scored against all the
 * others (Texygen's SelfBleu). Higher means less diverse. Needs two sentences at least.
 */
export function selfBleu(sentences: readonly Sentence[], orders: readonly number[] = BLEU_ORDERS): BleuScore[] {
  if (sentences.length < 2) throw new Error('selfBleu: needs two sentences at least');
  const set = new ReferenceSet(sentences, Math.max(...orders));
  return meanScores(orders, sentences.map((sentence, s) => set.bleuOrders(sentence, orders, s)));
}

function meanScores(orders: readonly number[], perSentence: number[][]): BleuScore[] {
  return orders.map((n, i) => {
    let sum = 0;
    for (const scores of perSentence) sum += scores[i];
    return { n, value: sum / perSentence.length };
  });
}
