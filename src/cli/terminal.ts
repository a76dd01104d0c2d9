// Where the CLI writes: standard output, standard error, and a terminal for progress bars —
// injectable, so tests run `main` in-process and read what it printed.
import { once } from 'node:events';

/** The streams a command writes to, and the environment it reads. */
export interface Terminal {
  /** Writes to standard output: results, and nothing else (with --json, only JSON). */
  out(text: string): void;
  /** Writes to standard output and resolves once the stream wants more: long outputs stay in bounded memory. */
  write(text: string): Promise<void>;
  /** Writes to standard error: messages, hints, warnings. */
  err(text: string): void;
  /** The stream progress bars draw on when it is an interactive terminal; null: no bar. */
  progressStream: NodeJS.WritableStream | null;
  /** Environment variables (RGAN_DEBUG, …). */
  env: Readonly<Record<string, string | undefined>>;
}

/** The process's own stdout and stderr; bars go to stderr when it is a TTY. */
export function processTerminal(): Terminal {
  // `rgan info --json | head -1` closes the pipe early; that is not an error worth a stack.
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') === 0) stream.on('error', ignoreClosedPipe);
  }
  return {
    out: (text) => process.stdout.write(text),
    write: (text) => (process.stdout.write(text) ? Promise.resolve() : once(process.stdout, 'drain').then(() => undefined)),
    err: (text) => process.stderr.write(text),
    progressStream: process.stderr.isTTY ? process.stderr : null,
    env: process.env,
  };
}

function ignoreClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
}

/** A Terminal that keeps what is written, for tests. */
export interface MemoryTerminal extends Terminal {
  stdout: string;
  stderr: string;
}

/** A Terminal recording into strings; no progress stream unless given one. */
export function memoryTerminal(options: Partial<Pick<Terminal, 'env' | 'progressStream'>> = {}): MemoryTerminal {
  const terminal: MemoryTerminal = {
    stdout: '',
    stderr: '',
    out: (text) => {
      terminal.stdout += text;
    },
    err: (text) => {
      terminal.stderr += text;
    },
    write: async (text) => {
      terminal.stdout += text;
    },
    progressStream: options.progressStream ?? null,
    env: options.env ?? {},
  };
  return terminal;
}
