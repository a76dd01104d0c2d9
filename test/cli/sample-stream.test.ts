// `rgan sample` streams: sequences are generated and written a batch at a time, the file is the
// same as when every sequence is made at once, and memory does not grow with --n.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryTerminal } from '../../src/cli/terminal.js';
import { samplesToCsv, samplesToJson, samplesToNpy, writeSampleBatches } from '../../src/data/index.js';
import { sampleBatchSizes } from '../../src/models/common/model-parts.js';
import { loadModel } from '../../src/models/registry.js';

async function rgan(...argv: string[]) {
  const terminal = memoryTerminal();
  const code = await main(argv, terminal);
  return { code, stdout: terminal.stdout, stderr: terminal.stderr };
}

const TINY = ['--hidden', '5', '--layers', '1', '--batch', '8', '--iterations', '2'];

let dir: string;
let rganModel: string;
let timeganModel: string;

/** Two walks of 20 steps: id, t, x, y and a label. */
function walksCsv(): string {
  const rows = ['id,t,x,y,label'];
  for (const id of ['a', 'b']) for (let t = 0; t < 20; t++) rows.push(`${id},${t},${Math.sin(t / 3)},${t * 0.5},${id === 'a' ? 'up' : 'down'}`);
  return `${rows.join('\n')}\n`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rgan-sample-stream-'));
  const csv = join(dir, 'walks.csv');
  await writeFile(csv, walksCsv());
  rganModel = join(dir, 'rgan');
  timeganModel = join(dir, 'timegan');
  const data = ['--data', csv, '--id', 'id', '--time', 't', '--seq-len', '6'];
  expect((await rgan('train', ...data, '--condition', 'label', '--noise-size', '2', '--out', rganModel, ...TINY)).code).toBe(0);
  expect((await rgan('train', '--model', 'timegan', ...data, '--average-decay', '0.9', '--out', timeganModel, ...TINY)).code).toBe(0);
});

describe('rgan sample in batches', () => {
  it.each(['csv', 'json', 'npy'])('writes the same .%s for --n 5000 as the whole sample made at once', async (format) => {
    const out = join(dir, `5000.${format}`);
    const r = await rgan('sample', '--model', rganModel, '--n', '5000', '--condition', 'label=up', '--seed', '9', '--out', out);
    expect(r.code).toBe(0);
    const gan = await loadModel(rganModel);
    const whole = gan.sample(5000, { condition: { label: 'up' }, seed: 9 }); // one array: the way sample worked before batches
    const expected = format === 'csv' ? samplesToCsv(whole) : format === 'json' ? samplesToJson(whole) : samplesToNpy(whole);
    expect(await readFile(out)).toEqual(Buffer.from(expected));
  }, 30_000);

  it.each([
    ['rgan', () => rganModel, { condition: { label: 'down' } }],
    ['timegan (averaged weights)', () => timeganModel, {}],
  ])('draws the same noise stream in batches of any size: %s', async (_kind, model, options) => {
    const gan = await loadModel(model());
    const batched = join(dir, 'batched.csv');
    await writeSampleBatches(batched, gan.sampleBatches(45, { ...options, seed: 3, batch: 10 }), { count: 45 });
    expect(await readFile(batched, 'utf8')).toBe(samplesToCsv(gan.sample(45, { ...options, seed: 3 })));
  });

  it('takes 4,096 sequences a batch, fewer when they are long, in whole model batches', () => {
    expect([...sampleBatchSizes(10_000, 8, 24 * 6)]).toEqual([4096, 4096, 1808]);
    expect([...sampleBatchSizes(10, 4, 300_000)]).toEqual([4, 4, 2]); // 2²⁰ values hold 3 sequences, rounded up to a model batch
    expect(() => sampleBatchSizes(0, 8, 10)).toThrow(/must be a positive integer, got 0/);
  });

  it('refuses a mistake before the first batch: a missing condition', async () => {
    const gan = await loadModel(rganModel);
    expect(() => gan.sampleBatches(10)).toThrow(/the model is conditional/);
  });

  it('keeps its peak memory when --n grows a thousandfold (1,000 → 1,000,000 sequences)', async () => {
    const peak = async (n: number): Promise<number> => {
      const argv = ['--import', 'tsx', 'test/cli/rgan-peak-memory.mts', 'sample', '--model', rganModel, '--n', String(n), '--condition', 'label=up', '--out', join(dir, `peak-${n}.npy`)];
      const { stdout } = await promisify(execFile)(process.execPath, argv, { cwd: join(import.meta.dirname, '..', '..') });
      return Number(/peak memory (\d+) MB\s*$/.exec(stdout)![1]);
    };
    const small = await peak(1_000);
    const large = await peak(1_000_000); // 6 million steps: 144 MB of float32 in the file, ~380 MB when held at once
    // the whole-sample code grew by ~244 MB here; batches stay within GC noise (~10 MB alone, up
    // to ~90 MB when other test files load both cores and the collector runs late)
    expect(large - small).toBeLessThan(128);
  }, 60_000);
});
