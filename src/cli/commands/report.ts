// `rgan report --real … --synthetic … [--model DIR] --out report.html`: one self-contained HTML
// file with the metric table and plots (PCA, t-SNE, sample sequences, marginals, ACF and, given
// a model, its training losses), written atomically.
import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { UserError } from '../../errors.js';
import { assertParentDirectory, writeFileAtomic } from '../../io/atomic-write.js';
import { asUserError } from '../../io/fs-errors.js';
import { buildReport, evaluationDocument, readLossHistory, type LossHistory } from '../../report/index.js';
import { addCommand, printResult, type CliContext } from '../command.js';
import { formatBytes } from '../format.js';
import { addComparisonFlags, compare, type ComparisonFlags } from './eval.js';

export interface ReportOptions extends ComparisonFlags {
  out: string;
  model?: string;
}

export function registerReport(program: Command, context: CliContext): void {
  addComparisonFlags(addCommand(program, 'report', 'write an HTML report comparing synthetic and real sequences'))
    .requiredOption('--out <file>', 'the HTML file to write')
    .option('--model <dir>', 'model directory whose training losses to plot')
    .action((options: ReportOptions) => report(options, context));
}

export async function report(options: ReportOptions, context: CliContext): Promise<void> {
  // Checked before the long evaluation, so a wrong path fails at once.
  await checkOutput(options.out);
  const history: LossHistory | undefined = options.model === undefined ? undefined : await readLossHistory(options.model, '--model');
  const { real, synthetic, result, settings } = await compare(options, context, 'pca+tsne');
  const model = options.model === undefined || history === undefined ? undefined : { dir: options.model, history };
  const html = await buildReport({ real, synthetic, result, settings, model });
  await writeFileAtomic(options.out, html).catch((e: unknown) => {
    throw asUserError(e, 'write the report', { flag: '--out', file: options.out });
  });
  const bytes = Buffer.byteLength(html);
  const summary = { out: options.out, bytes, ...(evaluationDocument(real, synthetic, result, settings) as object) };
  printResult(context, options, summary, () => `wrote ${options.out} (${formatBytes(bytes)}): ${real.source} vs ${synthetic.source}`);
}

/** The report's directory must exist and the name must not be a directory. */
async function checkOutput(out: string): Promise<void> {
  await assertParentDirectory(out, '--out');
  const info = await stat(out).catch(() => null);
  if (info?.isDirectory() === true) throw new UserError('is a directory; name the HTML file to write', { flag: '--out', file: out });
}
