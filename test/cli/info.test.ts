import { truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryTerminal } from '../../src/cli/terminal.js';
import { saveModelDirectory } from '../../src/io/model-directory.js';
import { sampleModel, scratchDirectory } from '../io/model-fixtures.js';

async function rgan(...argv: string[]) {
  const terminal = memoryTerminal();
  const code = await main(argv, terminal);
  return { code, stdout: terminal.stdout, stderr: terminal.stderr };
}

async function savedModel(): Promise<string> {
  const dir = join(await scratchDirectory(), 'model');
  await saveModelDirectory(dir, sampleModel());
  return dir;
}

describe('rgan info', () => {
  it('describes a saved model in text', async () => {
    const dir = await savedModel();
    const { code, stdout, stderr } = await rgan('info', '--model', dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`model    ${dir}\n`);
    expect(stdout).toMatch(/^kind {5}rgan \(format 1, written by recurrent-gan \d+\.\d+\.\d+\)$/m);
    expect(stdout).toMatch(/^weights {2}5 tensors, 23 values \(92 bytes\), checksum verified$/m);
    expect(stdout).toMatch(/^ {2}generator\.cell +gru$/m);
    expect(stdout).toMatch(/^ {2}sequence length +24$/m);
    expect(stdout).toMatch(/^ {2}features +x, label \(2 categories\); 3 values per step$/m);
    expect(stdout).toMatch(/^ {2}conditions +none$/m);
    expect(stdout).toMatch(/^ {2}iterations done +1,000$/m);
    expect(stdout).toMatch(/^ {2}last losses +discriminator 1\.386 {2}generator 0\.6931$/m);
    expect(stdout).toMatch(/^ {2}wall time +1m 23s$/m);
  });

  it('prints model.json as one JSON document with --json', async () => {
    const dir = await savedModel();
    const { code, stdout } = await rgan('info', '--model', dir, '--json');
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const document = JSON.parse(stdout);
    const model = sampleModel();
    expect(document).toMatchObject({ directory: dir, format: 1, kind: 'rgan', config: model.config, data: model.data, training: model.training });
    expect(document.weights.tensors.map((t: { name: string }) => t.name)).toEqual(model.tensors.map((t) => t.name));
  });

  it('fails with one line for a directory that holds no model', async () => {
    const dir = await scratchDirectory();
    expect(await rgan('info', '--model', dir)).toEqual({
      code: 1,
      stdout: '',
      stderr: `--model, ${dir}: directory holds no model (no model.json)\n`,
    });
  });

  it('fails with one line for a missing directory or damaged weights', async () => {
    const root = await scratchDirectory();
    const missing = await rgan('info', '--model', join(root, 'nope'));
    expect(missing).toEqual({ code: 1, stdout: '', stderr: `--model, ${join(root, 'nope')}: does not exist\n` });
    // with --json the same error is one JSON object on stdout
    const json = await rgan('info', '--model', join(root, 'nope'), '--json');
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toEqual({
      error: { message: `--model, ${join(root, 'nope')}: does not exist`, place: { flag: '--model', file: join(root, 'nope') }, exitCode: 1 },
    });
    const dir = await savedModel();
    await truncate(join(dir, 'weights.bin'), 8);
    const damaged = await rgan('info', '--model', dir);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/^--model, .*weights\.bin: weights file is truncated[^\n]*\n$/);
  });
});
