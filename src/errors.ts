// The one error class for mistakes a user can make (bad file, bad flag, bad data), and how its
// message is shown. The CLI prints `message` alone and exits 1; any other error is a bug (exit 2).

/** Where a user error happened: a file with optional row/column, or a flag. */
export interface ErrorPlace {
  file?: string;
  /** 1-based line or row number in `file`. */
  row?: number;
  /** Column name or 1-based index. */
  column?: string | number;
  flag?: string;
}

/** Characters shown of one quoted name or value (or of a file path) in a message. */
export const MAX_SHOWN_CHARS = 80;

/** Characters shown of a whole message. */
export const MAX_MESSAGE_CHARS = 1000;

/** A mistake in the user's input; its message is one line that says what and where. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly problem: string,
    readonly place: ErrorPlace = {},
  ) {
    super(formatUserError(problem, place));
  }
}

function formatUserError(problem: string, place: ErrorPlace): string {
  const where: string[] = [];
  if (place.flag !== undefined) where.push(place.flag);
  if (place.file !== undefined) where.push(cutPath(place.file));
  if (place.row !== undefined) where.push(`row ${place.row}`);
  if (place.column !== undefined) where.push(`column ${JSON.stringify(place.column)}`);
  return printable(where.length > 0 ? `${where.join(', ')}: ${problem}` : problem);
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

/** A JSON string literal: "…", with its escapes. */
const QUOTED = /"(?:[^"\\]|\\.)*"/g;

/**
 * Characters that would break the line or change the terminal: C0 and C1 controls (newlines,
 * escape sequences), DEL, line and paragraph separators, and bidirectional overrides.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` made safe to print as one line of a message: control characters escaped (`\n`,
 * `\u001b`), quoted names and values longer than MAX_SHOWN_CHARS cut with "…", and the whole
 * cut at MAX_MESSAGE_CHARS. A file name, column name or cell may hold anything.
 */
export function printable(text: string): string {
  const escaped = text.replace(CONTROLS, (ch) => NAMED_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const short = escaped.replace(QUOTED, (quoted) => {
    const inner = quoted.slice(1, -1);
    return inner.length > MAX_SHOWN_CHARS ? `"${cutEnd(inner, MAX_SHOWN_CHARS)}"` : quoted;
  });
  return short.length > MAX_MESSAGE_CHARS ? cutEnd(short, MAX_MESSAGE_CHARS) : short;
}

/** The first `n` − 1 characters of `text` and "…", never splitting an escape or a surrogate pair. */
function cutEnd(text: string, n: number): string {
  const kept = Array.from(text).slice(0, n - 1).join('');
  return `${kept.replace(/\\(u[0-9a-fA-F]{0,3})?$/, '')}…`;
}

/** A long path keeps its end, where the file's name is: "…/data/walks.csv". */
function cutPath(path: string): string {
  const chars = Array.from(path);
  return chars.length > MAX_SHOWN_CHARS ? `…${chars.slice(chars.length - MAX_SHOWN_CHARS + 1).join('')}` : path;
}
