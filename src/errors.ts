// The one error class for mistakes a user can make (bad file, bad flag, bad data).
// The CLI prints `message` alone and exits 1; any other error is a bug (exit 2).

/** Where a user error happened: a file with optional row/column, or a flag. */
export interface ErrorPlace {
  file?: string;
  /** 1-based line or row number in `file`. */
  row?: number;
  /** Column name or 1-based index. */
  column?: string | number;
  flag?: string;
}

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
  if (place.file !== undefined) where.push(place.file);
  if (place.row !== undefined) where.push(`row ${place.row}`);
  if (place.column !== undefined) where.push(`column ${JSON.stringify(place.column)}`);
  return where.length > 0 ? `${where.join(', ')}: ${problem}` : problem;
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
