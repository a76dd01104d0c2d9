// `rgan eval --real FILE|sines|stocks|energy --synthetic FILE …`: every fidelity metric of a
// synthetic sample against the real data, windowed and scaled as TimeGAN's protocol does
// (docs/TIMEGAN.md §1, §3, §4), as a table or one JSON document. Its flags are shared with
// `rgan report`. Text (--real coco-test, or a .txt or .jsonl file on either side) goes to
// eval-text.ts instead.
import type { Command } from 'commander';
import { FIDELITY_DEFAULTS, type FidelityResult } from '../../metrics/index.js';
import {
  evaluateInStages,
  evaluationDocument,
  formatMetricTable,
  loadRealSequences,
  loadSyntheticSequences,
  metricRows,
  type EvaluationSettings,
  type NamedSequences,
  type RealSequences,
} from '../../report/index.js';
import { addCommand, printResult, type CliContext, type CommonOptions } from '../command.js';
import { choice, nonNegativeInteger, positiveInteger } from '../flags.js';
import { createProgress } from '../progress.js';
import { evaluateText, isTextComparison, type TextComparisonFlags } from './eval-text.js';

/** The flags `eval` and `report` share: what to compare and how hard to look. */
export interface ComparisonFlags extends CommonOptions {
  real: string;
  synthetic: string;
  seqLen: number;
  repeats: number;
  seed: number;
  discriminativeIterations: number;
  predictiveIterations: number;
  id?: string;
  time?: string;
}

export function registerEval(program: Command, context: CliContext): void {
  addComparisonFlags(addCommand(program, 'eval', 'score synthetic sequences against real data'))
    .option('--tokens <level>', 'text (--real coco, coco-test or a .txt/.jsonl file, or --synthetic .txt/.jsonl): compare char or word tokens', choice('--tokens', ['char', 'word'] as const), 'word')
    .option('--text-sample <n>', "text only: use the first N real sentences for BLEU and N synthetic ones for self-BLEU (Texygen's fast path: 500); default all", positiveInteger('--text-sample'))
    .action((options: ComparisonFlags & TextComparisonFlags) =>
      isTextComparison(options.real, options.synthetic) ? evaluateText(options, context) : evaluate(options, context),
    );
}

/** Adds --real, --synthetic, --seq-len, --repeats, --seed, the post-hoc iterations, --id, --time. */
export function addComparisonFlags(command: Command): Command {
  return command
    .requiredOption('--real <file>', 'real data: CSV, JSON or .npy file, or a built-in dataset: sines, stocks, energy')
    .requiredOption('--synthetic <file>', 'synthetic sequences as rgan sample writes them (.csv, .json, .npy), in the data\'s units')
    .option('--seq-len <n>', 'steps per real window (the synthetic sequences must match)', positiveInteger('--seq-len'), 24)
    .option('--repeats <n>', 'runs of each post-hoc score, reported as mean ± std (0 skips them)', nonNegativeInteger('--repeats'), FIDELITY_DEFAULTS.repeats)
    .option('--seed <n>', 'seed of the window shuffle, subsamples and post-hoc networks', nonNegativeInteger('--seed'), FIDELITY_DEFAULTS.seed)
    .option('--discriminative-iterations <n>', 'training steps of each post-hoc classifier', positiveInteger('--discriminative-iterations'), FIDELITY_DEFAULTS.discriminativeIterations)
    .option('--predictive-iterations <n>', 'training steps of each post-hoc predictor', positiveInteger('--predictive-iterations'), FIDELITY_DEFAULTS.predictiveIterations)
    .option('--id <column>', 'column naming the series each row of the real file belongs to')
    .option('--time <column>', 'column ordering the rows of the real file');
}

/** What a comparison produced, for printing or for the report. */
export interface Comparison {
  real: RealSequences;
  synthetic: NamedSequences;
  result: FidelityResult;
  settings: EvaluationSettings;
}

/**
 * Loads both sets and evaluates them, with a progress bar on a TTY (never JSON lines: with
 * --json, stdout holds the one result document).
 */
export async function compare(options: ComparisonFlags, context: CliContext, plots: 'pca+tsne' | false): Promise<Comparison> {
  const real = await loadRealSequences(options.real, { seqLen: options.seqLen, seed: options.seed, id: options.id, time: options.time });
  const synthetic = await loadSyntheticSequences(options.synthetic, real);
  const settings: EvaluationSettings = {
    seqLen: options.seqLen,
    repeats: options.repeats,
    seed: options.seed,
    discriminativeIterations: options.discriminativeIterations,
    predictiveIterations: options.predictiveIterations,
  };
  const progress = createProgress(context.terminal);
  try {
    const result = await evaluateInStages(real.set, synthetic.set, {
      repeats: options.repeats,
      seed: options.seed,
      discriminativeIterations: options.discriminativeIterations,
      predictiveIterations: options.predictiveIterations,
      visualisation: plots,
    }, ({ done, total, stage, value }) => {
      progress.update({ iteration: done, iterations: total, losses: Number.isFinite(value) ? { [stage]: value } : {} });
    });
    return { real, synthetic, result, settings };
  } finally {
    progress.stop();
  }
}

async function evaluate(options: ComparisonFlags, context: CliContext): Promise<void> {
  const { real, synthetic, result, settings } = await compare(options, context, false);
  printResult(context, options, evaluationDocument(real, synthetic, result, settings), () => [
    `real       ${real.source}: ${shape(real)}`,
    `synthetic  ${synthetic.source}: ${shape(synthetic)}`,
    '',
    formatMetricTable(metricRows(result, settings)),
  ].join('\n'));
}

function shape({ set }: NamedSequences): string {
  return `${set.count.toLocaleString('en-US')} sequences of ${set.length} steps × ${set.features} features`;
}
