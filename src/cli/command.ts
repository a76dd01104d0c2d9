// What every command shares: the context it runs in, how it registers itself, its --json flag,
// and how it prints its one result.
import type { Command } from 'commander';
import { noteHelpHint } from './exit-codes.js';
import type { Terminal } from './terminal.js';

/** What a command's action can use besides its options. */
export interface CliContext {
  terminal: Terminal;
}

/** A command's registration: adds the command, its options and its action to `program`. */
export type RegisterCommand = (program: Command, context: CliContext) => void;

/** Options every command accepts. */
export interface CommonOptions {
  /** Print exactly one JSON document on stdout (preceded by JSON-lines progress, if any). */
  json?: boolean;
}

/**
 * Adds subcommand `name` to `program` with the shared conventions: a --json flag, and a usage
 * hint naming this command (`rgan info --help`) when its flags are wrong.
 *
 * @example
 * export const registerInfo: RegisterCommand = (program, context) => {
 *   addCommand(program, 'info', 'describe a saved model')
 *     .requiredOption('--model <dir>', 'model directory')
 *     .action((options: InfoOptions) => info(options, context));
 * };
 */
export function addCommand(program: Command, name: string, summary: string): Command {
  return program
    .command(name)
    .description(summary)
    .option('--json', 'print one JSON document on stdout instead of text')
    .exitOverride((error) => {
      noteHelpHint(error, `rgan ${name} --help`);
      throw error;
    });
}

/** Prints a command's result: `value` as one JSON document with --json, else `text()`. */
export function printResult(context: CliContext, options: CommonOptions, value: unknown, text: () => string): void {
  const output = options.json === true ? JSON.stringify(value) : text();
  context.terminal.out(output.endsWith('\n') ? output : `${output}\n`);
}
