// N-gram counting for BLEU and self-BLEU: the n-grams of a reference set numbered once, their
// clipping counts, and the reference lengths.

/** A tokenized sentence. */
export type Sentence = readonly string[];

/** Distinct tokens an index can number: 2^21, so that a prefix id × this stays exact in a double. */
const TOKEN_SPACE = 2 ** 21;

/**
 * The n-grams of a reference set, numbered 1, 2, …: a k-gram's id is looked up from the id of
 * its first k − 1 tokens and its last token, so walking the n-grams of a sentence costs one
 * numeric map lookup per n-gram (no string keys). Each id knows its order.
 */
export class NgramIndex {
  private readonly tokens = new Map<string, number>();
  private readonly children = new Map<number, number>(); // prefix id · TOKEN_SPACE + token id → n-gram id
  private readonly orders: number[] = [0]; // id → order; id 0 is the empty prefix

  constructor(readonly maxOrder: number) {}

  /** The order (n) of n-gram `id`. */
  order(id: number): number {
    return this.orders[id];
  }

  /**
   * How often each n-gram of orders 1…maxOrder occurs in `sentence`, by id. With `add`, new
   * tokens and n-grams are numbered; without, n-grams the index lacks are left out (they match
   * nothing).
   */
  counts(sentence: Sentence, add: boolean): Map<number, number> {
    const ids = this.tokenIds(sentence, add);
    const counts = new Map<number, number>();
    for (let start = 0; start < ids.length; start++) {
      let prefix = 0;
      for (let k = 1; k <= this.maxOrder && start + k <= ids.length; k++) {
        const token = ids[start + k - 1];
        if (token < 0) break;
        const key = prefix * TOKEN_SPACE + token;
        let id = this.children.get(key);
        if (id === undefined) {
          if (!add) break; // an unknown k-gram: every longer one from here is unknown too
          id = this.orders.length;
          this.children.set(key, id);
          this.orders.push(k);
        }
        counts.set(id, (counts.get(id) ?? 0) + 1);
        prefix = id;
      }
    }
    return counts;
  }

  private tokenIds(sentence: Sentence, add: boolean): Int32Array {
    return Int32Array.from(sentence, (token) => {
      let id = this.tokens.get(token);
      if (id === undefined && add) {
        if (this.tokens.size >= TOKEN_SPACE) throw new Error(`NgramIndex: more than ${TOKEN_SPACE} distinct tokens`);
        this.tokens.set(token, (id = this.tokens.size));
      }
      return id ?? -1;
    });
  }
}

/**
 * The clipping counts of a sentence set, by n-gram id: the most times any one sentence holds
 * the n-gram, which sentence that is, and the most times any other sentence holds it (so a
 * sentence can be left out of its own reference set in O(1), for self-BLEU).
 */
export class MaxCounts {
  // Indexed by n-gram id; typed arrays grown by doubling (a sparse JS array turns into a slow dictionary).
  private count: Int32Array = new Int32Array(1024);
  private holder: Int32Array = new Int32Array(1024);
  private runnerUp: Int32Array = new Int32Array(1024);

  /** Adds sentence number `holder`'s counts. */
  add(counts: Map<number, number>, holder: number): void {
    for (const [id, count] of counts) {
      if (id >= this.count.length) this.grow(id + 1);
      const best = this.count[id];
      if (count > best) {
        this.runnerUp[id] = best;
        this.count[id] = count;
        this.holder[id] = holder;
      } else if (count > this.runnerUp[id]) {
        this.runnerUp[id] = count;
      }
    }
  }

  /** The most times one sentence holds n-gram `id`, sentence `without` left out when given. */
  max(id: number, without = -1): number {
    if (id >= this.count.length) return 0;
    return this.holder[id] === without && this.count[id] > 0 ? this.runnerUp[id] : this.count[id];
  }

  private grow(size: number): void {
    const capacity = Math.max(size, this.count.length * 2);
    const grown = (from: Int32Array): Int32Array => {
      const to = new Int32Array(capacity);
      to.set(from);
      return to;
    };
    this.count = grown(this.count);
    this.holder = grown(this.holder);
    this.runnerUp = grown(this.runnerUp);
  }
}

/** How many sentences have each length, for the closest reference length. */
export class LengthCounts {
  private readonly counts = new Map<number, number>();

  add(length: number): void {
    this.counts.set(length, (this.counts.get(length) ?? 0) + 1);
  }

  /**
   * The reference length closest to `length`, the shorter on a tie (as NLTK's
   * closest_ref_length), with one sentence of length `without` left out when given.
   */
  closest(length: number, without = -1): number {
    let best = -1;
    for (const [candidate, count] of this.counts) {
      if (count - (candidate === without ? 1 : 0) <= 0) continue;
      const distance = Math.abs(candidate - length);
      const bestDistance = Math.abs(best - length);
      if (best < 0 || distance < bestDistance || (distance === bestDistance && candidate < best)) best = candidate;
    }
    if (best < 0) throw new Error('closest: no reference sentence');
    return best;
  }
}
