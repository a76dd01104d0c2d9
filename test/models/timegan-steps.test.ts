// TimeGAN's training steps one at a time: each changes only the networks its optimizer owns,
// leaves no gradient behind, and the discriminator steps only while D_loss exceeds the threshold.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { Random } from '../../src/engine/random.js';
import type { DeepPartial } from '../../src/config.js';
import { sampleBatch } from '../../src/models/timegan/batches.js';
import { resolveTimeGANConfig, type TimeGANConfig } from '../../src/models/timegan/config.js';
import { TimeGAN } from '../../src/models/timegan/model.js';
import { buildNetworks, NETWORK_NAMES, type NetworkName, type TimeGANNetworks } from '../../src/models/timegan/networks.js';
import { TimeGANTrainer } from '../../src/models/timegan/trainer.js';
import { smallSines } from './rgan-helpers.js';

const TINY: DeepPartial<TimeGANConfig> = { seed: 7, batchSize: 16, hidden: 6, layers: 2 };

async function setup(overrides: DeepPartial<TimeGANConfig> = {}) {
  const data = await smallSines();
  const config = resolveTimeGANConfig({ ...TINY, ...overrides, seqLen: data.length, features: data.features });
  const engine = Engine.wasm();
  const nets = buildNetworks(engine, config, new Random(1));
  return { data, nets, trainer: new TimeGANTrainer(engine, config, nets), rng: new Random(2), batchSize: config.batchSize };
}

function snapshot(nets: TimeGANNetworks): Record<NetworkName, number[]> {
  return Object.fromEntries(NETWORK_NAMES.map((n) => [n, nets[n].parameters().flatMap((p) => Array.from(p.data))])) as Record<NetworkName, number[]>;
}

/** The networks whose weights differ between two snapshots. */
function changed(before: Record<NetworkName, number[]>, after: Record<NetworkName, number[]>): NetworkName[] {
  return NETWORK_NAMES.filter((n) => before[n].some((v, i) => v !== after[n][i]));
}

function gradientsAllZero(nets: TimeGANNetworks): boolean {
  return NETWORK_NAMES.every((n) => nets[n].parameters().every((p) => p.gradient.data.every((g) => g === 0) && !p.frozen));
}

describe('TimeGAN training steps', () => {
  it('updates only the networks each optimizer owns (the others frozen or under noGrad)', async () => {
    const { data, nets, trainer, rng, batchSize } = await setup({ discriminatorThreshold: -1 });
    const cases: Array<[string, () => number, NetworkName[]]> = [
      ['embedding (E0)', () => trainer.embeddingIteration(data, rng), ['embedder', 'recovery']],
      ['supervised (GS)', () => trainer.supervisedIteration(data, rng), ['supervisor']],
      ['generator (G)', () => trainer.generatorStep(sampleBatch(data, batchSize, rng)), ['generator', 'supervisor']],
      ['embedder (E)', () => trainer.embedderStep(sampleBatch(data, batchSize, rng)), ['embedder', 'recovery']],
      ['discriminator (D)', () => trainer.discriminatorStep(sampleBatch(data, batchSize, rng)), ['discriminator']],
    ];
    for (const [name, step, owned] of cases) {
      const before = snapshot(nets);
      expect(Number.isFinite(step()), name).toBe(true);
      expect(changed(before, snapshot(nets)), name).toEqual(owned);
      expect(gradientsAllZero(nets), name).toBe(true);
    }
    expect(trainer.discriminatorUpdates).toBe(1);
  });

  it('skips the discriminator step when D_loss is at or below the threshold', async () => {
    const { data, nets, trainer, rng, batchSize } = await setup({ discriminatorThreshold: 1e9 });
    const before = snapshot(nets);
    const loss = trainer.discriminatorStep(sampleBatch(data, batchSize, rng));
    expect(loss).toBeGreaterThan(0.15);
    expect(changed(before, snapshot(nets))).toEqual([]);
    expect(gradientsAllZero(nets)).toBe(true);
    expect(trainer.discriminatorUpdates).toBe(0);
    expect(trainer.optimizers.discriminator.getState().steps.every((s) => s === 0)).toBe(true);
  });

  it('counts exactly one discriminator update per joint iteration whose checked D_loss exceeded the threshold', async () => {
    const data = await smallSines();
    const checked = async (threshold: number) => {
      const gan = new TimeGAN({ ...TINY, discriminatorThreshold: threshold });
      const values: number[] = [];
      await gan.fit(data, { iterations: 8, logEvery: 1, onProgress: (e) => e.losses.discriminator !== undefined && values.push(e.losses.discriminator) });
      return { values, updates: gan.training.discriminatorUpdates };
    };
    // Never stepped, D_loss drifts up as G learns; a threshold inside that drift gives a mix:
    // the first checks fall below it (skipped), a later one above (stepped).
    const frozen = await checked(1e9);
    expect(frozen.updates).toBe(0);
    expect(frozen.values[3]).toBeGreaterThan(frozen.values[0]);
    const threshold = (frozen.values[0] + frozen.values[3]) / 2;
    const { values, updates } = await checked(threshold);
    expect(values).toHaveLength(8);
    expect(updates).toBe(values.filter((v) => v > threshold).length);
    expect(updates).toBeGreaterThan(0);
    expect(updates).toBeLessThan(8);
    // below every possible D_loss (a sum of BCEs, ≥ 0), every check steps
    expect((await checked(-1)).updates).toBe(8);
  });

  it('takes discriminatorSteps checks and steps per joint iteration, each on a fresh batch', async () => {
    const { data, trainer, rng } = await setup({ discriminatorThreshold: -1, discriminatorSteps: 3 });
    trainer.jointIteration(data, rng);
    trainer.jointIteration(data, rng);
    expect(trainer.discriminatorUpdates).toBe(6);
    expect(trainer.optimizers.discriminator.getState().steps.every((s) => s === 6)).toBe(true);
    expect(trainer.optimizers.generator.getState().steps.every((s) => s === 4)).toBe(true); // still two G steps each
  });
});
