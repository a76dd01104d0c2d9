// How the CLI ends: the exit status for each outcome, and the message printed for each error.
import { CommanderError } from 'commander';
import { isUserError } from '../errors.js';
import { packageVersion } from '../package-root.js';
import { Interrupted } from './interrupts.js';
import type { Terminal } from './terminal.js';

export const EXIT_OK = 0;
/** A user mistake: bad flag, bad file, missing model. The message says what and where. */
export const EXIT_USER_ERROR = 1;
/** Anything else: a bug in recurrent-gan. */
export const EXIT_INTERNAL_ERROR = 2;
// A run stopped by Ctrl-C or SIGTERM exits 130 or 143 (128 + the signal's number): INTERRUPT_EXIT_CODES.

/** The help command to suggest after a commander error, recorded as the error passes a command. */
const helpHints = new WeakMap<CommanderError, string>();

/** Notes that `error` arose in the command whose help is `helpCommand` (first note wins). */
export function noteHelpHint(error: CommanderError, helpCommand: string): void {
  if (!helpHints.has(error)) helpHints.set(error, helpCommand);
}

/** Prints what `error` means for the user and returns the exit status. */
export function reportError(error: unknown, terminal: Terminal): number {
  if (error instanceof CommanderError) return reportCommanderError(error, terminal);
  if (isUserError(error)) {
    terminal.err(`${error.message}\n`);
    return EXIT_USER_ERROR;
  }
  if (error instanceof Interrupted) {
    terminal.err(`${error.message}\n`);
    return error.exitCode;
  }
  const debug = terminal.env.RGAN_DEBUG === '1';
  const stack = error instanceof Error ? error.stack : undefined;
  const message = error instanceof Error ? error.message : String(error);
  terminal.err(debug && stack !== undefined ? `${stack}\n` : `internal error: ${oneLine(message)}\n`);
  const more = debug ? '' : ' (set RGAN_DEBUG=1 to see where)';
  terminal.err(`this is a bug in recurrent-gan ${packageVersion()}; please report it${more}\n`);
  return EXIT_INTERNAL_ERROR;
}

function reportCommanderError(error: CommanderError, terminal: Terminal): number {
  // --help and --version end this way too, with their output already written.
  if (error.exitCode === 0) return EXIT_OK;
  // Help shown for a missing command: the help itself, on stderr, is the message.
  if (error.code === 'commander.help') return EXIT_USER_ERROR;
  terminal.err(`${oneLine(error.message.replace(/^error: /, ''))}\n`);
  terminal.err(`Run '${helpHints.get(error) ?? 'rgan --help'}' for usage.\n`);
  return EXIT_USER_ERROR;
}

function oneLine(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, ' ');
}
