// The fidelity benchmark (TimeGAN protocol): train a model on sines | stocks | energy, sample as
// many sequences as the real set holds, score them with every metric (10 repeats of the two
// post-hoc scores) and append the results, with budget, seed, wall time and command, to
// BENCHMARKS.md.
//   npm run bench:fidelity -- --dataset stocks [--model timegan|rgan] [--iterations 5000]
//                             [--repeats 10] [--seed 0] [--config JSON] [--no-append]
// --config overrides the model's config (over the dataset's preset), e.g. '{"averageDecay":0.999}'.
import { appendFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadBenchmarkWindows } from '../src/data/index.js';
import { Random } from '../src/engine/random.js';
import { evaluateFidelity, fidelitySummary } from '../src/metrics/index.js';
import type { SequenceModel } from '../src/models/registry.js';
import { RecurrentGAN } from '../src/models/rgan/model.js';
import { TimeGAN } from '../src/models/timegan/model.js';
import { fidelityPreset } from '../src/models/timegan/presets.js';
import { packagePath } from '../src/package-root.js';

const { values: args } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'stocks' },
    model: { type: 'string', default: 'timegan' },
    iterations: { type: 'string', default: '5000' },
    repeats: { type: 'string', default: '10' },
    seed: { type: 'string', default: '0' },
    config: { type: 'string', default: '{}' },
    'no-append': { type: 'boolean', default: false },
  },
});
const dataset = args.dataset as 'sines' | 'stocks' | 'energy';
const iterations = Number(args.iterations);
const seed = Number(args.seed);

const began = performance.now();
const real = await loadBenchmarkWindows(dataset, { seqLen: 24, rng: new Random(seed) });
const overrides = JSON.parse(args.config);
const model: SequenceModel = args.model === 'rgan' ? new RecurrentGAN({ seed, momentWeight: 1, ...overrides }) : new TimeGAN({ ...fidelityPreset(dataset), seed, ...overrides });
let lastLog = 0;
await model.fit({ windows: real.data, count: real.count, length: real.length, features: real.features }, {
  iterations,
  logEvery: 100,
  onProgress: (e) => {
    if (performance.now() - lastLog < 30_000 && e.iteration < e.iterations) return;
    lastLog = performance.now();
    console.error(`${e.iteration}/${e.iterations} ${JSON.stringify(e.losses)} ${e.iterationsPerSecond.toFixed(1)} it/s`);
  },
});
const trainSeconds = (performance.now() - began) / 1000;
const synthetic = { data: model.sampleScaled(real.count, { seed: seed + 1 }), count: real.count, length: real.length, features: real.features };
const realSet = { data: real.data, count: real.count, length: real.length, features: real.features };
const result = fidelitySummary(evaluateFidelity(realSet, synthetic, { repeats: Number(args.repeats), seed, visualisation: false }));
const seconds = (performance.now() - began) / 1000;
const configFlag = args.config === '{}' ? '' : ` --config '${args.config}'`;
const command = `npm run bench:fidelity -- --dataset ${dataset} --model ${args.model} --iterations ${iterations} --repeats ${args.repeats} --seed ${seed}${configFlag}`;
const line = { dataset, model: args.model, iterations, seed, repeats: Number(args.repeats), trainSeconds: Math.round(trainSeconds), seconds: Math.round(seconds), ...result, command };
console.log(JSON.stringify(line));

if (!args['no-append']) {
  const f = (x: number): string => x.toFixed(4);
  const row = `| ${new Date().toISOString().slice(0, 10)} | ${dataset} | ${args.model} | ${iterations} | ${seed} | ${f(result.discriminative)} ± ${f(result.discriminativeStd)} | ${f(result.predictive)} ± ${f(result.predictiveStd)} | ${f(result.mmd2)} | ${f(result.memorisationCloserShare)} | ${Math.round(trainSeconds)} s | \`${command}\` |\n`;
  await appendFile(packagePath('BENCHMARKS.md'), row);
}
