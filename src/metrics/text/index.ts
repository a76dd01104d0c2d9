// The text metrics' public surface: re-exports only.
export { bleu, meanBleu, selfBleu, brevityPenalty, ReferenceSet, BLEU_ORDERS, SMOOTHING_EPSILON, type BleuScore } from './bleu.js';
export { type Sentence } from './ngrams.js';
export {
  textMetrics,
  TextScorer,
  qualityDiversityCurve,
  sampleSentences,
  averageLength,
  vocabularyUse,
  TEXYGEN_FAST_SAMPLE_SIZE,
  type TextMetrics,
  type TextMetricOptions,
  type CurvePoint,
  type VocabularyUse,
} from './text-metrics.js';
export { lengthHistogram, topNgrams, type NgramCount } from './histograms.js';
