import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNpy, parseTable, prepareDataset, readSequenceFile, writeSamples } from '../../src/data/index.js';
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
});
