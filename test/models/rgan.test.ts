// The recurrent GAN as a library user sees it: fit, sample, save, load, resume, options.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataEncoder, parseTable, prepareDataset } from '../../src/data/index.js';
import { UserError } from '../../src/errors.js';
import { Engine } from '../../src/engine/engine.js';
import { Random } from '../../src/engine/random.js';
import { LOSSES, resolveRGANConfig } from '../../src/models/rgan/config.js';
import { buildDiscriminator, buildGenerator } from '../../src/models/rgan/networks.js';
import { RGANTrainer } from '../../src/models/rgan/trainer.js';
import { RecurrentGAN } from '../../src/models/rgan/model.js';
import { DivergenceError } from '../../src/train/loop.js';
import { smallSines, TINY, weightsOf } from './rgan-helpers.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rgan-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('RecurrentGAN', () => {
  it('trains and samples sequences in the data’s columns and units', async () => {
    const data = await smallSines();
    const gan = new RecurrentGAN(TINY);
    const result = await gan.fit(data, { iterations: 10 });
    expect(result.iterationsDone).toBe(10);
    expect(Number.isFinite(result.lastLosses.discriminator)).toBe(true);
    const samples = gan.sample(5, { seed: 1 });
    expect(samples.count).toBe(5);
    expect(samples.length).toBe(12);
    expect(samples.features.map((c) => c.name)).toEqual(data.encoder.features.map((c) => c.name));
  });

  it('gives identical weights for the same seed, different ones for another', async () => {
    const data = await smallSines();
    const runs = await Promise.all([7, 7, 8].map(async (seed) => {
      const gan = new RecurrentGAN({ ...TINY, seed });
      await gan.fit(data, { iterations: 5 });
      return weightsOf(gan);
    }));
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).not.toEqual(runs[0]);
  });

  it('samples the same sequences after save and load, for the same seed', async () => {
    const dir = await tempDir();
    const gan = new RecurrentGAN(TINY);
    await gan.fit(await smallSines(), { iterations: 5 });
    await gan.save(dir);
    const loaded = await RecurrentGAN.load(dir);
    expect(weightsOf(loaded)).toEqual(weightsOf(gan));
    expect(loaded.sampleScaled(20, { seed: 4 })).toEqual(gan.sampleScaled(20, { seed: 4 }));
    expect(loaded.sample(3, { seed: 2 })).toEqual(gan.sample(3, { seed: 2 }));
  });

  it('resumes from a checkpoint and matches an uninterrupted run bit for bit', async () => {
    const data = await smallSines();
    const whole = new RecurrentGAN(TINY);
    await whole.fit(data, { iterations: 12 });
    const dir = await tempDir();
    const first = new RecurrentGAN(TINY);
    await first.fit(data, { iterations: 12, checkpointDir: dir, checkpointEvery: 5, signal: AbortSignal.abort() });
    await first.fit(data, { iterations: 7, checkpointDir: dir });
    const resumed = await RecurrentGAN.load(dir);
    expect(resumed.training.iteration).toBe(7);
    await resumed.fit(data, { iterations: 12 });
    expect(weightsOf(resumed)).toEqual(weightsOf(whole));
    expect(resumed.training).toEqual(whole.training);
  });

  it('stops cleanly on an abort signal', async () => {
    const controller = new AbortController();
    const gan = new RecurrentGAN(TINY);
    const result = await gan.fit(await smallSines(), {
      iterations: 1000,
      logEvery: 2,
      onProgress: (e) => e.iteration >= 4 && controller.abort(),
      signal: controller.signal,
    });
    expect(result.aborted).toBe(true);
    expect(result.iterationsDone).toBeLessThan(20);
  });

  it.each([...LOSSES])('trains with the %s loss', async (loss) => {
    const gan = new RecurrentGAN({ ...TINY, loss });
    const result = await gan.fit(await smallSines(), { iterations: 4 });
    expect(Object.values(result.lastLosses).every(Number.isFinite)).toBe(true);
  });

  it('trains with feature matching, moment loss, lstm/rnn cells, a bidirectional critic and clipping', async () => {
    const gan = new RecurrentGAN({
      ...TINY,
      featureMatching: true,
      momentWeight: 1,
      gradClip: 1,
      labelSmoothing: 0.1,
      discriminatorSteps: 2,
      generator: { cell: 'lstm', hidden: 5, layers: 2 },
      discriminator: { cell: 'rnn', hidden: 4, layers: 1, bidirectional: true, readout: 'last' },
    });
    const result = await gan.fit(await smallSines(), { iterations: 4 });
    expect(Object.values(result.lastLosses).every(Number.isFinite)).toBe(true);
  });

  it('keeps the discriminator unchanged during the generator step', async () => {
    const data = await smallSines();
    const config = resolveRGANConfig({ ...TINY, seqLen: data.length, features: data.features });
    const engine = Engine.wasm();
    const init = new Random(1);
    const generator = buildGenerator(engine, config, init);
    const discriminator = buildDiscriminator(engine, config, init);
    const trainer = new RGANTrainer(engine, config, generator, discriminator);
    // Look at the discriminator's gradients when each optimizer is about to step.
    const largestGradient = () => Math.max(...discriminator.parameters().flatMap((p) => Array.from(p.gradient.data, Math.abs)));
    const seen: Record<string, number> = {};
    for (const [name, optimizer] of Object.entries(trainer.optimizers())) {
      const step = optimizer.step.bind(optimizer);
      optimizer.step = () => {
        seen[name] = largestGradient();
        step();
      };
    }
    const weights = () => discriminator.parameters().flatMap((p) => Array.from(p.data));
    let atGeneratorStep: number[] = [];
    const generatorStep = trainer.optimizers().generator.step;
    trainer.optimizers().generator.step = () => {
      atGeneratorStep = weights();
      generatorStep();
    };
    expect(config.optimizer.discriminatorLearningRate).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) {
      trainer.iteration(data, new Random(i));
      expect(seen.discriminator).toBeGreaterThan(0); // its own step does move it
      expect(seen.generator).toBe(0); // the generator's step backpropagates through it, frozen
      expect(weights()).toEqual(atGeneratorStep); // the generator step, last in an iteration, left it as it was
    }
  });

  it('loads a model file that still calls discriminatorSteps "dSteps"', async () => {
    const dir = await tempDir();
    const gan = new RecurrentGAN({ ...TINY, discriminatorSteps: 2 });
    await gan.fit(await smallSines(), { iterations: 2 });
    await gan.save(dir);
    const file = join(dir, 'model.json');
    const json = JSON.parse(await readFile(file, 'utf8'));
    const { discriminatorSteps, ...rest } = json.config;
    const { contentSha256: _, ...unchecked } = json; // files of that time had no content checksum
    await writeFile(file, JSON.stringify({ ...unchecked, config: { ...rest, dSteps: discriminatorSteps } }));
    const loaded = await RecurrentGAN.load(dir);
    expect(loaded.config.discriminatorSteps).toBe(2);
    expect(weightsOf(loaded)).toEqual(weightsOf(gan));
  });

  it('stops on NaN with a DivergenceError and keeps the last good checkpoint', async () => {
    const data = await smallSines();
    const dir = await tempDir();
    const gan = new RecurrentGAN(TINY);
    await gan.fit(data, { iterations: 3, checkpointDir: dir });
    const poisoned = { ...data, windows: data.windows.map((v, i) => (i === 5 ? NaN : v)) };
    const everyRow = { ...poisoned, windows: poisoned.windows.fill(NaN) };
    await expect(gan.fit(everyRow, { iterations: 6, checkpointDir: dir, checkpointEvery: 1 })).rejects.toThrow(DivergenceError);
    expect((await RecurrentGAN.load(dir)).training.iteration).toBe(3);
  });

  it('generates conditioned on a label and rejects a label never seen in training', async () => {
    const rows = ['id,t,x,label'];
    for (let s = 0; s < 12; s++) for (let t = 0; t < 10; t++) rows.push(`${s},${t},${s % 2 === 0 ? t : -t},${s % 2 === 0 ? 'up' : 'down'}`);
    const data = prepareDataset(parseTable(Buffer.from(rows.join('\n')), 'walks.csv'), { seqLen: 5, id: 'id', time: 't', conditions: ['label'] });
    const gan = new RecurrentGAN(TINY);
    await gan.fit(data, { iterations: 3 });
    expect(gan.config.conditions).toBe(2);
    for (const label of ['up', 'down']) {
      const samples = gan.sample(4, { condition: { label }, seed: 1 });
      const column = samples.conditions[0];
      expect(column.kind === 'categorical' && Array.from(column.values, (i) => column.categories[i])).toEqual([label, label, label, label]);
    }
    expect(() => gan.sample(2, { condition: { label: 'sideways' } })).toThrow(UserError);
    expect(() => gan.sample(2)).toThrow(UserError);
    expect(DataEncoder.fromJSON(JSON.parse(JSON.stringify(gan.encoder))).conditionCount).toBe(2);
  });

  it('rejects an unknown option and a bad value with a UserError', () => {
    expect(() => new RecurrentGAN({ generator: { hiden: 3 } } as never)).toThrow(/generator.hiden/);
    expect(() => new RecurrentGAN({ loss: 'kl' } as never)).toThrow(UserError);
    expect(() => new RecurrentGAN({ loss: 'hinge', labelSmoothing: 0.1 })).toThrow(/labelSmoothing/);
    expect(() => new RecurrentGAN({ optimizer: { beta2: 1 } })).toThrow('optimizer.beta2 must be below 1, got 1');
    // the same bounds as the flags (--label-smoothing: must be at most 0.5)
    expect(() => new RecurrentGAN({ labelSmoothing: 0.6 })).toThrow('labelSmoothing must be at most 0.5, got 0.6');
    expect(() => new RecurrentGAN({ loss: 'hinge', labelSmoothing: 0.1 })).toThrow('labelSmoothing applies to loss bce only, not hinge');
    expect(() => new RecurrentGAN(null as never)).toThrow(UserError);
  });
});
