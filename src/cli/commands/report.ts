// `rgan report --real … --synthetic … [--model DIR] --out report.html`: one self-contained HTML
// file with the metric table and plots (PCA, t-SNE, sample sequences, marginals, ACF and, given
// a model, its training losses), written atomically, or printed with `--out -`.
import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { asUserError } from '../../io/fs-errors.js';
import { checkOutputFile, STANDARD_OUTPUT } from '../../io/output-path.js';
import { buildReport, evaluationDocument, readLossHistory, type LossHistory } from '../../report/index.js';
import { addCommand, printResult, type CliContext } from '../command.js';
import { formatBytes } from '../format.js';
import { addComparisonFlags, compare, type ComparisonFlags } from './eval.js';

export interface ReportOptions extends ComparisonFlags {
  out: string;
  model?: string;
  force?: boolean;
}

export function registerReport(program: Command, context: CliContext): void {
  addComparisonFlags(addCommand(program, 'report', 'write an HTML report comparing synthetic and real sequences'))
    .requiredOption('--out <file>', 'the HTML file to write, or - for standard output')
    .option('--force', 'replace an existing --out file')
    .option('--model <dir>', 'model directory whose training losses to plot')
    .action((options: ReportOptions) => report(options, context));
}

export async function report(options: ReportOptions, context: CliContext): Promise<void> {
  // Checked before the long evaluation, so a wrong path fails at once.
  await checkOutput(options);
  const history: LossHistory | undefined = options.model === undefined ? undefined : await readLossHistory(options.model, '--model');
  const { real, synthetic, result, settings } = await compare(options, context, 'pca+tsne');
  const model = options.model === undefined || history === undefined ? undefined : { dir: options.model, history };
  const html = await buildReport({ real, synthetic, result, settings, model });
  if (options.out === STANDARD_OUTPUT) {
    context.terminal.out(html);
    return;
  }
  await writeFileAtomic(options.out, html).catch((e: unknown) => {
    throw asUserError(e, 'write the report', { flag: '--out', file: options.out });
  });
  const bytes = Buffer.byteLength(html);
  const summary = { out: options.out, bytes, ...(evaluationDocument(real, synthetic, result, settings) as object) };
  printResult(context, options, summary, () => `wrote ${options.out} (${formatBytes(bytes)}): ${real.source} vs ${synthetic.source}`);
}

/** --out: an .html file the output rules allow (output-path.ts), or standard output. */
async function checkOutput(options: ReportOptions): Promise<void> {
  if (options.out === STANDARD_OUTPUT) {
    if (options.json === true) throw new UserError('standard output holds the report with --out -; leave --json out', { flag: '--json' });
    return;
  }
  const inputs = [
    { flag: '--real', path: options.real },
    { flag: '--synthetic', path: options.synthetic },
    ...(options.model === undefined ? [] : [{ flag: '--model', path: options.model }]),
  ];
  await checkOutputFile(options.out, { flag: '--out', what: 'HTML file', force: options.force === true, inputs, extensions: ['.html'] });
}
