// `rgan sample --model DIR --n N [--condition col=value …] [--seed S] --out FILE.csv|.json|.npy`:
// generates new sequences from a saved model, in the data's columns, units and labels.
// `--out -` prints them on standard output instead (CSV, or JSON with --format json).
import type { Command } from 'commander';
import { writeSampleBatches, sampleTextChunks, SAMPLE_FILE_EXTENSIONS } from '../../data/index.js';
import { UserError } from '../../errors.js';
import { checkOutputFile, STANDARD_OUTPUT } from '../../io/output-path.js';
import { loadModel } from '../../models/registry.js';
import { addCommand, printResult, type CliContext, type CommonOptions } from '../command.js';
import { choice, positiveInteger, seed } from '../flags.js';

/** The formats standard output can carry (.npy is binary). */
const STANDARD_OUTPUT_FORMATS = ['csv', 'json'] as const;

export interface SampleCommandOptions extends CommonOptions {
  model: string;
  n: number;
  out: string;
  seed?: number;
  condition?: Record<string, string>;
  force?: boolean;
  format?: (typeof STANDARD_OUTPUT_FORMATS)[number];
}

export function registerSample(program: Command, context: CliContext): void {
  addCommand(program, 'sample', 'generate sequences from a trained model')
    .requiredOption('--model <dir>', 'model directory written by rgan train')
    .requiredOption('--n <count>', 'number of sequences', positiveInteger('--n'))
    .requiredOption('--out <file>', `output file (${SAMPLE_FILE_EXTENSIONS.join(', ')}, by extension), or - for standard output`)
    .option('--force', 'replace an existing --out file')
    .option('--format <format>', `with --out -: ${STANDARD_OUTPUT_FORMATS.join(' or ')} (default csv)`, choice('--format', STANDARD_OUTPUT_FORMATS))
    .option('--condition <column=value...>', 'condition value for a conditional model (repeat per column)', parseCondition)
    .option('--seed <n>', 'noise seed: the same seed gives the same sequences', seed('--seed'))
    .action((options: SampleCommandOptions) => sample(options, context));
}

export async function sample(options: SampleCommandOptions, context: CliContext): Promise<void> {
  await checkSampleOutput(options);
  const gan = await loadModel(options.model, '--model');
  // Generated and written a batch at a time: memory stays the same for any --n.
  const batches = gan.sampleBatches(options.n, { condition: options.condition, seed: options.seed });
  if (options.out === STANDARD_OUTPUT) {
    for (const chunk of sampleTextChunks(options.format ?? 'csv', batches)) await context.terminal.write(chunk);
    return;
  }
  await writeSampleBatches(options.out, batches, { count: options.n, flag: '--out' });
  const steps = gan.config.seqLen;
  const summary = { out: options.out, sequences: options.n, steps, columns: gan.encoder?.features.map((c) => c.name) ?? [] };
  printResult(context, options, summary, () => `wrote ${options.n} sequences of ${steps} steps to ${options.out}`);
}

/** --out: a file the output rules allow (output-path.ts), or standard output. */
async function checkSampleOutput(options: SampleCommandOptions): Promise<void> {
  if (options.out === STANDARD_OUTPUT) {
    if (options.json === true) throw new UserError('standard output holds the samples with --out -; leave --json out', { flag: '--json' });
    return;
  }
  if (options.format !== undefined) throw new UserError('applies to --out - only; a file\'s format is its extension', { flag: '--format' });
  const inputs = [{ flag: '--model', path: options.model }];
  await checkOutputFile(options.out, { flag: '--out', what: 'sample file', force: options.force === true, inputs, extensions: SAMPLE_FILE_EXTENSIONS });
}

/** `--condition label=walk --condition speed=1.5` → { label: 'walk', speed: '1.5' }. */
function parseCondition(value: string, previous: Record<string, string> | undefined): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new UserError(`expected column=value, got ${JSON.stringify(value)}`, { flag: '--condition' });
  return { ...(previous ?? {}), [value.slice(0, at)]: value.slice(at + 1) };
}
