// `rgan train` and `rgan sample` end to end, in-process: a user's CSV in, a model and a sample
// file out; and every bad input a user can give, each a one-line error with exit code 1 and no
// partial output.
import { mkdir, mkdtemp, readFile, readdir, writeFile, truncate } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryTerminal } from '../../src/cli/terminal.js';
import { encodeNpy } from '../../src/data/index.js';
import { TIMEGAN_PRESETS } from '../../src/models/timegan/presets.js';

async function rgan(...argv: string[]) {
  const terminal = memoryTerminal();
  const code = await main(argv, terminal);
  return { code, stdout: terminal.stdout, stderr: terminal.stderr };
}

const TINY = ['--hidden', '5', '--layers', '1', '--batch', '8', '--noise-size', '2', '--iterations', '4'];

let dir: string;
let fresh = 0;
/** A path in the scratch directory that nothing has written. */
const unused = (ext = ''): string => join(dir, `never-${++fresh}${ext}`);
let csv: string;
let model: string;

/** Two walks of 20 steps: id, t, x, y and a label. */
function walksCsv(): string {
  const rows = ['id,t,x,y,label'];
  for (const id of ['a', 'b']) for (let t = 0; t < 20; t++) rows.push(`${id},${t},${Math.sin(t / 3)},${t * 0.5},${id === 'a' ? 'up' : 'down'}`);
  return `${rows.join('\n')}\n`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rgan-cli-'));
  csv = join(dir, 'walks.csv');
  await writeFile(csv, walksCsv());
  model = join(dir, 'model');
  const r = await rgan('train', '--data', csv, '--id', 'id', '--time', 't', '--condition', 'label', '--seq-len', '6', '--out', model, ...TINY);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});

describe('rgan train and sample', () => {
  it('writes a model directory with a checkpoint, and reports what it did', async () => {
    expect((await readdir(model)).sort()).toEqual(['checkpoint', 'model.json', 'weights.bin']);
    const info = await rgan('info', '--model', model);
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/iterations done +4/);
  });

  it('samples CSV in the original columns, with the chosen condition', async () => {
    const out = join(dir, 'up.csv');
    const r = await rgan('sample', '--model', model, '--n', '3', '--condition', 'label=up', '--seed', '1', '--out', out);
    expect(r.code).toBe(0);
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('seq,t,x,y,label');
    expect(lines).toHaveLength(1 + 3 * 6);
    expect(lines.slice(1).every((l) => l.endsWith(',up'))).toBe(true);
  });

  it('samples the same file twice for the same seed, and JSON/.npy by extension', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    for (const out of [a, b]) expect((await rgan('sample', '--model', model, '--n', '2', '--condition', 'label=down', '--seed', '5', '--out', out)).code).toBe(0);
    expect(await readFile(a, 'utf8')).toBe(await readFile(b, 'utf8'));
    expect((await rgan('sample', '--model', model, '--n', '2', '--condition', 'label=down', '--out', join(dir, 'c.npy'))).code).toBe(0);
  });

  it('prints one JSON document with --json', async () => {
    const r = await rgan('sample', '--model', model, '--n', '2', '--condition', 'label=up', '--out', join(dir, 'j.csv'), '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ sequences: 2, steps: 6, columns: ['x', 'y'] });
  });

  it('refuses to overwrite a model without --resume or --force', async () => {
    const r = await rgan('train', '--data', csv, '--id', 'id', '--condition', 'label', '--seq-len', '6', '--out', model, ...TINY);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already holds a model/);
  });

  it('continues training with --resume', async () => {
    const out = join(dir, 'resumable');
    const args = ['train', '--data', csv, '--id', 'id', '--time', 't', '--seq-len', '6', '--out', out, ...TINY];
    expect((await rgan(...args)).code).toBe(0);
    const data = ['--data', csv, '--id', 'id', '--time', 't', '--seq-len', '6', '--out', out];
    const r = await rgan('train', ...data, '--iterations', '8', '--resume', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toMatchObject({ iterations: 8 });
    const same = await rgan('train', ...data, ...TINY, '--iterations', '9', '--resume');
    expect(same.code).toBe(0);
    const changed = await rgan('train', ...data, '--iterations', '10', '--resume', '--hidden', '7');
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(/--resume: the flags ask for generator.hidden 7, the checkpoint has 5/);
  });

  it('--force starts afresh and drops the replaced model\'s checkpoint', async () => {
    const out = join(dir, 'forced');
    const args = ['train', '--data', csv, '--id', 'id', '--seq-len', '6', '--out', out, ...TINY];
    expect((await rgan(...args, '--checkpoint-every', '2')).code).toBe(0);
    const r = await rgan(...args, '--iterations', '1', '--force', '--json');
    expect(r.code).toBe(0);
    const checkpoint = JSON.parse(await readFile(join(out, 'checkpoint', 'model.json'), 'utf8'));
    expect(checkpoint.training.iteration).toBe(1);
  });
});

describe('rgan train --model timegan', () => {
  it('trains TimeGAN (iterations per phase) and samples from it', async () => {
    const out = join(dir, 'timegan');
    const r = await rgan('train', '--model', 'timegan', '--data', csv, '--id', 'id', '--time', 't', '--seq-len', '6',
      '--hidden', '4', '--layers', '2', '--batch', '8', '--iterations', '3', '--lr-decay', 'cosine', '--lr-decay-start', '0.5', '--d-steps', '2',
      '--increment-moments', '1', '--out', out, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toMatchObject({ iterations: 9 });
    expect(JSON.parse(await readFile(join(out, 'model.json'), 'utf8')).config).toMatchObject({ learningRateDecay: 'cosine', learningRateDecayStart: 0.5, discriminatorSteps: 2, incrementMomentWeight: 1, hidden: 4 });
    const file = join(dir, 'timegan.csv');
    expect((await rgan('sample', '--model', out, '--n', '2', '--out', file)).code).toBe(0);
    expect((await readFile(file, 'utf8')).split('\n')[0]).toBe('seq,t,x,y,label');
    expect((await rgan('info', '--model', out)).stdout).toMatch(/timegan/);
  });

  // TimeGAN's own flags: the recurrent GAN refuses each, and TimeGAN refuses a bad value
  it.each([
    ['--average-decay', '0.99', '1.5'],
    ['--lr-decay', 'linear', 'step'],
    ['--lr-decay-start', '0.5', '1'],
    ['--increment-moments', '1', '-1'],
  ])('rejects %s for the recurrent GAN, and a bad value for TimeGAN', async (flag, good, bad) => {
    const r = await rgan('train', '--data', csv, flag, good, '--out', unused());
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${flag} is a timegan option; --model is rgan\n`);
    const refused = await rgan('train', '--model', 'timegan', '--data', csv, flag, bad, '--out', unused());
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^${flag}: must be`));
  });

  it('starts TimeGAN from a benchmark dataset’s preset, with flags overriding it', async () => {
    const out = join(dir, 'preset');
    const r = await rgan('train', '--model', 'timegan', '--data', csv, '--id', 'id', '--time', 't', '--seq-len', '6',
      '--hidden', '4', '--layers', '2', '--batch', '8', '--iterations', '2', '--preset', 'stocks', '--average-decay', '0.99', '--out', out, '--json');
    expect(r.code).toBe(0);
    const config = JSON.parse(await readFile(join(out, 'model.json'), 'utf8')).config;
    expect(config).toMatchObject({ ...TIMEGAN_PRESETS.stocks, averageDecay: 0.99, hidden: 4 });
    const bad = await rgan('train', '--model', 'timegan', '--data', csv, '--preset', 'weather', '--out', unused());
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--preset/);
    expect((await rgan('train', '--data', csv, '--preset', 'stocks', '--out', unused())).stderr).toBe('--preset is a timegan option; --model is rgan\n');
  });

  it('rejects a flag only the recurrent GAN has', async () => {
    const r = await rgan('train', '--model', 'timegan', '--data', csv, '--loss', 'hinge', '--out', unused());
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('--loss is a rgan option; --model is timegan\n');
  });
});

describe('model flags come from the config schemas', () => {
  it.each([
    [['--beta1', '1'], '--beta1: must be below 1, got 1'],
    [['--label-smoothing', '0.6'], '--label-smoothing: must be at most 0.5, got 0.6'],
    [['--loss', 'hinge', '--label-smoothing', '0.1'], '--label-smoothing: applies to --loss bce only, not hinge'],
    [['--hidden', '2.5'], '--hidden: must be an integer, got 2.5'],
    [['--lr', '0'], '--lr: must be above 0, got 0'],
    [['--seed', '4294967296'], '--seed: must be at most 4294967295, got 4294967296'],
    [['--noise-size', '0', '--sequence-noise-size', '0'], '--noise-size: must be at least 1 when --sequence-noise-size is 0'],
    [['--model', 'timegan', '--seq-len', '1'], '--seq-len: must be at least 2, got 1'],
    [['--model', 'timegan', '--lr-decay-start', '1'], '--lr-decay-start: must be below 1, got 1'],
  ])('refuses %j with one line naming the flag', async (flags, message) => {
    const out = unused();
    const r = await rgan('train', '--data', csv, '--out', out, ...flags);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `${message}\n` });
    expect(existsSync(out)).toBe(false);
  });

  it('lists every kind\'s flags in --help with their defaults, choices and kind', async () => {
    const help = (await rgan('train', '--help')).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--d-steps <n> discriminator steps per training iteration (default 1)');
    expect(help).toContain('--cell <name> recurrent cell of every network (rnn, gru, lstm; default gru)');
    expect(help).toContain('--label-smoothing <x> rgan: one-sided label smoothing');
    expect(help).toContain('--lr-decay <name> timegan: learning-rate decay over the joint phase (none, linear, cosine; default none)');
    expect(help).toMatch(/--preset <name> timegan: .*\(stocks, sines, energy\)/);
  });

  it('checks a resumed run\'s flags against its kind', async () => {
    const out = join(dir, 'resume-kind');
    const args = ['train', '--data', csv, '--id', 'id', '--time', 't', '--seq-len', '6', '--out', out];
    expect((await rgan(...args, ...TINY, '--d-steps', '2')).code).toBe(0);
    expect((await rgan(...args, '--iterations', '5', '--resume', '--d-steps', '2')).code).toBe(0);
    expect((await rgan(...args, '--iterations', '6', '--resume', '--increment-moments', '1')).stderr).toBe('--increment-moments is a timegan option; --model is rgan\n');
    expect((await rgan(...args, '--iterations', '6', '--resume', '--model', 'timegan')).stderr).toBe('--model: the checkpoint holds a rgan model\n');
    expect((await rgan(...args, '--iterations', '6', '--resume', '--d-steps', '3')).stderr).toMatch(/--resume: the flags ask for discriminatorSteps 3, the checkpoint has 2/);
  });
});

describe('bad input: one line, exit code 1, no output file', () => {
  const cases: Array<[string, () => Promise<string[]>, RegExp]> = [
    ['an empty file', async () => ['--data', await file('empty.csv', '')], /empty/i],
    ['a header only', async () => ['--data', await file('header.csv', 'a,b\n')], /no data rows|header only/i],
    ['ragged rows', async () => ['--data', await file('ragged.csv', 'a,b\n1,2\n3\n')], /row 3|line 3/i],
    ['a non-numeric cell', async () => ['--data', await file('text.csv', 'a,b\n1,2\n3,x\n4,5\n')], /row 3.*"b"|line 3.*b/i],
    ['NaN without --missing', async () => ['--data', await file('nan.csv', 'a,b\n1,2\n3,NaN\n4,5\n')], /missing/i],
    ['a series shorter than --seq-len', async () => ['--data', await file('short.csv', 'a,b\n1,2\n3,4\n'), '--seq-len', '5'], /fewer than|shorter/i],
    ['--seq-len 0', async () => ['--data', csv, '--seq-len', '0'], /--seq-len/],
    ['--seq-len -3', async () => ['--data', csv, '--seq-len', '-3'], /--seq-len/],
    ['--seq-len 2.5', async () => ['--data', csv, '--seq-len', '2.5'], /--seq-len/],
    ['an unknown --id column', async () => ['--data', csv, '--id', 'nope'], /nope/],
    ['an unknown --time column', async () => ['--data', csv, '--id', 'id', '--time', 'nope'], /nope/],
    ['an unknown --condition column', async () => ['--data', csv, '--id', 'id', '--condition', 'nope'], /nope/],
    ['an unknown --cell', async () => ['--data', csv, '--cell', 'transformer'], /--cell/],
    ['an unknown --loss', async () => ['--data', csv, '--loss', 'kl'], /--loss/],
    ['an .npy of the wrong rank', async () => ['--data', await file('rank.npy', encodeNpy(new Float32Array(6), [2, 3]))], /rank|shape|dimension/i],
    ['an .npy of the wrong dtype', async () => ['--data', await file('dtype.npy', npyInt32())], /dtype|<i4|int/i],
  ];
  it.each(cases)('train rejects %s', async (_name, args, message) => {
    const out = unused();
    const r = await rgan('train', ...(await args()), '--out', out, ...TINY);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(out)).toBe(false);
  });

  it('train rejects --out inside a missing directory', async () => {
    const r = await rgan('train', '--data', csv, '--id', 'id', '--out', join(dir, 'no', 'such', 'dir'), ...TINY);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does not exist/);
  });

  const sampleCases: Array<[string, () => Promise<string[]>, RegExp]> = [
    ['--n 0', async () => ['--model', model, '--n', '0', '--condition', 'label=up'], /--n/],
    ['an output path in a missing directory', async () => ['--model', model, '--n', '2', '--condition', 'label=up', '--out', join(dir, 'missing', 'x.csv')], /does not exist/],
    ['an unknown output extension', async () => ['--model', model, '--n', '2', '--condition', 'label=up', '--out', join(dir, 'x.parquet')], /extension|\.parquet/],
    ['a condition value never seen in training', async () => ['--model', model, '--n', '2', '--condition', 'label=sideways'], /sideways/],
    ['an unknown condition column', async () => ['--model', model, '--n', '2', '--condition', 'colour=red'], /colour/],
    ['a directory that holds no model', async () => ['--model', dir, '--n', '2'], /holds no model/],
    ['a model of a newer format', async () => ['--model', await tamperedModel('format'), '--n', '2', '--condition', 'label=up'], /newer/],
    ['a truncated weights.bin', async () => ['--model', await tamperedModel('truncate'), '--n', '2', '--condition', 'label=up'], /truncated/],
    ['an altered weights.bin', async () => ['--model', await tamperedModel('flip'), '--n', '2', '--condition', 'label=up'], /altered|corrupt/],
  ];
  it.each(sampleCases)('sample rejects %s', async (_name, args, message) => {
    const argv = await args();
    const out = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : unused('.csv');
    const r = await rgan('sample', ...argv, ...(argv.includes('--out') ? [] : ['--out', out]));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')[0]).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

function npyInt32(): Uint8Array {
  const bytes = encodeNpy(new Float32Array(8), [2, 2, 2]);
  const text = Buffer.from(bytes).toString('latin1').replace("'<f4'", "'<i4'");
  return Buffer.from(text, 'latin1');
}

async function tamperedModel(how: 'format' | 'truncate' | 'flip'): Promise<string> {
  const copy = join(dir, `tampered-${how}`);
  const r = await rgan('train', '--data', csv, '--id', 'id', '--condition', 'label', '--seq-len', '6', '--out', copy, ...TINY, '--force');
  expect(r.code).toBe(0);
  if (how === 'format') {
    const json = JSON.parse(await readFile(join(copy, 'model.json'), 'utf8'));
    await writeFile(join(copy, 'model.json'), JSON.stringify({ ...json, format: 99 }));
  } else if (how === 'truncate') {
    await truncate(join(copy, 'weights.bin'), 10);
  } else {
    const weights = await readFile(join(copy, 'weights.bin'));
    weights[3] ^= 0xff;
    await writeFile(join(copy, 'weights.bin'), weights);
  }
  return copy;
}

describe('damaged or misplaced files: one line, exit code 1', () => {
  it.each([
    ['"config": null', (json: Record<string, unknown>) => ({ ...json, config: null })],
    ['"training": null', (json: Record<string, unknown>) => ({ ...json, training: null })],
    ['"training" without its iteration', (json: Record<string, unknown>) => ({ ...json, training: {} })],
  ])('sample rejects a model.json with %s', async (_name, edit) => {
    const copy = join(dir, `edited-${++fresh}`);
    expect((await rgan('train', '--data', csv, '--id', 'id', '--seq-len', '6', '--out', copy, ...TINY)).code).toBe(0);
    const json = JSON.parse(await readFile(join(copy, 'model.json'), 'utf8'));
    await writeFile(join(copy, 'model.json'), JSON.stringify(edit(json)));
    const r = await rgan('sample', '--model', copy, '--n', '2', '--out', unused('.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/model\.json|config|training/);
  });

  it('sample reports an output path that is a directory', async () => {
    const folder = join(dir, 'folder.csv');
    await mkdir(folder);
    const r = await rgan('sample', '--model', model, '--n', '2', '--condition', 'label=up', '--out', folder);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/--out.*directory/);
  });

  it('demo rejects an --out that is a file', async () => {
    const r = await rgan('demo', '--out', csv, '--iterations', '1');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a directory/);
  });
});
