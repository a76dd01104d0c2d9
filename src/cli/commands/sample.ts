// `rgan sample --model DIR --n N [--condition col=value …] [--seed S] --out FILE.csv|.json|.npy`:
// generates new sequences from a saved model, in the data's columns, units and labels.
import type { Command } from 'commander';
import { writeSampleBatches, SAMPLE_FILE_EXTENSIONS } from '../../data/index.js';
import { UserError } from '../../errors.js';
import { loadModel } from '../../models/registry.js';
import { addCommand, printResult, type CliContext, type CommonOptions } from '../command.js';
import { positiveInteger, seed } from '../flags.js';

export interface SampleCommandOptions extends CommonOptions {
  model: string;
  n: number;
  out: string;
  seed?: number;
  condition?: Record<string, string>;
}

export function registerSample(program: Command, context: CliContext): void {
  addCommand(program, 'sample', 'generate sequences from a trained model')
    .requiredOption('--model <dir>', 'model directory written by rgan train')
    .requiredOption('--n <count>', 'number of sequences', positiveInteger('--n'))
    .requiredOption('--out <file>', `output file (${SAMPLE_FILE_EXTENSIONS.join(', ')}, by extension)`)
    .option('--condition <column=value...>', 'condition value for a conditional model (repeat per column)', parseCondition)
    .option('--seed <n>', 'noise seed: the same seed gives the same sequences', seed('--seed'))
    .action((options: SampleCommandOptions) => sample(options, context));
}

export async function sample(options: SampleCommandOptions, context: CliContext): Promise<void> {
  const gan = await loadModel(options.model, '--model');
  // Generated and written a batch at a time: memory stays the same for any --n.
  const batches = gan.sampleBatches(options.n, { condition: options.condition, seed: options.seed });
  await writeSampleBatches(options.out, batches, { count: options.n, flag: '--out' });
  const steps = gan.config.seqLen;
  const summary = { out: options.out, sequences: options.n, steps, columns: gan.encoder?.features.map((c) => c.name) ?? [] };
  printResult(context, options, summary, () => `wrote ${options.n} sequences of ${steps} steps to ${options.out}`);
}

/** `--condition label=walk --condition speed=1.5` → { label: 'walk', speed: '1.5' }. */
function parseCondition(value: string, previous: Record<string, string> | undefined): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new UserError(`expected column=value, got ${JSON.stringify(value)}`, { flag: '--condition' });
  return { ...(previous ?? {}), [value.slice(0, at)]: value.slice(at + 1) };
}
