// The data layer's public surface: re-exports only.
export type { DataSource, Table, ColumnCells } from './source.js';
export { readTable, parseTable, detectDelimiter, type TableOptions } from './table.js';
export { readSequenceFile, DATA_FILE_EXTENSIONS, type ReadOptions } from './read.js';
export { parseJsonSequences } from './json-sequences.js';
export { parseNpy, encodeNpy, type NpyArray } from './npy.js';
export { prepareDataset, type PreparedData } from './prepare.js';
export { resolveDataOptions, MISSING_POLICIES, type DataOptions, type MissingPolicy } from './options.js';
export { DataEncoder, type DataEncoderJSON } from './encoder.js';
export type { ColumnSpec, NumericColumnSpec, CategoricalColumnSpec } from './layout.js';
export { sampleIndexColumn, sampleIndexColumns, type DecodedSamples, type DecodedColumn } from './samples.js';
export { writeSamples, writeSampleBatches, sampleTextChunks, samplesToCsv, samplesToJson, samplesToNpy, SAMPLE_FILE_EXTENSIONS } from './writers.js';
export {
  BUILTIN_DATASETS,
  isBuiltinDataset,
  loadBuiltinDataset,
  loadDataSource,
  type BuiltinDatasetName,
} from './builtin.js';
export { generateSines, type SineOptions } from './sines.js';
export { loadBenchmarkWindows, type BenchmarkWindows } from './benchmark.js';
export { packageRoot, datasetPath } from './package-root.js';
