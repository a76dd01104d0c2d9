// `train --resume` continues only on the data the checkpoint was trained on (other values, other
// scaling or other data flags are refused by name; the same data under another path is fine),
// and a first run that fails before its first checkpoint leaves no record and no directory.
import { copyFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryTerminal } from '../../src/cli/terminal.js';

async function rgan(...argv: string[]) {
  const terminal = memoryTerminal();
  const code = await main(argv, terminal);
  return { code, stdout: terminal.stdout, stderr: terminal.stderr };
}

const TINY = ['--seq-len', '8', '--hidden', '4', '--layers', '1', '--batch', '8', '--noise-size', '2', '--checkpoint-every', '5', '--seed', '3'];

let dir: string;
let wave: string;
/** A model trained 10 iterations on wave.csv, copied fresh for each test. */
let trained: string;
let fresh = 0;

function waveCsv(value: (t: number) => number): string {
  return ['v,w', ...Array.from({ length: 40 }, (_, t) => `${value(t)},${Math.cos(t / 7)}`)].join('\n');
}

async function copyOfModel(): Promise<string> {
  const out = join(dir, `model-${++fresh}`);
  await cp(trained, out, { recursive: true });
  return out;
}

async function checksums(out: string): Promise<string[]> {
  const files = ['model.json', 'weights.bin', 'checkpoint/model.json', 'checkpoint/weights.bin'];
  return Promise.all(files.map(async (f) => createHash('sha256').update(await readFile(join(out, f))).digest('hex')));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rgan-resume-data-'));
  wave = join(dir, 'wave.csv');
  await writeFile(wave, waveCsv((t) => Math.sin(t / 4)));
  trained = join(dir, 'trained');
  const r = await rgan('train', '--data', wave, '--out', trained, ...TINY, '--iterations', '10');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});

describe('train --resume and the data it continues on', () => {
  it.each([
    ['one value changed', waveCsv((t) => (t === 17 ? 0.5 : Math.sin(t / 4)))],
    ['every value doubled (the same windows once scaled)', waveCsv((t) => 2 * Math.sin(t / 4))],
  ])('refuses other data (%s), naming the file, and leaves the model as it was', async (_, text) => {
    const out = await copyOfModel();
    const other = join(dir, `other-${fresh}.csv`);
    await writeFile(other, text);
    const before = await checksums(out);
    const r = await rgan('train', '--data', other, '--out', out, ...TINY, '--iterations', '20', '--resume');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^--data, ${other}: differs from the data the checkpoint was trained on \\(${wave}: 33 windows, fingerprint [0-9a-f]{12}; now 33 windows, fingerprint [0-9a-f]{12}\\); resume with the same data\\n$`),
    );
    expect(await checksums(out)).toEqual(before);
  });

  it('refuses a data flag that cuts other windows, naming the flag', async () => {
    const out = await copyOfModel();
    const r = await rgan('train', '--data', wave, '--out', out, ...TINY, '--stride', '2', '--iterations', '20', '--resume');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('--stride: the checkpoint was trained with --stride 1, not 2; resume with the data flags of the first run\n');
  });

  it('continues on the same data moved to another path', async () => {
    const out = await copyOfModel();
    const moved = join(dir, 'moved.csv');
    await copyFile(wave, moved);
    const r = await rgan('train', '--data', moved, '--out', out, ...TINY, '--iterations', '20', '--resume');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('continues a checkpoint that has no record of its data (an older rgan) with a warning, and records it', async () => {
    const out = await copyOfModel();
    await rm(join(out, 'checkpoint', 'data.json'));
    const r = await rgan('train', '--data', wave, '--out', out, ...TINY, '--iterations', '15', '--resume');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`--resume: ${join(out, 'checkpoint')} has no record of the data it was trained on (an older rgan wrote it); resuming without checking --data\n`);
    expect(JSON.parse(await readFile(join(out, 'checkpoint', 'data.json'), 'utf8'))).toMatchObject({ data: wave, windows: 33 });
  });

  it('leaves neither the record nor the directory behind when training fails before its first checkpoint', async () => {
    const out = join(dir, 'diverged');
    const r = await rgan('train', '--data', wave, '--out', out, ...TINY, '--iterations', '20', '--lr', '1e30');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^training diverged at iteration \d+: .*; no checkpoint was written before it; try a lower --lr or --grad-clip\n$/);
    expect(existsSync(out)).toBe(false);
  });
});
