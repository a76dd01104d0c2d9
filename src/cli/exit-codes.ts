// How the CLI ends: the exit status for each outcome, and the message printed for each error.
import { CommanderError } from 'commander';
import { isUserError, printable, type ErrorPlace } from '../errors.js';
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

/** How errors are printed: one line (and a hint) on stderr, or one JSON object on stdout. */
export type ErrorStyle = 'text' | 'json';

/**
 * What an error says, before it is printed: the message line, its place (for user errors), a
 * second line of help, and the exit status.
 */
interface ErrorReport {
  message: string;
  place: ErrorPlace;
  hint?: string;
  exitCode: number;
}

/**
 * Prints what `error` means for the user and returns the exit status. With style 'json' the
 * report is one JSON object on stdout, `{"error": {"message", "place", "exitCode", "hint"?}}`,
 * where a script reading --json output finds it.
 */
export function reportError(error: unknown, terminal: Terminal, style: ErrorStyle = 'text'): number {
  const report = describeError(error, terminal);
  if (report === undefined) return error instanceof CommanderError && error.exitCode === 0 ? EXIT_OK : EXIT_USER_ERROR;
  if (style === 'json') {
    terminal.out(`${JSON.stringify({ error: report })}\n`);
  } else {
    terminal.err(`${report.message}\n`);
    if (report.hint !== undefined) terminal.err(`${report.hint}\n`);
  }
  return report.exitCode;
}

/** The report for `error`; undefined when there is nothing to print (help, version). */
function describeError(error: unknown, terminal: Terminal): ErrorReport | undefined {
  if (error instanceof CommanderError) return describeCommanderError(error);
  if (isUserError(error)) return { message: error.message, place: error.place, exitCode: EXIT_USER_ERROR };
  if (error instanceof Interrupted) return { message: error.message, place: {}, exitCode: error.exitCode };
  const debug = terminal.env.RGAN_DEBUG === '1';
  const stack = error instanceof Error ? error.stack : undefined;
  const text = error instanceof Error ? error.message : String(error);
  // with RGAN_DEBUG=1 the stack is the point: printed whole, on several lines
  const message = debug && stack !== undefined ? stack : `internal error: ${oneLine(text)}`;
  const more = debug ? '' : ' (set RGAN_DEBUG=1 to see where)';
  const hint = `this is a bug in recurrent-gan ${packageVersion()}; please report it${more}`;
  return { message, place: {}, hint, exitCode: EXIT_INTERNAL_ERROR };
}

function describeCommanderError(error: CommanderError): ErrorReport | undefined {
  // --help and --version end this way too, with their output already written.
  if (error.exitCode === 0) return undefined;
  // Help shown for a missing command: the help itself, on stderr, is the message.
  if (error.code === 'commander.help') return undefined;
  const hint = `Run '${helpHints.get(error) ?? 'rgan --help'}' for usage.`;
  return { message: oneLine(error.message.replace(/^error: /, '')), place: {}, hint, exitCode: EXIT_USER_ERROR };
}

function oneLine(text: string): string {
  return printable(text.trim().replace(/\s*\n\s*/g, ' '));
}
