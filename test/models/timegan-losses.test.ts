// The increment moment loss V_Δ (incrementMomentWeight): what it measures, and that its gradient
// and its weight reach the generator's objective.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { Random } from '../../src/engine/random.js';
import { sampleBatch } from '../../src/models/timegan/batches.js';
import { resolveTimeGANConfig } from '../../src/models/timegan/config.js';
import { incrementMomentLoss } from '../../src/models/timegan/losses.js';
import { buildNetworks } from '../../src/models/timegan/networks.js';
import { TimeGANTrainer } from '../../src/models/timegan/trainer.js';
import { smallSines } from './rgan-helpers.js';

const [B, T, D] = [32, 12, 2];

/** Random walks [B,T,D] with steps of the given size: volatility is the step size. */
function walks(step: number, seed: number): Float64Array {
  const rng = new Random(seed);
  const x = new Float64Array(B * T * D);
  for (let b = 0; b < B; b++)
    for (let d = 0; d < D; d++) {
      let value = 0.5;
      for (let t = 0; t < T; t++) {
        value += step * (rng.uniform() - 0.5);
        x[(b * T + t) * D + d] = value;
      }
    }
  return x;
}

function lossOf(real: Float64Array, generated: Float64Array): number {
  const engine = Engine.reference();
  return engine.step(() => incrementMomentLoss(engine.tensor([B, T, D], real), engine.tensor([B, T, D], generated)).data[0]);
}

describe('incrementMomentLoss', () => {
  it('is zero for the same sequences, and for the same sequences shifted by a constant', () => {
    const real = walks(0.05, 1);
    expect(lossOf(real, real)).toBeCloseTo(0, 12);
    expect(lossOf(real, real.map((v) => v + 0.2))).toBeCloseTo(0, 6);
  });

  it('grows as the generated sequences get smoother than the real ones', () => {
    const real = walks(0.05, 1);
    const losses = [0.05, 0.025, 0.005].map((step) => lossOf(real, walks(step, 2)));
    expect(losses[0]).toBeLessThan(losses[1]);
    expect(losses[1]).toBeLessThan(losses[2]);
  });

  it('has a gradient that gives the generated sequences the real volatility', () => {
    const engine = Engine.reference();
    const real = walks(0.05, 1);
    const generated = walks(0.005, 2);
    const before = lossOf(real, generated);
    engine.step(() => {
      const x = engine.parameter('generated', [B, T, D], generated);
      engine.backward(incrementMomentLoss(engine.tensor([B, T, D], real), x));
      generated.forEach((v, i) => (generated[i] = v - 0.5 * x.gradient.data[i]));
    });
    expect(lossOf(real, generated)).toBeLessThan(before);
  });
});

describe('TimeGAN’s generator objective with incrementMomentWeight', () => {
  it('adds 100 · weight · V_Δ to G_loss on the same networks and batch', async () => {
    const data = await smallSines();
    const generatorLossWith = (weight: number) => {
      const config = resolveTimeGANConfig({ seed: 7, batchSize: 16, hidden: 6, layers: 2, incrementMomentWeight: weight, seqLen: data.length, features: data.features });
      const engine = Engine.wasm();
      const trainer = new TimeGANTrainer(engine, config, buildNetworks(engine, config, new Random(1)));
      return trainer.generatorStep(sampleBatch(data, config.batchSize, new Random(2)));
    };
    const [none, one, two] = [0, 1, 2].map(generatorLossWith);
    expect(one).toBeGreaterThan(none);
    expect(two - none).toBeCloseTo(2 * (one - none), 3);
  });

  it('rejects a negative weight', () => {
    expect(() => resolveTimeGANConfig({ incrementMomentWeight: -1 })).toThrow(/incrementMomentWeight/);
  });
});
