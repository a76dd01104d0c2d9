// Ctrl-C (SIGINT) and SIGTERM while a command writes: the first one asks the command to stop
// cleanly (train saves its model and checkpoint), a second one ends the process at once. A
// command that stopped this way throws Interrupted, which exits 130 or 143 as a shell would.

/** The signals a command stops cleanly on, with the exit status of a run they interrupted. */
export const INTERRUPT_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

export type InterruptSignal = keyof typeof INTERRUPT_EXIT_CODES;

/** A run stopped by SIGINT or SIGTERM; `message` says what was kept and how to continue. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
  constructor(
    readonly signalName: InterruptSignal,
    detail: string,
  ) {
    super(`interrupted by ${signalName}; ${detail}`);
  }

  get exitCode(): number {
    return INTERRUPT_EXIT_CODES[this.signalName];
  }
}

export interface Interrupts {
  /** Aborted at the first SIGINT or SIGTERM. */
  readonly signal: AbortSignal;
  /** The signal that arrived, or null. */
  received(): InterruptSignal | null;
  /** Stops listening; call once, also on error. */
  dispose(): void;
}

/** Listens for SIGINT and SIGTERM until dispose(). */
export function catchInterrupts(): Interrupts {
  const controller = new AbortController();
  let received: InterruptSignal | null = null;
  const signals = Object.keys(INTERRUPT_EXIT_CODES) as InterruptSignal[];
  const handlers = signals.map((name) => {
    const handler = (): void => {
      if (received === null) {
        // Stay registered: other listeners (a checkpoint being written) must still see that
        // this signal is handled, or they would end the process in the middle of the save.
        received = name;
        controller.abort();
        return;
      }
      // A second signal takes the default action: the process ends now.
      dispose();
      process.kill(process.pid, name);
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  function dispose(): void {
    for (const [name, handler] of handlers) process.off(name, handler);
  }
  return { signal: controller.signal, received: () => received, dispose };
}
