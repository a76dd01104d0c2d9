// recurrent-gan's public API: re-exports only.
export { RecurrentGAN, type FitData, type FitOptions, type SampleOptions, type SampleBatchOptions, type RGANTrainingState } from './models/rgan/model.js';
export { resolveRGANConfig, DEFAULT_RGAN_CONFIG, CELLS, LOSSES, type RGANConfig, type Cell, type AdversarialLoss } from './models/rgan/config.js';
export type { TrainingData } from './models/rgan/batches.js';
export { TimeGAN, type TimeGANTrainingState } from './models/timegan/model.js';
export { resolveTimeGANConfig, DEFAULT_TIMEGAN_CONFIG, LEARNING_RATE_DECAYS, type TimeGANConfig, type LearningRateDecay } from './models/timegan/config.js';
export { loadModel, MODEL_KINDS, type SequenceModel } from './models/registry.js';
export * from './metrics/index.js';
export { runTrainingLoop, DivergenceError, type ProgressEvent, type LoopResult, type Losses } from './train/loop.js';
export * from './data/index.js';
export { Engine, type Backend } from './engine/engine.js';
export { Tensor, Parameter } from './engine/tensor.js';
export { Random, type RandomState } from './engine/random.js';
export * as ops from './engine/ops/index.js';
export * from './nn/index.js';
export { saveModelDirectory, loadModelDirectory, isModelDirectory, FORMAT_VERSION, type ModelFiles } from './io/model-directory.js';
export { UserError, isUserError, type ErrorPlace } from './errors.js';
export { featureStatistics, worstRelativeDifference, type FeatureStatistics } from './metrics/basic-statistics.js';
