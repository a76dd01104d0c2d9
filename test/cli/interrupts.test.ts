// Signals while train writes: the first SIGINT/SIGTERM asks for a clean stop and must not end the
// process, even when it arrives while a checkpoint file is being written (the temporary-file guard
// ends the process only when nothing else handles the signal).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catchInterrupts } from '../../src/cli/interrupts.js';
import { withTemporaryFile } from '../../src/io/temporary-files.js';

afterEach(() => vi.restoreAllMocks());

describe('catchInterrupts', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('keeps the process alive at a first %s that arrives during a write', async (signal) => {
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    const interrupts = catchInterrupts();
    try {
      const dir = await mkdtemp(join(tmpdir(), 'rgan-interrupts-'));
      await withTemporaryFile(join(dir, 'weights.bin'), async (temporary) => {
        await writeFile(temporary, 'partial');
        process.emit(signal, signal);
      });
      expect(interrupts.received()).toBe(signal);
      expect(interrupts.signal.aborted).toBe(true);
      expect(kill).not.toHaveBeenCalled();
    } finally {
      interrupts.dispose();
    }
  });

  it('ends the process with the same signal at the second one', () => {
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    const interrupts = catchInterrupts();
    try {
      process.emit('SIGTERM', 'SIGTERM');
      expect(kill).not.toHaveBeenCalled();
      process.emit('SIGTERM', 'SIGTERM');
      expect(kill).toHaveBeenCalledWith(process.pid, 'SIGTERM');
    } finally {
      interrupts.dispose();
    }
  });
});
