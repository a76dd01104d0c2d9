// Every file `rgan sample` writes goes back into the other commands: data whose columns are
// called seq and t (the names of sample's own index columns) trains, samples to CSV, JSON and
// .npy, and each sample file is accepted by eval, report and train.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
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

const TINY = ['--hidden', '4', '--layers', '1', '--batch', '8', '--noise-size', '2', '--iterations', '3'];
const QUICK = ['--repeats', '1', '--discriminative-iterations', '3', '--predictive-iterations', '3', '--seq-len', '6'];

let dir: string;
let data: string;
let model: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rgan-round-trip-'));
  data = join(dir, 'data.csv');
  const rows = ['seq,t,x'];
  for (let r = 0; r < 30; r++) rows.push(`${r % 4},${Math.cos(r / 5)},${Math.sin(r / 3)}`);
  await writeFile(data, `${rows.join('\n')}\n`);
  model = join(dir, 'model');
  const r = await rgan('train', '--data', data, '--seq-len', '6', '--out', model, ...TINY);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});

describe('a sample of data with columns seq and t', () => {
  it('keeps the data columns under their names and renames its index columns seq_ and t_', async () => {
    const out = join(dir, 'names.csv');
    expect((await rgan('sample', '--model', model, '--n', '2', '--out', out)).code).toBe(0);
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('seq_,t_,seq,t,x');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 2).join(','))).toEqual(['0,0', '0,1', '0,2', '0,3', '0,4', '0,5', '1,0', '1,1', '1,2', '1,3', '1,4', '1,5']);
  });

  it.each(['csv', 'json', 'npy'])('as .%s is accepted by eval, report and train', async (format) => {
    const samples = join(dir, `samples.${format}`);
    expect((await rgan('sample', '--model', model, '--n', '12', '--seed', '2', '--out', samples)).code).toBe(0);
    const evaluated = await rgan('eval', '--real', data, '--synthetic', samples, ...QUICK, '--json');
    expect(evaluated.stderr).toBe('');
    expect(JSON.parse(evaluated.stdout).synthetic).toMatchObject({ count: 12, length: 6, features: 3 });
    const reported = await rgan('report', '--real', data, '--synthetic', samples, ...QUICK, '--out', join(dir, `report-${format}.html`));
    expect(reported.stderr).toBe('');
    expect(reported.code).toBe(0);
    const trained = await rgan('train', '--data', samples, '--seq-len', '6', '--out', join(dir, `again-${format}`), ...TINY);
    expect(trained.stderr).toBe('');
    expect(trained.code).toBe(0);
  }, 30_000);
});
