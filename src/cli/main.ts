// The `rgan` program: builds the commander program, runs one command line, and turns its
// outcome into an exit status (0 ok, 1 user error, 2 bug, 130/143 interrupted) instead of exiting
// the process.
import { Command } from 'commander';
import { packageVersion } from '../package-root.js';
import type { CliContext, RegisterCommand } from './command.js';
import { COMMANDS } from './commands.js';
import { EXIT_OK, noteHelpHint, reportError } from './exit-codes.js';
import { processTerminal, type Terminal } from './terminal.js';

/**
 * Runs `rgan` with `argv` (the arguments after the program name) and returns the exit status.
 * Pass a memoryTerminal() to capture what it prints.
 */
export async function main(argv: string[], terminal: Terminal = processTerminal()): Promise<number> {
  return runProgram(argv, terminal, COMMANDS);
}

/** main() with a chosen set of commands (tests add commands that fail on purpose). */
export async function runProgram(argv: string[], terminal: Terminal, commands: readonly RegisterCommand[]): Promise<number> {
  const context: CliContext = { terminal };
  try {
    await buildProgram(context, commands).parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    return reportError(error, terminal, asksForJson(argv) ? 'json' : 'text');
  }
}

/**
 * Whether the command line has --json (before a `--` that ends the options): its errors are then
 * JSON too, even when the flags themselves could not be parsed.
 */
function asksForJson(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

/** A fresh commander program (commander keeps parse state, so one per run). */
export function buildProgram(context: CliContext, commands: readonly RegisterCommand[]): Command {
  const { terminal } = context;
  const program = new Command('rgan')
    .description('Train recurrent GANs on sequences and sample synthetic ones.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    // Settings made before commands are added are inherited by them.
    .configureOutput({
      writeOut: (text) => terminal.out(text),
      writeErr: (text) => terminal.err(text),
      // reportError prints errors, as one line plus a hint.
      outputError: () => undefined,
    })
    .exitOverride((error) => {
      noteHelpHint(error, 'rgan --help');
      throw error;
    });
  for (const register of commands) register(program, context);
  return program;
}
