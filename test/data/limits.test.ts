// The categorical limit at its edge: MAX_CATEGORIES labels are a categorical column, one more is
// refused before anything is encoded.
import { describe, expect, it } from 'vitest';
import { parseTable, prepareDataset } from '../../src/data/index.js';
import { MAX_CATEGORIES } from '../../src/data/limits.js';

/** A CSV whose `label` column has `count` distinct labels, one per row. */
const labels = (count: number) => parseTable(['x,label', ...Array.from({ length: count }, (_, i) => `${i},L${i}`)].join('\n'), 'labels.csv');

describe('MAX_CATEGORIES', () => {
  it('accepts a column with exactly the limit of labels, one-hot encoded', () => {
    const data = prepareDataset(labels(MAX_CATEGORIES), { seqLen: 1 });
    expect(data.features).toBe(1 + MAX_CATEGORIES);
  });

  it('refuses one label more, naming the column and its count', () => {
    expect(() => prepareDataset(labels(MAX_CATEGORIES + 1), { seqLen: 1 })).toThrow(
      `labels.csv, column "label": the column has ${MAX_CATEGORIES + 1} distinct text values, more than the ${MAX_CATEGORIES} a categorical column may have`,
    );
  });
});
