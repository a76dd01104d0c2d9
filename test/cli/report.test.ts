// `rgan report` end to end, in-process: a tiny model trained and sampled by the CLI, then one
// self-contained HTML file with a chart of every kind (and the loss curves given --model);
// a bad output path is a one-line error that leaves no file.
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryTerminal } from '../../src/cli/terminal.js';

async function rgan(...argv: string[]) {
  const terminal = memoryTerminal();
  const code = await main(argv, terminal);
  return { code, stdout: terminal.stdout, stderr: terminal.stderr };
}

const QUICK = ['--repeats', '1', '--discriminative-iterations', '5', '--predictive-iterations', '5', '--seq-len', '6'];
const TINY_MODEL = ['--hidden', '4', '--layers', '1', '--batch', '8', '--noise-size', '2', '--iterations', '6', '--log-every', '2'];

let dir: string;
let realCsv: string;
let samples: string;
let model: string;

/** A chart's figure and its SVG, or null when the page has none by that id. */
function figure(html: string, id: string): string | null {
  const match = new RegExp(`<figure id="chart-${id}"><svg[\\s\\S]*?</svg></figure>`).exec(html);
  return match === null ? null : match[0];
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rgan-report-'));
  realCsv = join(dir, 'real.csv');
  const rows = ['a,b'];
  for (let r = 0; r < 30; r++) rows.push(`${Math.sin(r / 3)},${r % 7}`);
  await writeFile(realCsv, `${rows.join('\n')}\n`);
  model = join(dir, 'model');
  samples = join(dir, 'samples.csv');
  expect((await rgan('train', '--data', realCsv, '--seq-len', '6', '--out', model, ...TINY_MODEL)).code).toBe(0);
  expect((await rgan('sample', '--model', model, '--n', '25', '--out', samples)).code).toBe(0);
});

describe('rgan report', () => {
  it('writes one self-contained HTML file with every kind of chart and the metric table', async () => {
    const outDir = join(dir, 'plain');
    await mkdir(outDir);
    const out = join(outDir, 'report.html');
    const warn = vi.spyOn(console, 'warn');
    const r = await rgan('report', '--real', realCsv, '--synthetic', samples, '--out', out, ...QUICK);
    expect(warn).not.toHaveBeenCalled(); // Vega-Lite warns there about specs it has to patch up
    warn.mockRestore();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*report\.html \([\d.]+ KiB\)/);
    expect(await readdir(outDir)).toEqual(['report.html']);
    const html = await readFile(out, 'utf8');
    for (const id of ['pca', 'tsne', 'sequences', 'histograms', 'acf']) expect(figure(html, id), id).not.toBeNull();
    expect(figure(html, 'losses')).toBeNull();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|@import|@font-face/i);
    for (const metric of ['discriminative score', 'predictive score', 'MMD²', 'ACF distance', 'memorisation share']) expect(html).toContain(metric);
  });

  it('adds the training loss curves given --model, and reports as JSON with --json', async () => {
    const out = join(dir, 'with-model.html');
    const r = await rgan('report', '--real', realCsv, '--synthetic', samples, '--model', model, '--out', out, ...QUICK, '--json');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.out).toBe(out);
    expect(typeof summary.metrics.mmd2).toBe('number');
    const losses = figure(await readFile(out, 'utf8'), 'losses');
    expect(losses).not.toBeNull();
    expect(losses).toContain('discriminator');
    expect(losses).toContain('generator');
  });

  it('fails in one line, leaving no file, when the output directory does not exist', async () => {
    const out = join(dir, 'no-such-dir', 'report.html');
    const r = await rgan('report', '--real', realCsv, '--synthetic', samples, '--out', out, ...QUICK);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^--out, .*report\.html: directory ".*no-such-dir" does not exist/);
    expect(await readdir(dir)).not.toContain('no-such-dir');
  });

  it('refuses an output path that is a directory, and a --model that holds no model', async () => {
    const isDir = await rgan('report', '--real', realCsv, '--synthetic', samples, '--out', dir, ...QUICK);
    expect(isDir.code).toBe(1);
    expect(isDir.stderr).toMatch(/^--out, .*: is a directory; name the HTML file to write\n$/);
    const out = join(dir, 'never.html');
    const noModel = await rgan('report', '--real', realCsv, '--synthetic', samples, '--model', dir, '--out', out, ...QUICK);
    expect(noModel.code).toBe(1);
    expect(noModel.stderr).toMatch(/^--model, .*: directory holds no model/);
    expect(await readdir(dir)).not.toContain('never.html');
  });

  it('refuses synthetic columns that are not the real ones, in one line, leaving no file', async () => {
    const renamed = join(dir, 'renamed.csv');
    await writeFile(renamed, (await readFile(samples, 'utf8')).replace('seq,t,a,b', 'seq,t,a,B'));
    const out = join(dir, 'renamed.html');
    const r = await rgan('report', '--real', realCsv, '--synthetic', renamed, '--out', out, ...QUICK);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`--synthetic, ${renamed}: lacks the real column "b"; has "B", which the real data lacks (the real columns are a, b)\n`);
    expect(await readdir(dir)).not.toContain('renamed.html');
  });
});
