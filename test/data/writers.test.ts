import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNpy, parseTable, prepareDataset, readSequenceFile, sampleIndexColumns, writeSampleBatches, writeSamples, type DecodedSamples } from '../../src/data/index.js';
import { makeTempDir } from './temp-files.js';

const dir = makeTempDir();
const source = parseTable(['temp,mode,label', '10.5,walk,calm', '20,run,calm', '15,walk,busy'].join('\n'), 'in.csv');
const data = prepareDataset(source, { seqLen: 2, conditions: ['label'] });
const samples = data.encoder.decodeWindows(data.windows, data.length, data.conditionValues);

describe('writeSamples', () => {
  it('writes wide CSV: seq, t, features, conditions, in data units with labels', async () => {
    const path = join(dir, 'samples.csv');
    await writeSamples(path, samples);
    expect(readFileSync(path, 'utf8')).toBe(
      ['seq,t,temp,mode,label', '0,0,10.5,walk,calm', '0,1,20,run,calm', '1,0,20,run,calm', '1,1,15,walk,calm', ''].join('\n'),
    );
  });

  it('writes JSON that reads back as the same data', async () => {
    const path = join(dir, 'samples.json');
    await writeSamples(path, samples);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      columns: ['temp', 'mode', 'label'],
      sequences: [
        [[10.5, 'walk', 'calm'], [20, 'run', 'calm']],
        [[20, 'run', 'calm'], [15, 'walk', 'calm']],
      ],
    });
    const again = prepareDataset(await readSequenceFile(path), { seqLen: 2, conditions: ['label'] });
    expect(again.encoder.features).toEqual(data.encoder.features);
  });

  it('writes float32 .npy [N, T, columns] with categorical cells as category indices', async () => {
    const path = join(dir, 'samples.npy');
    await writeSamples(path, samples);
    const { shape, data: values } = parseNpy(readFileSync(path), path);
    expect(shape).toEqual([2, 2, 3]);
    // mode: run = 0, walk = 1; label: busy = 0, calm = 1
    expect(Array.from(values)).toEqual([10.5, 1, 1, 20, 0, 1, 20, 0, 1, 15, 1, 1]);
  });

  it('refuses an unknown extension and a missing folder, leaving no file behind', async () => {
    const dir = makeTempDir();
    await expect(writeSamples(join(dir, 'samples.parquet'), samples, { flag: '--out' })).rejects.toThrow(
      /^--out, .*samples\.parquet: cannot write samples as "\.parquet"; use \.csv, \.json, \.npy$/,
    );
    await expect(writeSamples(join(dir, 'no', 'such', 'x.csv'), samples, { flag: '--out' })).rejects.toThrow(/--out, .*: directory ".*such" does not exist/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('quotes labels that hold the delimiter or quotes', async () => {
    const tricky = parseTable('x,note\n1,"a, b"\n2,"say ""hi"""\n', 'q.csv');
    const prepared = prepareDataset(tricky, { seqLen: 2 });
    const path = join(dir, 'tricky.csv');
    await writeSamples(path, prepared.encoder.decodeWindows(prepared.windows, 2));
    const back = parseTable(readFileSync(path, 'utf8'), path);
    expect(back.cells[3]).toEqual(['a, b', 'say "hi"']);
  });

  it('names the index columns so that data columns called seq or t keep their names', async () => {
    expect(sampleIndexColumns(['x', 'y'])).toEqual({ sequence: 'seq', step: 't' });
    expect(sampleIndexColumns(['seq', 't', 'x'])).toEqual({ sequence: 'seq_', step: 't_' });
    expect(sampleIndexColumns(['seq_', 't__', 'seq'])).toEqual({ sequence: 'seq__', step: 't___' });
    const clash = parseTable('seq,t,x\n1,2,3\n4,5,6\n', 'clash.csv');
    const prepared = prepareDataset(clash, { seqLen: 2 });
    const path = join(dir, 'clash.csv');
    await writeSamples(path, prepared.encoder.decodeWindows(prepared.windows, 2));
    expect(readFileSync(path, 'utf8')).toBe('seq_,t_,seq,t,x\n0,0,1,2,3\n0,1,4,5,6\n');
  });
});

describe('writeSampleBatches', () => {
  /** `batches` copies of the two sequences above, each checking that the ones before it are already on disk. */
  function* batchesWrittenAsTheyCome(path: string, batches: number, sizes: number[]): Generator<DecodedSamples> {
    for (let k = 0; k < batches; k++) {
      const temporary = readdirSync(dir).find((name) => name.startsWith(`.${basename(path)}.`) && name.endsWith('.tmp'));
      if (k > 0) sizes.push(statSync(join(dir, temporary!)).size);
      yield samples;
    }
  }

  it.each(['csv', 'json', 'npy'])('writes each batch before taking the next (.%s), as writeSamples writes the whole', async (format) => {
    const streamed = join(dir, `streamed.${format}`);
    const sizes: number[] = [];
    await writeSampleBatches(streamed, batchesWrittenAsTheyCome(streamed, 3, sizes), { count: 6 });
    expect(sizes).toHaveLength(2);
    expect(sizes[0]).toBeGreaterThan(0);
    expect(sizes[1]).toBeGreaterThan(sizes[0]);
    const whole = join(dir, `whole.${format}`);
    await writeSamples(whole, data.encoder.decodeWindows(thrice(data.windows), data.length, thrice(data.conditionValues)));
    expect(readFileSync(streamed)).toEqual(readFileSync(whole));
  });

  it('numbers CSV sequences across batches', async () => {
    const path = join(dir, 'numbered.csv');
    await writeSampleBatches(path, [samples, samples], { count: 4 });
    expect(readFileSync(path, 'utf8').trim().split('\n').map((line) => line.split(',').slice(0, 2).join(','))).toEqual(['seq,t', '0,0', '0,1', '1,0', '1,1', '2,0', '2,1', '3,0', '3,1']);
  });
});

/** The values three times over: three copies of the samples in one. */
function thrice(values: Float32Array): Float32Array {
  const out = new Float32Array(values.length * 3);
  for (let k = 0; k < 3; k++) out.set(values, k * values.length);
  return out;
}
