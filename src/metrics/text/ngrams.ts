// N-gram counting shared by BLEU and self-BLEU: tokens interned to small integers, an n-gram
// keyed by its ids, and the clipping counts of a reference set gathered once.

/** A tokenized sentence. */
export type Sentence = readonly string[];

/** Tokens → small integer ids, so an n-gram's key is short. */
export class TokenInterner {
  private readonly ids = new Map<string, number>();

  /** The sentence as ids, new tokens numbered as they come. */
  intern(sentence: Sentence): Int32Array {
    return Int32Array.from(sentence, (token) => {
      let id = this.ids.get(token);
      if (id === undefined) this.ids.set(token, (id = this.ids.size));
      return id;
    });
  }
}

/** The key of the n-gram of `ids` starting at `start`, `n` long. */
export function ngramKey(ids: Int32Array, start: number, n: number): string {
  let key = String(ids[start]);
  for (let t = start + 1; t < start + n; t++) key += ',' + ids[t];
  return key;
}

/** How often each n-gram of order `n` occurs in `ids`. */
export function ngramCounts(ids: Int32Array, n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let start = 0; start + n <= ids.length; start++) {
    const key = ngramKey(ids, start, n);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * The clipping counts of one n-gram order over a set of sentences: for each n-gram, the most
 * times any one sentence holds it, which sentence that is, and the most times any other
 * sentence holds it (so a sentence can be left out of its own reference set in O(1)).
 */
export class MaxCounts {
  private readonly best = new Map<string, { count: number; holder: number; runnerUp: number }>();

  /** Adds sentence number `holder`'s counts of this order. */
  add(counts: Map<string, number>, holder: number): void {
    for (const [key, count] of counts) {
      const entry = this.best.get(key);
      if (entry === undefined) this.best.set(key, { count, holder, runnerUp: 0 });
      else if (count > entry.count) Object.assign(entry, { runnerUp: entry.count, count, holder });
      else if (count > entry.runnerUp) entry.runnerUp = count;
    }
  }

  /** The most times one sentence holds `key`, sentence `without` left out when given. */
  max(key: string, without = -1): number {
    const entry = this.best.get(key);
    if (entry === undefined) return 0;
    return entry.holder === without ? entry.runnerUp : entry.count;
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
