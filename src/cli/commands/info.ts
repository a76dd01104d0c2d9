// `rgan info --model DIR [--json]`: what a saved model is, how it was configured, what data it
// was trained on and how far training got. Loads the weights too, so it doubles as a check.
import type { Command } from 'commander';
import { loadModelDirectory, readModelDescription } from '../../io/model-directory.js';
import { addCommand, printResult, type CliContext, type CommonOptions } from '../command.js';
import { describeModel } from '../model-summary.js';

export interface InfoOptions extends CommonOptions {
  model: string;
}

export function registerInfo(program: Command, context: CliContext): void {
  addCommand(program, 'info', 'describe a saved model: kind, config, data schema, training state')
    .requiredOption('--model <dir>', 'model directory (holding model.json and weights.bin)')
    .action((options: InfoOptions) => info(options, context));
}

/** Prints the model description; with --json, model.json's content plus `directory`. */
export async function info(options: InfoOptions, context: CliContext): Promise<void> {
  const place = { flag: '--model' };
  const description = await readModelDescription(options.model, place);
  // Reading the weights verifies their size and checksum; a broken model fails here.
  await loadModelDirectory(options.model, place);
  printResult(context, options, { directory: options.model, ...description }, () => describeModel(options.model, description));
}
