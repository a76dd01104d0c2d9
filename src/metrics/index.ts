// The metrics' public surface: re-exports only.
export { checkComparable, checkSequenceSet, selectSequences, type SequenceSet } from './sequence-set.js';
export { maximumMeanDiscrepancy, type MmdOptions, type MmdResult } from './mmd.js';
export {
  marginalDistances,
  wasserstein1,
  kolmogorovSmirnovStatistic,
  sortedFeature,
  type MarginalDistances,
} from './marginals.js';
export { autocorrelationCurves, autocorrelationDistance, type AutocorrelationComparison } from './autocorrelation.js';
export { featureCorrelations, correlationDistance, type CorrelationComparison } from './correlation.js';
export { memorisation, type MemorisationOptions, type MemorisationResult } from './memorisation.js';
export { fitPca, projectPca, type PcaFit } from './pca.js';
export { symmetricEigen, type Eigen } from './symmetric-eigen.js';
export { tsne, type TsneOptions } from './tsne.js';
export {
  visualisation,
  featureMeanVectors,
  type Visualisation,
  type VisualisationOptions,
  type Embedding2D,
} from './visualisation.js';
export { trainTestSplit, batchIndices, sampleIndices, type Split } from './sampling.js';
export { discriminativeScore } from './discriminative.js';
export { predictiveScore } from './predictive.js';
export { type ScoreOptions } from './score-options.js';
export { repeatScore, type RepeatedScore } from './repeat-score.js';
export { PostHocNetwork, postHocHidden } from './post-hoc-network.js';
export { sequenceBatch, windowSequences, type SequencePick, type SequenceWindow } from './sequence-batch.js';
export { evaluateFidelity, fidelitySummary, FIDELITY_DEFAULTS, type FidelityOptions, type FidelityResult } from './fidelity.js';
export * from './text/index.js';
