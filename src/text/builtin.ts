// The built-in text datasets: COCO captions (datasets/coco-*.txt.gz, CC BY 4.0; see
// datasets/README.md), loadable by name as `--data coco` the way src/data/builtin.ts loads
// stocks and energy.
import { readInputFile } from '../data/input-file.js';
import { datasetPath } from '../data/package-root.js';
import { parseTextCorpus, readTextCorpus, type CorpusOptions, type TextCorpus } from './corpus.js';
import { tokenizeCorpus, type TokenizeOptions } from './sequences.js';
import type { TokenSequences } from './tokens.js';

export const BUILTIN_TEXT_DATASETS = ['coco', 'coco-test'] as const;

export type BuiltinTextDatasetName = (typeof BUILTIN_TEXT_DATASETS)[number];

const FILES: Record<BuiltinTextDatasetName, string> = { coco: 'coco-train.txt.gz', 'coco-test': 'coco-test.txt.gz' };

/** True for the names of built-in text datasets: coco, coco-test. */
export function isBuiltinTextDataset(name: string): name is BuiltinTextDatasetName {
  return (BUILTIN_TEXT_DATASETS as readonly string[]).includes(name);
}

/**
 * A built-in text dataset as a corpus named after it: `coco`, 10,000 training captions, and
 * `coco-test`, 10,000 others (the reference set of BLEU in Texygen's benchmark).
 *
 * @example
 * const captions = await loadBuiltinTextDataset('coco'); // captions.texts.length === 10_000
 */
export async function loadBuiltinTextDataset(name: BuiltinTextDatasetName): Promise<TextCorpus> {
  const corpus = parseTextCorpus(await readInputFile(datasetPath(FILES[name])), FILES[name]);
  return { ...corpus, file: name };
}

/** What `--data` names for text: a built-in text dataset by name, else a corpus file. */
export async function loadTextCorpus(pathOrName: string, options: CorpusOptions = {}): Promise<TextCorpus> {
  return isBuiltinTextDataset(pathOrName) ? loadBuiltinTextDataset(pathOrName) : readTextCorpus(pathOrName, options);
}

/**
 * What `--data` names, read and tokenized: loadTextCorpus, then tokenizeCorpus.
 *
 * @example
 * const train = await loadTokenSequences('coco', { level: 'word', vocabularyCap: 5000 });
 * const test = await loadTokenSequences('coco-test', { vocabulary: train.vocabulary, seqLen: train.seqLen, overlong: 'cut' });
 */
export async function loadTokenSequences(pathOrName: string, options: CorpusOptions & TokenizeOptions = {}): Promise<TokenSequences> {
  return tokenizeCorpus(await loadTextCorpus(pathOrName, options), options);
}
