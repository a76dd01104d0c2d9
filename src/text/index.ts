// Text and other token sequences' public surface: re-exports only.
export { PAD, EOS, UNK, RESERVED_TOKENS, type TokenLevel, type Vocabulary, type TokenLabels, type TokenSequences } from './tokens.js';
export { splitTokens, joinTokens, TOKEN_SEPARATORS } from './tokenize.js';
export { buildVocabulary, VocabularyIndex, tokensOf, vocabularyToJson, vocabularyFromJson, MAX_VOCABULARY_TOKENS } from './vocabulary.js';
export { saveVocabulary, loadVocabulary } from './vocabulary-file.js';
export { readTextCorpus, parseTextCorpus, type TextCorpus, type CorpusOptions } from './corpus.js';
export { tokenizeCorpus, sequenceText, sequenceTexts, type TokenizeOptions } from './sequences.js';
export { BUILTIN_TEXT_DATASETS, isBuiltinTextDataset, loadBuiltinTextDataset, loadTextCorpus, loadTokenSequences, type BuiltinTextDatasetName } from './builtin.js';
export { writeTextSamples, TEXT_SAMPLE_EXTENSIONS } from './writers.js';
