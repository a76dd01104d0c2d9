// TimeGAN as a library user sees it: fit through three phases, sample, save, load, resume.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTable, prepareDataset } from '../../src/data/index.js';
import { UserError } from '../../src/errors.js';
import { RecurrentGAN } from '../../src/models/rgan/model.js';
import type { TimeGANConfig } from '../../src/models/timegan/config.js';
import { TimeGAN } from '../../src/models/timegan/model.js';
import { learningRateFactor } from '../../src/models/timegan/schedule.js';
import type { DeepPartial } from '../../src/config.js';
import { DivergenceError, type ProgressEvent } from '../../src/train/loop.js';
import { smallSines, weightsOf } from './rgan-helpers.js';

/** Five tiny networks that train in milliseconds per iteration. */
const TINY: DeepPartial<TimeGANConfig> = { seed: 7, batchSize: 16, hidden: 6, layers: 2 };

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'timegan-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** The phase each progress event belongs to, read from its loss names. */
function phaseOf(event: ProgressEvent): string {
  return Object.keys(event.losses).join('+');
}

describe('TimeGAN', () => {
  it('runs the embedding, supervised and joint phases in order, counting across them', async () => {
    const data = await smallSines();
    const gan = new TimeGAN(TINY);
    const events: ProgressEvent[] = [];
    const result = await gan.fit(data, { iterations: 3, logEvery: 1, onProgress: (e) => events.push(e) });
    expect(result.iterationsDone).toBe(9);
    expect(events.map((e) => e.iteration)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(events.every((e) => e.iterations === 9)).toBe(true);
    expect(events.map(phaseOf)).toEqual([
      ...Array(3).fill('embedding'),
      ...Array(3).fill('supervised'),
      ...Array(3).fill('discriminator+generator+embedder'),
    ]);
    expect(events.every((e) => Object.values(e.losses).every(Number.isFinite))).toBe(true);
    expect(gan.training).toMatchObject({ iteration: 9, phases: { embedding: 3, supervised: 3, joint: 3 } });
    expect(gan.training.history.map((h) => h.phase)).toEqual(['embedding', 'embedding', 'embedding', 'supervised', 'supervised', 'supervised', 'joint', 'joint', 'joint']);
  });

  it('samples sequences in the data’s columns and units, on [0, 1] when scaled', async () => {
    const data = await smallSines();
    const gan = new TimeGAN(TINY);
    await gan.fit(data, { iterations: 2 });
    const scaled = gan.sampleScaled(20, { seed: 1 });
    expect(scaled.length).toBe(20 * 12 * 5);
    expect(scaled.every((v) => v >= 0 && v <= 1)).toBe(true);
    const samples = gan.sample(5, { seed: 1 });
    expect(samples.count).toBe(5);
    expect(samples.length).toBe(12);
    expect(samples.features.map((c) => c.name)).toEqual(data.encoder.features.map((c) => c.name));
  });

  it('gives identical weights for the same seed, different ones for another', async () => {
    const data = await smallSines();
    const runs = await Promise.all([7, 7, 8].map(async (seed) => {
      const gan = new TimeGAN({ ...TINY, seed });
      await gan.fit(data, { iterations: 3 });
      return weightsOf(gan);
    }));
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).not.toEqual(runs[0]);
  });

  it('samples the same sequences after save and load, for the same seed', async () => {
    const dir = await tempDir();
    const gan = new TimeGAN(TINY);
    await gan.fit(await smallSines(), { iterations: 2 });
    await gan.save(dir);
    const loaded = await TimeGAN.load(dir);
    expect(loaded.config).toEqual(gan.config);
    expect(weightsOf(loaded)).toEqual(weightsOf(gan));
    expect(loaded.sampleScaled(40, { seed: 4 })).toEqual(gan.sampleScaled(40, { seed: 4 }));
    expect(loaded.sample(3, { seed: 2 })).toEqual(gan.sample(3, { seed: 2 }));
    expect(loaded.training).toEqual(gan.training);
  });

  // Stops after 2 (mid-embedding), 4 (a phase boundary), 7 (mid-supervised) and 10 (mid-joint) of 12.
  it.each([2, 4, 7, 10])('resumes from a checkpoint written at %i and matches an uninterrupted run bit for bit', async (stop) => {
    const data = await smallSines();
    const whole = new TimeGAN(TINY);
    await whole.fit(data, { iterations: 4 });
    const dir = await tempDir();
    const controller = new AbortController();
    const first = new TimeGAN(TINY);
    const stopped = await first.fit(data, {
      iterations: 4, logEvery: 1, checkpointDir: dir, checkpointEvery: 3, signal: controller.signal,
      onProgress: (e) => e.iteration === stop && controller.abort(),
    });
    expect(stopped).toMatchObject({ aborted: true, iterationsDone: stop });
    const resumed = await TimeGAN.load(dir);
    expect(resumed.training.iteration).toBe(stop);
    await resumed.fit(data, { iterations: 4 });
    expect(weightsOf(resumed)).toEqual(weightsOf(whole));
    expect(resumed.sampleScaled(8, { seed: 3 })).toEqual(whole.sampleScaled(8, { seed: 3 }));
    const { history: _resumedHistory, ...resumedState } = resumed.training;
    const { history: _wholeHistory, ...wholeState } = whole.training;
    expect(resumedState).toEqual(wholeState);
  });

  it('stops on NaN with a DivergenceError and keeps the last good checkpoint', async () => {
    const data = await smallSines();
    const dir = await tempDir();
    const gan = new TimeGAN(TINY);
    await gan.fit(data, { iterations: 1, checkpointDir: dir });
    const poisoned = { ...data, windows: data.windows.map(() => NaN) };
    await expect(gan.fit(poisoned, { iterations: 3, checkpointDir: dir, checkpointEvery: 1 })).rejects.toThrow(DivergenceError);
    expect((await TimeGAN.load(dir)).training.iteration).toBe(3);
  });

  it('extends only the joint phase when fit again with more iterations', async () => {
    const data = await smallSines();
    const gan = new TimeGAN(TINY);
    await gan.fit(data, { iterations: 2 });
    const events: ProgressEvent[] = [];
    const result = await gan.fit(data, { iterations: 4, logEvery: 1, onProgress: (e) => events.push(e) });
    expect(gan.training.phases).toEqual({ embedding: 2, supervised: 2, joint: 4 });
    expect(events.map((e) => e.iteration)).toEqual([11, 12]);
    expect(events.map(phaseOf)).toEqual(['discriminator+generator+embedder', 'discriminator+generator+embedder']);
    expect(result.iterationsDone).toBe(12);
  });

  it('trains with lstm and rnn cells, and with one layer (the supervisor keeps one)', async () => {
    const data = await smallSines();
    for (const config of [{ cell: 'lstm' as const }, { cell: 'rnn' as const }, { layers: 1 }]) {
      const gan = new TimeGAN({ ...TINY, ...config });
      const result = await gan.fit(data, { iterations: 2 });
      expect(Object.values(result.lastLosses).every(Number.isFinite)).toBe(true);
      if (config.layers === 1) expect(gan.namedParameters().filter(([n]) => n.startsWith('supervisor.recurrent.weight_ih')).length).toBe(1);
    }
    const deep = new TimeGAN({ ...TINY, layers: 3, features: 5, seqLen: 12 });
    expect(deep.namedParameters().filter(([n]) => n.startsWith('supervisor.recurrent.weight_ih')).map(([n]) => n)).toEqual([
      'supervisor.recurrent.weight_ih_l0', 'supervisor.recurrent.weight_ih_l1',
    ]);
  });

  it('rejects conditions, data outside [0, 1], unknown options and another kind’s directory', async () => {
    const data = await smallSines();
    const gan = new TimeGAN(TINY);
    await gan.fit(data, { iterations: 1 });
    expect(() => gan.sample(2, { condition: { label: 'up' } })).toThrow(UserError);
    expect(() => gan.sample(2, { condition: {} })).not.toThrow();
    await expect(new TimeGAN(TINY).fit({ ...data, windows: data.windows.map((v) => v * 3) }, { iterations: 1 })).rejects.toThrow(/scaled to \[0, 1\]/);
    const rows = ['id,t,x,label'];
    for (let s = 0; s < 8; s++) for (let t = 0; t < 6; t++) rows.push(`${s},${t},${t * s},${s % 2 === 0 ? 'up' : 'down'}`);
    const labelled = prepareDataset(parseTable(Buffer.from(rows.join('\n')), 'walks.csv'), { seqLen: 4, id: 'id', time: 't', conditions: ['label'] });
    await expect(new TimeGAN(TINY).fit(labelled, { iterations: 1 })).rejects.toThrow(/unconditional/);
    expect(() => new TimeGAN({ hiden: 3 } as never)).toThrow(/hiden/);
    expect(() => new TimeGAN({ cell: 'lstmLN' } as never)).toThrow(UserError);
    const dir = await tempDir();
    const rgan = new RecurrentGAN({ seed: 1, batchSize: 8, generator: { hidden: 4, layers: 1 }, discriminator: { hidden: 4, layers: 1 } });
    await rgan.fit(data, { iterations: 1 });
    await rgan.save(dir);
    await expect(TimeGAN.load(dir)).rejects.toThrow(/not timegan/);
  });
});

describe('TimeGAN with weight averaging (averageDecay)', () => {
  const AVERAGED = { ...TINY, averageDecay: 0.9 };

  it('samples from the averaged weights and leaves the trained ones in place', async () => {
    const data = await smallSines();
    const plain = new TimeGAN(TINY);
    const averaged = new TimeGAN(AVERAGED);
    await plain.fit(data, { iterations: 4 });
    await averaged.fit(data, { iterations: 4 });
    expect(weightsOf(averaged)).toEqual(weightsOf(plain)); // averaging never changes training
    expect(averaged.sampleScaled(8, { seed: 1 })).not.toEqual(plain.sampleScaled(8, { seed: 1 }));
    expect(averaged.sampleScaled(8, { seed: 1, averaged: false })).toEqual(plain.sampleScaled(8, { seed: 1 })); // the trained weights, on request
    expect(weightsOf(averaged)).toEqual(weightsOf(plain));
  });

  it('keeps the average through save, load and resume', async () => {
    const data = await smallSines();
    const whole = new TimeGAN(AVERAGED);
    await whole.fit(data, { iterations: 5 });
    const dir = await tempDir();
    await new TimeGAN(AVERAGED).fit(data, { iterations: 5, checkpointDir: dir }); // saved at the end
    const resumedDir = await tempDir();
    const half = new TimeGAN(AVERAGED);
    const controller = new AbortController();
    await half.fit(data, { iterations: 5, logEvery: 1, onProgress: (e) => e.iteration === 12 && controller.abort(), signal: controller.signal, checkpointDir: resumedDir });
    const resumed = await TimeGAN.load(resumedDir);
    expect(resumed.training.iteration).toBe(12);
    await resumed.fit(data, { iterations: 5 });
    expect(resumed.sampleScaled(6, { seed: 3 })).toEqual(whole.sampleScaled(6, { seed: 3 }));
    expect((await TimeGAN.load(dir)).sampleScaled(6, { seed: 3 })).toEqual(whole.sampleScaled(6, { seed: 3 }));
  });
});

describe('TimeGAN with a joint-phase learning-rate decay (learningRateDecay)', () => {
  it('takes the joint phase’s rate from learningRate to 0, linearly or along a half cosine, from a given start', () => {
    expect([0, 1, 2, 3].map((k) => learningRateFactor('linear', 0, k, 4))).toEqual([1, 0.75, 0.5, 0.25]);
    expect(learningRateFactor('cosine', 0, 0, 4)).toBe(1);
    expect(learningRateFactor('cosine', 0, 2, 4)).toBeCloseTo(0.5, 12);
    expect(learningRateFactor('none', 0, 3, 4)).toBe(1);
    expect(learningRateFactor('linear', 0, 9, 4)).toBe(0); // a run beyond its phase stays at 0
    // held for the first half, then down to 0 over the second (CycleGAN's schedule)
    expect([0, 2, 4, 6, 7].map((k) => learningRateFactor('linear', 0.5, k, 8))).toEqual([1, 1, 1, 0.5, 0.25]);
  });

  it('changes only the joint phase, and resumes bit for bit', async () => {
    const data = await smallSines();
    const DECAYED = { ...TINY, learningRateDecay: 'linear' } as const;
    const plain = new TimeGAN(TINY);
    const decayed = new TimeGAN(DECAYED);
    const pretrained = { plain: '', decayed: '' };
    await plain.fit(data, { iterations: 4, logEvery: 1, onProgress: (e) => void (e.iteration === 8 && (pretrained.plain = JSON.stringify(weightsOf(plain)))) });
    await decayed.fit(data, { iterations: 4, logEvery: 1, onProgress: (e) => void (e.iteration === 8 && (pretrained.decayed = JSON.stringify(weightsOf(decayed)))) });
    expect(pretrained.decayed).toBe(pretrained.plain); // embedding and supervised phases as before
    expect(weightsOf(decayed)).not.toEqual(weightsOf(plain));

    const dir = await tempDir();
    const half = new TimeGAN(DECAYED);
    const controller = new AbortController();
    await half.fit(data, { iterations: 4, logEvery: 1, onProgress: (e) => e.iteration === 10 && controller.abort(), signal: controller.signal, checkpointDir: dir });
    const resumed = await TimeGAN.load(dir);
    await resumed.fit(data, { iterations: 4 });
    expect(weightsOf(resumed)).toEqual(weightsOf(decayed));
  });

  it('rejects an unknown schedule and a start outside [0, 1)', () => {
    expect(() => new TimeGAN({ learningRateDecay: 'step' } as never)).toThrow(/learningRateDecay must be one of none, linear, cosine/);
    expect(() => new TimeGAN({ learningRateDecayStart: 1 })).toThrow(/learningRateDecayStart/);
  });
});
