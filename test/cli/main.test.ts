import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { addCommand, printResult, type CliContext } from '../../src/cli/command.js';
import { choice, positiveInteger } from '../../src/cli/flags.js';
import { main, runProgram } from '../../src/cli/main.js';
import { memoryTerminal } from '../../src/cli/terminal.js';
import { packageVersion } from '../../src/package-root.js';

async function rgan(...argv: string[]) {
  const terminal = memoryTerminal();
  const code = await main(argv, terminal);
  return { code, stdout: terminal.stdout, stderr: terminal.stderr };
}

/** A command for exercising flag parsing and failures. */
function registerTry(program: Command, context: CliContext): void {
  addCommand(program, 'try', 'a test command')
    .option('--seq-len <n>', 'steps', positiveInteger('--seq-len'))
    .option('--cell <cell>', 'cell', choice('--cell', ['rnn', 'gru', 'lstm']))
    .option('--fail <how>', 'user or bug')
    .action((options: { seqLen?: number; cell?: string; fail?: string; json?: boolean }) => {
      if (options.fail === 'user') throw new UserError('no such thing', { file: 'data.csv', row: 3 });
      if (options.fail === 'bug') throw new TypeError('cannot read x of undefined');
      printResult(context, options, { seqLen: options.seqLen ?? null }, () => `seq len ${options.seqLen}`);
    });
}

async function tryCommand(argv: string[], env: Record<string, string> = {}) {
  const terminal = memoryTerminal({ env });
  const code = await runProgram(['try', ...argv], terminal, [registerTry]);
  return { code, stdout: terminal.stdout, stderr: terminal.stderr };
}

describe('rgan', () => {
  it('prints its version', async () => {
    for (const flag of ['--version', '-V']) {
      expect(await rgan(flag)).toEqual({ code: 0, stdout: `${packageVersion()}\n`, stderr: '' });
    }
  });

  it('prints help listing its commands on stdout', async () => {
    const { code, stdout, stderr } = await rgan('--help');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: rgan \[options\] \[command\]/);
    expect(stdout).toMatch(/info \[options\]/);
    expect((await rgan('help', 'info')).stdout).toMatch(/--model <dir>/);
    expect((await rgan('info', '--help')).stdout).toMatch(/--json/);
  });

  it('shows help on stderr and fails when given no command', async () => {
    const { code, stdout, stderr } = await rgan();
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: rgan/);
  });

  it('reports an unknown command in one line plus a hint', async () => {
    expect(await rgan('trian')).toEqual({
      code: 1,
      stdout: '',
      stderr: "unknown command 'trian' (Did you mean train?)\nRun 'rgan --help' for usage.\n",
    });
    expect((await rgan('inf')).stderr).toMatch(/^unknown command 'inf' \(Did you mean info\?\)\n/);
  });

  it('reports an unknown option in one line plus a hint naming the command', async () => {
    expect(await rgan('info', '--model', 'x', '--jsn')).toEqual({
      code: 1,
      stdout: '',
      stderr: "unknown option '--jsn' (Did you mean --json?)\nRun 'rgan info --help' for usage.\n",
    });
    expect((await rgan('--bogus')).stderr).toBe("unknown option '--bogus'\nRun 'rgan --help' for usage.\n");
  });

  it('reports a missing required option and a missing option value', async () => {
    const missing = await rgan('info');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("required option '--model <dir>' not specified\nRun 'rgan info --help' for usage.\n");
    const noValue = await rgan('info', '--model');
    expect(noValue.code).toBe(1);
    expect(noValue.stderr.split('\n')[0]).toBe("option '--model <dir>' argument missing");
  });

  it('reports extra arguments', async () => {
    const { code, stderr } = await rgan('info', '--model', 'a', 'b');
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(3); // message, hint, final newline
  });
});

describe('a command', () => {
  it('parses its flags and prints text or one JSON document', async () => {
    expect(await tryCommand(['--seq-len', '24'])).toEqual({ code: 0, stdout: 'seq len 24\n', stderr: '' });
    expect(await tryCommand(['--seq-len=24', '--json'])).toEqual({ code: 0, stdout: '{"seqLen":24}\n', stderr: '' });
  });

  it('exits 1 with the message alone on a bad flag value', async () => {
    for (const value of ['0', '-1', '2.5', 'abc']) {
      expect(await tryCommand(['--seq-len', value])).toEqual({
        code: 1,
        stdout: '',
        stderr: `--seq-len: must be a positive integer, got ${value}\n`,
      });
    }
    expect((await tryCommand(['--cell', 'tcn'])).stderr).toBe('--cell: must be one of rnn, gru, lstm, got tcn\n');
  });

  it('exits 1 with the message alone on a user error', async () => {
    expect(await tryCommand(['--fail', 'user'])).toEqual({ code: 1, stdout: '', stderr: 'data.csv, row 3: no such thing\n' });
  });

  it('exits 2 on a bug, with the stack only when RGAN_DEBUG=1', async () => {
    const plain = await tryCommand(['--fail', 'bug']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe(
      `internal error: cannot read x of undefined\nthis is a bug in recurrent-gan ${packageVersion()}; please report it (set RGAN_DEBUG=1 to see where)\n`,
    );
    const debug = await tryCommand(['--fail', 'bug'], { RGAN_DEBUG: '1' });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^TypeError: cannot read x of undefined\n\s+at /);
    expect(debug.stderr).toMatch(/this is a bug/);
  });
});
