// Screens TimeGAN joint-phase options on one seed without paying for the first two phases again:
// train the embedding and supervised phases once (the dataset's preset, as bench:fidelity does),
// save that checkpoint, then for each variant resume the joint phase from it with the variant's
// options and score the samples. Resuming is bit for bit, so a variant's result is the one
// `npm run bench:fidelity -- … --config '<variant>'` would give. Besides the model's own sampling
// weights, it scores the raw weights and moving averages with other decays, from the same run.
//   npx tsx bench/joint-variants.ts --dataset stocks --seed 1 --iterations 5000 \
//     --variants '[{"learningRateDecay":"linear"},{"discriminatorSteps":3}]' [--decays 0.999,0.9995]
// Prints one JSON line per variant and sampling, and leaves each trained variant in WORK/variant-N;
// appends nothing (screening, not a result).
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DeepPartial } from '../src/config.js';
import { loadBenchmarkWindows } from '../src/data/index.js';
import { Random } from '../src/engine/random.js';
import { loadModelDirectory, saveModelDirectory } from '../src/io/model-directory.js';
import { discriminativeScore, evaluateFidelity, fidelitySummary, repeatScore, type SequenceSet } from '../src/metrics/index.js';
import type { TimeGANConfig } from '../src/models/timegan/config.js';
import { TimeGAN } from '../src/models/timegan/model.js';
import { fidelityPreset } from '../src/models/timegan/presets.js';
import { WeightAverage } from '../src/nn/weight-average.js';

const { values: args } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'stocks' },
    iterations: { type: 'string', default: '5000' },
    repeats: { type: 'string', default: '10' },
    seed: { type: 'string', default: '0' },
    variants: { type: 'string', default: '[{}]' },
    decays: { type: 'string', default: '0.999,0.9995' },
    work: { type: 'string' },
  },
});
const dataset = args.dataset as 'sines' | 'stocks' | 'energy';
const iterations = Number(args.iterations);
const seed = Number(args.seed);
const repeats = Number(args.repeats);
const variants = JSON.parse(args.variants) as Array<DeepPartial<TimeGANConfig>>;
const decays = args.decays.split(',').filter((d) => d !== '').map(Number);
const work = args.work ?? (await mkdtemp(join(tmpdir(), 'rgan-joint-variants-')));
await mkdir(work, { recursive: true });

const real = await loadBenchmarkWindows(dataset, { seqLen: 24, rng: new Random(seed) });
const data = { windows: real.data, count: real.count, length: real.length, features: real.features };
const realSet: SequenceSet = { data: real.data, count: real.count, length: real.length, features: real.features };

// Phases 1 and 2, as bench:fidelity trains them (averaging on, so that every variant may use it).
const pretrained = join(work, 'pretrained');
const first = new TimeGAN({ ...fidelityPreset(dataset), averageDecay: 0.999, seed });
const stop = new AbortController();
// progress at each phase's end: the loop stops at the next iteration's start, the joint phase's first
await first.fit(data, { iterations, logEvery: iterations, signal: stop.signal, onProgress: (e) => e.iteration >= 2 * iterations && stop.abort() });
await first.save(pretrained);
const saved = await loadModelDirectory(pretrained);

for (const [index, variant] of variants.entries()) {
  // the same checkpoint with the variant's options in its config, resumed into the joint phase
  const dir = join(work, `variant-${index}`);
  await mkdir(dir, { recursive: true });
  await saveModelDirectory(dir, { ...saved, config: { ...(saved.config as object), ...variant } });
  const gan = await TimeGAN.load(dir);
  const averages = decays.map((decay) => new WeightAverage(gan.samplingParameters(), decay));
  const began = performance.now();
  await gan.fit(data, { iterations, logEvery: 1, onProgress: () => averages.forEach((a) => a.update()) });
  const trainSeconds = Math.round((performance.now() - began) / 1000);
  await gan.save(dir); // the trained variant, for a closer look (rgan report, sample)

  const samplings: Array<[string, () => Float32Array]> = [
    ['model', () => gan.sampleScaled(real.count, { seed: seed + 1 })],
    ['raw weights', () => gan.sampleScaled(real.count, { seed: seed + 1, averaged: false })],
    ...averages.map((a): [string, () => Float32Array] => [`average ${a.decay}`, () => a.withAverage(() => gan.sampleScaled(real.count, { seed: seed + 1, averaged: false }))]),
  ];
  for (const [name, sample] of samplings) {
    const synthetic: SequenceSet = { data: sample(), count: real.count, length: real.length, features: real.features };
    const r = fidelitySummary(evaluateFidelity(realSet, synthetic, { repeats, seed, visualisation: false }));
    // a second set of repeats with other seeds: screening wants the mean better pinned down
    const more = repeatScore((k) => discriminativeScore(realSet, synthetic, { seed: 9000 + k }), repeats);
    console.log(JSON.stringify({ dataset, seed, iterations, variant, sampling: name, trainSeconds, ...r, discriminativeMore: more.mean, discriminativeMoreStd: more.std }));
  }
}

