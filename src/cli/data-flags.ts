// The flags that say which data to read and how to cut it into windows, shared by the commands
// that read data (train, eval), and the step that turns them into prepared training windows.
import type { Command } from 'commander';
import { loadDataSource, prepareDataset, MISSING_POLICIES, type PreparedData, type MissingPolicy } from '../data/index.js';
import { Random } from '../engine/random.js';
import { choice, positiveInteger } from './flags.js';

export interface DataFlags {
  data: string;
  seqLen: number;
  stride: number;
  id?: string;
  time?: string;
  condition?: string[];
  categorical?: string[];
  missing: MissingPolicy;
}

/** Adds --data, --seq-len, --stride, --id, --time, --condition, --categorical, --missing. */
export function addDataFlags(command: Command, conditionHelp = 'condition columns (one condition vector per window)'): Command {
  return command
    .requiredOption('--data <file>', 'CSV, JSON or .npy file, or a built-in dataset: sines, stocks, energy')
    .option('--seq-len <n>', 'steps per training window', positiveInteger('--seq-len'), 24)
    .option('--stride <n>', 'steps between window starts', positiveInteger('--stride'), 1)
    .option('--id <column>', 'column naming the series each row belongs to')
    .option('--time <column>', 'column ordering the rows of a series')
    .option('--condition <columns...>', conditionHelp, splitList, undefined)
    .option('--categorical <columns...>', 'columns to treat as categorical labels', splitList, undefined)
    .option('--missing <policy>', `missing values: ${MISSING_POLICIES.join(', ')}`, choice('--missing', MISSING_POLICIES), 'error');
}

/** Reads and windows the data the flags name; sines are drawn from `seed`. */
export async function prepareFromFlags(flags: DataFlags, seed: number): Promise<PreparedData> {
  // sines are generated at the window length asked for, so any --seq-len works on them
  const source = await loadDataSource(flags.data, { rng: new Random(seed), sines: { length: flags.seqLen } });
  return prepareDataset(source, {
    seqLen: flags.seqLen,
    stride: flags.stride,
    id: flags.id,
    time: flags.time,
    conditions: flags.condition,
    categorical: flags.categorical,
    missing: flags.missing,
  });
}

/** Variadic list flags also accept commas: `--condition a,b` or `--condition a b`. */
function splitList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').filter((v) => v.length > 0)];
}
