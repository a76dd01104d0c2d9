// `rgan eval --real coco-test --synthetic samples.txt`: text samples scored against real text
// without a model — BLEU-2…5, self-BLEU-2…5, average length and vocabulary use (docs/TEXT.md) —
// as a table or one JSON document. eval.ts sends a comparison here when either side is text.
import { formatExtension } from '../../data/input-file.js';
import { UserError } from '../../errors.js';
import { BLEU_ORDERS, textMetrics, type BleuScore, type TextMetrics } from '../../metrics/text/index.js';
import { isBuiltinTextDataset, loadTextCorpus } from '../../text/builtin.js';
import type { TextCorpus } from '../../text/corpus.js';
import { splitTokens } from '../../text/tokenize.js';
import type { TokenLevel } from '../../text/tokens.js';
import { printResult, type CliContext, type CommonOptions } from '../command.js';
import { formatCount } from '../format.js';

/** The extensions of text corpora and samples (after .gz). */
const TEXT_EXTENSIONS = ['.txt', '.text', '.jsonl', '.ndjson'];

export interface TextComparisonFlags extends CommonOptions {
  real: string;
  synthetic: string;
  tokens: TokenLevel;
  /** Texygen's fast path: the first N references for BLEU and N sentences for self-BLEU. */
  textSample?: number;
}

/** True when --real or --synthetic names text: coco, coco-test, or a .txt or .jsonl file. */
export function isTextComparison(real: string, synthetic: string): boolean {
  return isBuiltinTextDataset(real) || [real, synthetic].some((path) => TEXT_EXTENSIONS.includes(formatExtension(path)));
}

export async function evaluateText(options: TextComparisonFlags, context: CliContext): Promise<void> {
  const real = await loadTextCorpus(options.real, { flag: '--real' });
  const synthetic = await loadTextCorpus(options.synthetic, { flag: '--synthetic', blankLines: 'keep' });
  if (synthetic.texts.length < 2) throw new UserError('self-BLEU needs two synthetic sentences at least; the file holds one', { file: synthetic.file, flag: '--synthetic' });
  const sentences = (corpus: TextCorpus): string[][] => corpus.texts.map((text) => splitTokens(text, options.tokens));
  const metrics = textMetrics(sentences(synthetic), sentences(real), {
    references: options.textSample ?? Infinity,
    selfBleuSentences: options.textSample ?? Infinity,
    orders: BLEU_ORDERS,
  });
  const document = {
    kind: 'text',
    tokens: options.tokens,
    real: { source: real.file, sentences: real.texts.length },
    synthetic: { source: synthetic.file, sentences: synthetic.texts.length },
    bleu: byOrder(metrics.bleu),
    selfBleu: byOrder(metrics.selfBleu),
    averageLength: metrics.averageLength,
    vocabulary: metrics.vocabulary,
    counts: metrics.counts,
  };
  printResult(context, options, document, () => textTable(real, synthetic, metrics, options.tokens));
}

/** [{n: 2, value}, …] → {"2": value, …}. */
function byOrder(scores: BleuScore[]): Record<string, number> {
  return Object.fromEntries(scores.map(({ n, value }) => [String(n), value]));
}

function textTable(real: TextCorpus, synthetic: TextCorpus, m: TextMetrics, level: TokenLevel): string {
  const unit = level === 'word' ? 'words' : 'characters';
  const fixed = (value: number): string => value.toFixed(3).padStart(7);
  const sample = (used: number, all: number): string => (used < all ? ` (the first ${formatCount(used)})` : '');
  return [
    `real       ${real.file}: ${formatCount(real.texts.length)} sentences, ${m.averageLength.reference.toFixed(2)} ${unit} on average`,
    `synthetic  ${synthetic.file}: ${formatCount(synthetic.texts.length)} sentences, ${m.averageLength.generated.toFixed(2)} ${unit} on average`,
    '',
    `n-gram order ${m.bleu.map(({ n }) => String(n).padStart(7)).join('')}`,
    `BLEU         ${m.bleu.map(({ value }) => fixed(value)).join('')}   against the real sentences${sample(m.counts.bleuReferences, m.counts.reference)}`,
    `self-BLEU    ${m.selfBleu.map(({ value }) => fixed(value)).join('')}   among the synthetic sentences${sample(m.counts.selfBleuSentences, m.counts.generated)}; lower is more diverse`,
    `vocabulary   ${formatCount(m.vocabulary.generated)} distinct ${unit}; ${(100 * m.vocabulary.coverage).toFixed(1)}% of the real text's ${formatCount(m.vocabulary.reference)}`,
  ].join('\n');
}
