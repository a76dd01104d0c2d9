// `rgan demo [--out demo]`: the main job on the built-in sines — train a recurrent GAN for about
// a minute, write the model, samples as CSV and a summary comparing them with the real data.
import type { Command } from 'commander';
import { mkdir } from 'node:fs/promises';
import { UserError } from '../../errors.js';
import { asUserError } from '../../io/fs-errors.js';
import { isModelDirectory } from '../../io/model-directory.js';
import { checkModelOutput, checkOutputDirectory, checkOutputFile } from '../../io/output-path.js';
import { join } from 'node:path';
import { loadBuiltinDataset, prepareDataset, writeSamples } from '../../data/index.js';
import { Random } from '../../engine/random.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { featureStatistics, worstRelativeDifference, type FeatureStatistics } from '../../metrics/basic-statistics.js';
import { RecurrentGAN } from '../../models/rgan/model.js';
import { DEMO_PRESET } from '../../models/rgan/presets.js';
import { addCommand, printResult, type CliContext, type CommonOptions } from '../command.js';
import { positiveInteger } from '../flags.js';
import { createProgress } from '../progress.js';
import { lockModelDirectory } from '../../io/model-lock.js';
import { catchInterrupts, Interrupted, type Interrupts } from '../interrupts.js';

export interface DemoOptions extends CommonOptions {
  out: string;
  iterations: number;
  force?: boolean;
}

export function registerDemo(program: Command, context: CliContext): void {
  addCommand(program, 'demo', 'train on the built-in sines for about a minute and write model, samples and a summary')
    .option('--out <dir>', 'output directory', 'demo')
    .option('--iterations <n>', 'training iterations', positiveInteger('--iterations'), DEMO_PRESET.iterations)
    .option('--force', 'replace the model, samples and summary of an earlier demo in --out')
    .action((options: DemoOptions) => demo(options, context));
}

export async function demo(options: DemoOptions, context: CliContext): Promise<void> {
  const modelDir = join(options.out, 'model');
  const samplesFile = join(options.out, 'samples.csv');
  const summaryFile = join(options.out, 'summary.txt');
  // outputs checked before the lock, which creates --out if it is new
  await checkDemoOutput(options, modelDir, [samplesFile, summaryFile]);
  const lock = await lockModelDirectory(options.out, { flag: '--out', warn: (line) => context.terminal.err(`${line}\n`) });
  const interrupts = catchInterrupts();
  try {
    await demoHoldingLock(options, context, interrupts, { modelDir, samplesFile, summaryFile });
  } finally {
    interrupts.dispose();
    lock.release();
  }
}

/** demo(), with --out locked; a signal stops training and the demo writes nothing. */
async function demoHoldingLock(options: DemoOptions, context: CliContext, interrupts: Interrupts, files: { modelDir: string; samplesFile: string; summaryFile: string }): Promise<void> {
  const { modelDir, samplesFile, summaryFile } = files;
  const data = prepareDataset(await loadBuiltinDataset('sines', new Random(DEMO_PRESET.config.seed ?? 0)), { seqLen: 24 });
  const gan = new RecurrentGAN(DEMO_PRESET.config);
  const progress = createProgress(context.terminal, { json: options.json });
  let result;
  try {
    result = await gan.fit(data, { iterations: options.iterations, logEvery: 25, onProgress: (e) => progress.update(e), signal: interrupts.signal });
  } finally {
    progress.stop();
  }
  const signal = interrupts.received();
  if (signal !== null) throw new Interrupted(signal, `the demo stopped after ${result.iterationsDone} iterations and wrote nothing`);
  await createOutputDirectory(options.out);
  await gan.save(modelDir);
  await writeSamples(samplesFile, gan.sample(DEMO_PRESET.sequences, { seed: 1 }));
  const real = featureStatistics(data.windows, data.count, data.length, data.features);
  const synthetic = featureStatistics(gan.sampleScaled(DEMO_PRESET.sequences, { seed: 1 }), DEMO_PRESET.sequences, data.length, data.features);
  const worst = worstRelativeDifference(real, synthetic);
  const summary = summaryText(result.iterationsDone, result.seconds, real, synthetic, worst);
  await writeFileAtomic(summaryFile, summary).catch((e: unknown) => {
    throw asUserError(e, 'write the summary', { flag: '--out', file: summaryFile });
  });
  const value = { out: options.out, model: modelDir, samples: samplesFile, summary: summaryFile, iterations: result.iterationsDone, seconds: result.seconds, worstRelativeDifference: worst };
  printResult(context, options, value, () => `${summary}\nwrote ${modelDir}/, ${samplesFile} and ${summaryFile}`);
}

/**
 * --out: a new directory whose parent exists, or an existing one where the model and files the
 * demo writes may go (output-path.ts); an earlier demo's are replaced only with --force.
 */
async function checkDemoOutput(options: DemoOptions, modelDir: string, files: string[]): Promise<void> {
  if (!(await checkOutputDirectory(options.out, '--out'))) return; // created once training succeeded
  await checkModelOutput(modelDir, '--out', []);
  if (options.force !== true && (await isModelDirectory(modelDir))) throw new UserError('already holds a model; use --force to replace it', { flag: '--out', file: modelDir });
  for (const file of files) await checkOutputFile(file, { flag: '--out', what: 'demo file', force: options.force === true, inputs: [] });
}

async function createOutputDirectory(out: string): Promise<void> {
  await mkdir(out, { recursive: true }).catch((e: unknown) => {
    throw asUserError(e, 'create the directory', { flag: '--out', file: out });
  });
}

function summaryText(iterations: number, seconds: number, real: FeatureStatistics[], synthetic: FeatureStatistics[], worst: FeatureStatistics): string {
  const rows = real.map((r, d) => {
    const s = synthetic[d];
    return `  feature ${d + 1}   mean ${f(r.mean)} / ${f(s.mean)}   std ${f(r.std)} / ${f(s.std)}   lag-1 ACF ${f(r.lag1)} / ${f(s.lag1)}`;
  });
  return [
    `recurrent GAN demo: sines (10,000 sequences × 24 steps × 5 features), ${iterations} iterations in ${seconds.toFixed(1)} s`,
    'per-feature statistics on the training scale, real / synthetic:',
    ...rows,
    `largest relative difference: mean ${pct(worst.mean)}, std ${pct(worst.std)}, lag-1 ACF ${pct(worst.lag1)}`,
    '',
  ].join('\n');
}

function f(x: number): string {
  return x.toFixed(3);
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}
