// Outputs never destroy inputs or other files (src/io/output-path.ts): every command that writes
// refuses, in one line with exit 1, to write onto what the same run reads, onto a model's files,
// onto anything but a regular file, or onto an existing file without --force; `--out -` prints;
// and an interrupted write leaves no temporary file behind.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, link, lstat, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryTerminal } from '../../src/cli/terminal.js';

async function rgan(...argv: string[]) {
  const terminal = memoryTerminal();
  const code = await main(argv, terminal);
  return { code, stdout: terminal.stdout, stderr: terminal.stderr };
}

const script = fileURLToPath(new URL('./rgan-process.mts', import.meta.url));
const TINY = ['--seq-len', '6', '--hidden', '4', '--layers', '1', '--batch', '8', '--noise-size', '2', '--iterations', '4'];
const QUICK = ['--repeats', '1', '--discriminative-iterations', '5', '--predictive-iterations', '5', '--seq-len', '6'];

let dir: string;
let data: string;
let model: string;
let synthetic: string;

/** Every file under `root` (links as links) with its SHA-256: what a refused command must leave as it was. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) files[path] = createHash('sha256').update(await readFile(path)).digest('hex');
    else files[path] = entry.isDirectory() ? 'directory' : 'other';
  }
  return files;
}

/** Runs `argv`, expects a one-line refusal matching `message`, and nothing in `dir` changed. */
async function expectRefused(argv: string[], message: RegExp): Promise<void> {
  const before = await snapshot(dir);
  const r = await rgan(...argv);
  expect(r.stderr).toMatch(message);
  expect(r.stderr.split('\n')).toHaveLength(2); // one line and its newline: no stack trace
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(await snapshot(dir)).toEqual(before);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rgan-outputs-'));
  data = join(dir, 'data.csv');
  await writeFile(data, ['v,w', ...Array.from({ length: 40 }, (_, t) => `${Math.sin(t / 4)},${Math.cos(t / 7)}`)].join('\n'));
  model = join(dir, 'model');
  expect((await rgan('train', '--data', data, '--out', model, ...TINY)).code).toBe(0);
  synthetic = join(dir, 'synthetic.csv');
  expect((await rgan('sample', '--model', model, '--n', '20', '--seed', '1', '--out', synthetic)).code).toBe(0);
});

describe('refused outputs', () => {
  it('sample: an existing file without --force, and the model\'s own files even with it', async () => {
    await expectRefused(['sample', '--model', model, '--n', '2', '--out', data], /^--out, .*data\.csv: exists; use --force to replace it$/m);
    await expectRefused(['sample', '--model', model, '--n', '2', '--out', join(model, 'model.json'), '--force'], /a file of the model --model reads/);
    await expectRefused(['sample', '--model', model, '--n', '2', '--out', join(model, 'checkpoint', 'model.json'), '--force'], /a file of the model --model reads/);
    await expectRefused(['sample', '--model', model, '--n', '2', '--out', join(model, 'weights.bin'), '--force'], /not a name for the sample file: use one ending in \.csv, \.json or \.npy/);
  });

  it('sample: the model\'s files under another name, through a symbolic or a hard link', async () => {
    const viaSymlink = join(dir, 'symlinked-model.json');
    const viaHardLink = join(dir, 'hard-linked-model.json');
    await symlink(join(model, 'model.json'), viaSymlink);
    await link(join(model, 'checkpoint', 'model.json'), viaHardLink);
    for (const out of [viaSymlink, viaHardLink]) {
      await expectRefused(['sample', '--model', model, '--n', '2', '--out', out, '--force'], /a file of the model --model reads/);
    }
  });

  it('sample: the files of a model this run does not read, by name or through a link', async () => {
    const other = join(dir, 'other-model');
    await cp(model, other, { recursive: true });
    const viaLink = join(dir, 'other-model-link.json');
    await symlink(join(other, 'model.json'), viaLink);
    for (const out of [join(other, 'model.json'), viaLink]) {
      await expectRefused(['sample', '--model', model, '--n', '2', '--out', out, '--force'], /: is a file of a model; choose another name$/m);
    }
  });

  it('report: what it reads, even as `./name` or a hard link, a non-HTML name, a device and a FIFO', async () => {
    const compare = ['report', '--real', data, '--synthetic', synthetic, ...QUICK];
    const realAsHtml = join(dir, 'data-link.html');
    await link(data, realAsHtml);
    await expectRefused([...compare, '--out', realAsHtml, '--force'], /^--out, .*data-link\.html: is the file --real reads; choose another path$/m);
    await expectRefused([...compare, '--out', data, '--force'], /not a name for the HTML file: use one ending in \.html/);
    const syntheticHtml = join(dir, 'synthetic.html');
    await link(synthetic, syntheticHtml);
    const roundabout = `${dir}/./../${dir.split('/').pop()}/synthetic.csv`; // the same file, named otherwise
    await expectRefused(['report', '--real', data, '--synthetic', roundabout, ...QUICK, '--out', syntheticHtml, '--force'], /is the file --synthetic reads/);
    await expectRefused([...compare, '--out', '/dev/null', '--force'], /^--out, \/dev\/null: is not a regular file \(a device, FIFO or socket\)/m);
    const fifo = join(dir, 'pipe.html');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    await expectRefused([...compare, '--out', fifo, '--force'], /is not a regular file/);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  });

  it('a symbolic link to nothing', async () => {
    const dangling = join(dir, 'dangling.csv');
    await symlink(join(dir, 'nothing-here.csv'), dangling);
    await expectRefused(['sample', '--model', model, '--n', '2', '--out', dangling, '--force'], /is a symbolic link to nothing/);
  });

  it('train: --force never deletes the run\'s own input, and --out is a directory', async () => {
    const copy = join(dir, 'copy');
    await cp(model, copy, { recursive: true });
    await expectRefused(['train', '--data', join(copy, 'model.json'), '--out', copy, '--force', ...TINY], /^--out, .*copy: would replace .*model\.json, which --data reads; choose another directory$/m);
    await expectRefused(['train', '--data', join(copy, 'checkpoint', 'weights.bin'), '--out', copy, '--force', ...TINY], /which --data reads/);
    await expectRefused(['train', '--data', data, '--out', '/dev/null', ...TINY], /^--out, \/dev\/null: exists and is not a directory$/m);
  });

  it('demo: an earlier demo\'s model and files without --force', async () => {
    const earlier = join(dir, 'earlier-demo');
    await mkdir(earlier);
    await writeFile(join(earlier, 'samples.csv'), 'seq,t,x\n0,0,1\n');
    await expectRefused(['demo', '--out', earlier, '--iterations', '1'], /^--out, .*samples\.csv: exists; use --force to replace it$/m);
    await cp(model, join(earlier, 'model'), { recursive: true });
    await expectRefused(['demo', '--out', earlier, '--iterations', '1'], /^--out, .*model: already holds a model; use --force to replace it$/m);
  });

  it('flags that only make sense with standard output, or without it', async () => {
    await expectRefused(['sample', '--model', model, '--n', '2', '--out', join(dir, 'new.csv'), '--format', 'json'], /^--format: applies to --out - only/m);
    // with --json the refusal itself is JSON on standard output, as every --json error is
    const r = await rgan('sample', '--model', model, '--n', '2', '--out', '-', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.message).toMatch(/^--json: standard output holds the samples/);
  });
});

describe('allowed outputs', () => {
  it('--force replaces a file, and a symbolic link is written through, never replaced', async () => {
    const target = join(dir, 'target.csv');
    const linked = join(dir, 'linked.csv');
    await writeFile(target, 'old\n');
    await symlink(target, linked);
    const r = await rgan('sample', '--model', model, '--n', '2', '--seed', '1', '--out', linked, '--force');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((await lstat(linked)).isSymbolicLink()).toBe(true);
    expect(await readFile(target, 'utf8')).toMatch(/^seq,t,v,w\n/);
  });

  it('--out - prints CSV (or JSON with --format json) and the HTML report on standard output', async () => {
    const csv = await rgan('sample', '--model', model, '--n', '20', '--seed', '1', '--out', '-');
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(await readFile(synthetic, 'utf8'));
    const json = await rgan('sample', '--model', model, '--n', '2', '--out', '-', '--format', 'json');
    expect(JSON.parse(json.stdout).columns).toEqual(['v', 'w']);
    const before = await snapshot(dir);
    const html = await rgan('report', '--real', data, '--synthetic', synthetic, ...QUICK, '--out', '-');
    expect(html.stderr).toBe('');
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/i);
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('interrupted writes', () => {
  /** Temporary files (`.name.pid.ms.tmp`) in `folder`. */
  const temporaries = async (folder: string) => (await readdir(folder)).filter((name) => name.endsWith('.tmp'));

  /** Spawns a large `sample` into `folder` and sends `signal` once its temporary file exists. */
  async function interruptSample(folder: string, signal: NodeJS.Signals): Promise<{ caught: boolean; signal: string | null }> {
    const argv = ['--import', 'tsx', script, 'sample', '--model', model, '--n', '80000', '--out', join(folder, 'big.csv')];
    const child = spawn(process.execPath, argv, { stdio: 'ignore' });
    let exit: string | null | undefined;
    child.on('exit', (_code, s) => (exit = s));
    let caught = false;
    while (exit === undefined && !caught) {
      caught = (await temporaries(folder)).length > 0;
      if (!caught) await new Promise((r) => setTimeout(r, 2));
    }
    if (caught) child.kill(signal);
    while (exit === undefined) await new Promise((r) => setTimeout(r, 10));
    return { caught, signal: exit };
  }

  it('kill -9 leaves a temporary file, which the next run writing there removes', async () => {
    const folder = join(dir, 'killed');
    await mkdir(folder);
    const run = await interruptSample(folder, 'SIGKILL');
    expect(run.caught, 'sample finished before its temporary file was seen').toBe(true);
    expect(run.signal).toBe('SIGKILL');
    expect(await temporaries(folder)).toHaveLength(1);
    expect((await rgan('sample', '--model', model, '--n', '2', '--out', join(folder, 'next.csv'))).code).toBe(0);
    expect(await readdir(folder)).toEqual(['next.csv']);
  }, 60_000);

  it('Ctrl-C and SIGTERM remove the temporary file before the process ends of the signal', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const folder = join(dir, `stopped-${signal}`);
      await mkdir(folder);
      const run = await interruptSample(folder, signal);
      expect(run.caught, 'sample finished before its temporary file was seen').toBe(true);
      expect(run.signal).toBe(signal);
      expect(await readdir(folder)).toEqual([]);
    }
  }, 60_000);

  it('the next run keeps the temporary files of processes that still run', async () => {
    const folder = join(dir, 'shared');
    await mkdir(folder);
    const running = `.other.csv.${process.pid}.1.tmp`;
    await writeFile(join(folder, running), 'being written');
    expect((await rgan('sample', '--model', model, '--n', '2', '--out', join(folder, 'mine.csv'))).code).toBe(0);
    expect((await readdir(folder)).sort()).toEqual([running, 'mine.csv'].sort());
  });
});

it('a divergence before the first checkpoint leaves no model directory', async () => {
  const out = join(dir, 'diverged');
  const r = await rgan('train', '--data', data, '--out', out, ...TINY, '--lr', '1e30', '--checkpoint-every', '100');
  expect(r.stderr).toMatch(/^training diverged at iteration \d+: .*no checkpoint was written before it/);
  expect(r.code).toBe(1);
  expect(existsSync(out)).toBe(false);
});
