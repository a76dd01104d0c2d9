// Modules with parameters, initialisers, optimizers and gradient clipping.
export { type Module, freezeParameters } from './module.js';
export { Dense, type DenseConfig, type DenseOptions, DENSE_DEFAULTS } from './dense.js';
export { Embedding, type EmbeddingConfig } from './embedding.js';
export { Recurrent, type RecurrentConfig, type RecurrentOptions } from './recurrent.js';
export { type Initializer, INITIALIZERS, glorotUniform, orthogonal, uniform, normal, zeros, initialWeights } from './init.js';
export { type Optimizer } from './optimizer.js';
export { Adam, type AdamConfig, type AdamState, ADAM_DEFAULTS } from './adam.js';
export { SGD, type SGDConfig, type SGDState } from './sgd.js';
export { clipGradNorm } from './clip.js';
export { WeightAverage } from './weight-average.js';
