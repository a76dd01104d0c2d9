// `rgan train --data FILE|sines|stocks|energy --out DIR …`: trains a recurrent GAN on the
// user's sequences, with progress, checkpoints, --resume (on the same data only), one run per
// --out at a time (DIR/.rgan.lock), and a clean stop on Ctrl-C or SIGTERM (exit 130/143).
import type { Command } from 'commander';
import { rm } from 'node:fs/promises';
import { UserError } from '../../errors.js';
import { checkpointPath, hasCheckpoint } from '../../io/checkpoint.js';
import { isModelDirectory, readModelDescription } from '../../io/model-directory.js';
import { checkModelOutput, removeUnsavedModelDirectory } from '../../io/output-path.js';
import { loadModel, MODEL_KINDS } from '../../models/registry.js';
import { DivergenceError, type LoopResult } from '../../train/loop.js';
import { addCommand, printResult, type CliContext, type CommonOptions } from '../command.js';
import { addDataFlags, prepareFromFlags, type DataFlags } from '../data-flags.js';
import { choice, positiveInteger } from '../flags.js';
import { addModelFlags, checkResumeFlags, createModelFromFlags, type ModelFlags } from '../model-flags.js';
import { createProgress } from '../progress.js';
import { lockModelDirectory } from '../../io/model-lock.js';
import { catchInterrupts, Interrupted, type Interrupts } from '../interrupts.js';
import { fingerprintData, forgetDataWithoutCheckpoint, matchCheckpointData } from '../data-fingerprint.js';

export interface TrainOptions extends CommonOptions, DataFlags, ModelFlags {
  out: string;
  model: string;
  iterations: number;
  checkpointEvery: number;
  logEvery: number;
  resume?: boolean;
  force?: boolean;
}

export function registerTrain(program: Command, context: CliContext): void {
  const command = addCommand(program, 'train', 'train a recurrent GAN (or TimeGAN) on sequences')
    .requiredOption('--out <dir>', 'model directory to write (checkpoints go to DIR/checkpoint)')
    .option('--model <kind>', `model: ${MODEL_KINDS.join(', ')} (timegan: --iterations per phase)`, choice('--model', MODEL_KINDS), 'rgan')
    .option('--iterations <n>', 'training iterations', positiveInteger('--iterations'), 1000)
    .option('--checkpoint-every <n>', 'iterations between checkpoints', positiveInteger('--checkpoint-every'), 500)
    .option('--log-every <n>', 'iterations between progress reports', positiveInteger('--log-every'), 50)
    .option('--resume', 'continue from DIR/checkpoint (same data and flags)')
    .option('--force', 'replace a model already in --out');
  addModelFlags(addDataFlags(command)).action((options: TrainOptions, self: Command) => train(options, context, flagsGiven(self)));
}

export async function train(options: TrainOptions, context: CliContext, given: ReadonlySet<string> = new Set()): Promise<void> {
  const lock = await lockModelDirectory(options.out, { flag: '--out', warn: (line) => context.terminal.err(`${line}\n`) });
  const interrupts = catchInterrupts();
  try {
    await trainHoldingLock(options, context, given, interrupts, lock.createdDirectory);
  } finally {
    interrupts.dispose();
    await forgetDataWithoutCheckpoint(checkpointPath(options.out));
    lock.release();
  }
}

/** train(), with --out locked and SIGINT/SIGTERM caught from the start. */
async function trainHoldingLock(options: TrainOptions, context: CliContext, given: ReadonlySet<string>, interrupts: Interrupts, created: boolean): Promise<void> {
  await checkOutput(options);
  // The model first: its flags are checked before the (slower) data is read.
  const gan = options.resume === true ? await loadModel(checkpointPath(options.out)) : createModelFromFlags(options.model, options, options.seqLen);
  if (options.resume === true) checkResumeFlags(gan, options, given);
  // A resumed run reads its data as the first did: sines are drawn from the model's own seed.
  const data = await prepareFromFlags(options, gan.config.seed);
  throwIfInterruptedBeforeTraining(interrupts);
  await matchCheckpointData(checkpointPath(options.out), fingerprintData(options, data), options.resume === true, (line) => context.terminal.err(`${line}\n`));
  // The lock created --out if it was new; a bad input or a failure before the first checkpoint
  // leaves nothing behind (removeUnsavedModelDirectory below, and the lock's release).
  const progress = createProgress(context.terminal, { json: options.json });
  let result: LoopResult;
  try {
    result = await gan.fit(data, {
      iterations: options.iterations,
      logEvery: options.logEvery,
      checkpointEvery: options.checkpointEvery,
      checkpointDir: checkpointPath(options.out),
      onProgress: (event) => progress.update(event),
      signal: interrupts.signal,
    });
  } catch (error) {
    const reported = error instanceof DivergenceError ? divergenceMessage(error, options.out, await lastCheckpointIteration(options.out)) : error;
    if (created) await removeUnsavedModelDirectory(options.out); // no empty model directory is left behind
    throw reported;
  } finally {
    progress.stop();
  }
  if (result.aborted && result.iterationsDone === 0) throwIfInterruptedBeforeTraining(interrupts);
  await gan.save(options.out);
  const summary = { out: options.out, iterations: result.iterationsDone, stoppedEarly: result.aborted, seconds: round(result.seconds), losses: result.lastLosses, windows: data.count };
  printResult(context, options, summary, () =>
    [
      `${result.aborted ? 'stopped' : 'trained'} ${result.iterationsDone} iterations on ${data.count} windows in ${round(result.seconds)} s`,
      `losses: ${Object.entries(result.lastLosses).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(', ')}`,
      `model written to ${options.out}${result.aborted ? ' (continue with --resume)' : ''}`,
    ].join('\n'),
  );
  if (result.aborted) throw interruptedTraining(interrupts, result, options);
}

/** A signal before the first iteration: stop with nothing written. */
function throwIfInterruptedBeforeTraining(interrupts: Interrupts): void {
  const signal = interrupts.received();
  if (signal !== null) throw new Interrupted(signal, 'stopped before training began; nothing was written');
}

/** A run stopped by a signal has saved its model and checkpoint; it ends with 130 or 143, not 0. */
function interruptedTraining(interrupts: Interrupts, result: LoopResult, options: TrainOptions): Interrupted {
  const where = `the model and its checkpoint are saved in ${options.out}`;
  return new Interrupted(interrupts.received() ?? 'SIGINT', `stopped after ${result.iterationsDone} of ${options.iterations} iterations, ${where}; continue with the same command plus --resume`);
}

/** The option keys given on the command line (not defaults). */
function flagsGiven(command: Command): Set<string> {
  return new Set(Object.keys(command.opts()).filter((key) => command.getOptionValueSource(key) === 'cli'));
}

/** --out may receive a model (see output-path.ts); an existing model there needs --resume or --force. */
async function checkOutput(options: TrainOptions): Promise<void> {
  await checkModelOutput(options.out, '--out', [{ flag: '--data', path: options.data }]);
  if (options.resume === true) {
    if (!(await hasCheckpoint(options.out))) throw new UserError('holds no checkpoint to resume from', { flag: '--out', file: options.out });
    return;
  }
  if (options.force !== true && ((await isModelDirectory(options.out)) || (await hasCheckpoint(options.out)))) {
    throw new UserError('already holds a model; use --resume to continue it or --force to replace it', { flag: '--out', file: options.out });
  }
  // --force: the replaced model's checkpoint must not pass for this run's (or be resumed later)
  if (options.force === true) await rm(checkpointPath(options.out), { recursive: true, force: true });
}

async function lastCheckpointIteration(out: string): Promise<number | null> {
  try {
    const training = (await readModelDescription(checkpointPath(out))).training as { iteration?: number };
    return training.iteration ?? null;
  } catch {
    return null;
  }
}

function divergenceMessage(error: DivergenceError, out: string, checkpoint: number | null): UserError {
  const kept = checkpoint === null ? 'no checkpoint was written before it' : `the last good checkpoint (iteration ${checkpoint}) is kept in ${checkpointPath(out)}`;
  return new UserError(`${error.message}; ${kept}; try a lower --lr or --grad-clip`);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
