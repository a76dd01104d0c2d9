// What a text report plots beside the scores: how long the sentences are, and which n-grams
// are most common, for generated and real text alike.
import type { Sentence } from './ngrams.js';

/** counts[L] = sentences of L tokens, for L = 0 … the longest. */
export function lengthHistogram(sentences: readonly Sentence[]): number[] {
  const counts: number[] = [];
  for (const { length } of sentences) {
    while (counts.length <= length) counts.push(0);
    counts[length]++;
  }
  return counts;
}

/** An n-gram's tokens and how often it occurs. */
export interface NgramCount {
  readonly tokens: readonly string[];
  readonly count: number;
}

/**
 * The `top` most frequent n-grams of order `n`, most frequent first; equal counts in the order
 * the n-grams first occur.
 *
 * @example
 * topNgrams([['a', 'dog'], ['a', 'cat'], ['a', 'dog']], 2, 1); // [{ tokens: ['a', 'dog'], count: 2 }]
 */
export function topNgrams(sentences: readonly Sentence[], n: number, top: number): NgramCount[] {
  const counts = new Map<string, { tokens: string[]; count: number }>();
  for (const sentence of sentences) {
    for (let start = 0; start + n <= sentence.length; start++) {
      const tokens = sentence.slice(start, start + n);
      const key = JSON.stringify(tokens); // tokens may hold any character, spaces included
      const entry = counts.get(key);
      if (entry === undefined) counts.set(key, { tokens, count: 1 });
      else entry.count++;
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count).slice(0, top); // sort is stable
}
