// The Recurrent module: PyTorch's parameter names and shapes, its initialisers, its config
// checks, and — the engine learns, not only computes — a small GRU learning a delayed copy.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { Random } from '../../src/engine/random.js';
import { mseLoss } from '../../src/engine/ops/losses.js';
import { Adam } from '../../src/nn/adam.js';
import { Dense } from '../../src/nn/dense.js';
import { Recurrent } from '../../src/nn/recurrent.js';

describe('Recurrent', () => {
  const engine = Engine.wasm();

  it('names and shapes its parameters like PyTorch', () => {
    const lstm = new Recurrent(engine, { cell: 'lstm', inputs: 3, hidden: 5, layers: 2, bidirectional: true, forgetBias: 1 }, new Random(1));
    const params = lstm.parameters();
    expect(params.map((p) => p.name).slice(0, 8)).toEqual([
      'weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0',
      'weight_ih_l0_reverse', 'weight_hh_l0_reverse', 'bias_ih_l0_reverse', 'bias_hh_l0_reverse',
    ]);
    expect(params.map((p) => p.shape)).toContainEqual([20, 10]); // weight_ih_l1: [4H, 2H]
    expect(params[2].toArray()).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(lstm.config).toEqual({ cell: 'lstm', inputs: 3, hidden: 5, layers: 2, bidirectional: true, forgetBias: 1 });
  });

  it('initialises W_hh with orthonormal columns and W_ih within the Glorot limit', () => {
    const gru = new Recurrent(engine, { cell: 'gru', inputs: 4, hidden: 6 }, new Random(2));
    const [wih, whh] = gru.parameters();
    expect(Math.max(...wih.toArray().map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / (18 + 4)));
    const w = whh.toArray(); // [18, 6]
    for (let a = 0; a < 6; a++) {
      for (let b = 0; b < 6; b++) {
        let dot = 0;
        for (let i = 0; i < 18; i++) dot += w[i * 6 + a] * w[i * 6 + b];
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 5);
      }
    }
  });

  it('rejects unknown or inconsistent options', () => {
    const rng = new Random(1);
    expect(() => new Recurrent(engine, { cell: 'gru', inputs: 2, hidden: 3, layer: 2 } as never, rng)).toThrow(/Recurrent: unknown option "layer"/);
    expect(() => new Recurrent(engine, { cell: 'elman' as never, inputs: 2, hidden: 3 }, rng)).toThrow(/cell/);
    expect(() => new Recurrent(engine, { cell: 'gru', inputs: 2, hidden: 0 }, rng)).toThrow(/hidden/);
    expect(() => new Recurrent(engine, { cell: 'gru', inputs: 2, hidden: 3, forgetBias: 1 }, rng)).toThrow(/lstm only/);
  });

  it('returns final states and accepts initial ones', () => {
    const lstm = new Recurrent(engine, { cell: 'lstm', inputs: 2, hidden: 3, layers: 2 }, new Random(4));
    engine.step(() => {
      const x = engine.tensor([1, 4, 2], [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]);
      const first = lstm.forward(x);
      expect(first.states.h.shape).toEqual([2, 1, 3]);
      expect(first.output.toArray().slice(9)).toEqual(first.states.h.toArray().slice(3)); // last step, top layer
      const again = lstm.forward(x, first.states);
      expect(again.output.toArray()).not.toEqual(first.output.toArray());
    });
  });

  it('learns to output its input delayed by two steps (GRU)', () => {
    const rng = new Random(11);
    const [B, T, H] = [32, 10, 16];
    const gru = new Recurrent(engine, { cell: 'gru', inputs: 1, hidden: H }, rng);
    const head = new Dense(engine, { inputs: H, outputs: 1 }, rng);
    const adam = new Adam([...gru.parameters(), ...head.parameters()], { learningRate: 0.01 });
    let loss = Infinity;
    for (let it = 0; it < 400; it++) {
      const x = new Float32Array(B * T).map(() => rng.uniformRange(-1, 1));
      const y = x.map((_, i) => (i % T >= 2 ? x[i - 2] : 0)); // y[b, t] = x[b, t − 2]
      loss = engine.step(() => {
        const l = mseLoss(head.forward(gru.forward(engine.tensor([B, T, 1], x)).output), engine.tensor([B, T, 1], y));
        engine.backward(l);
        adam.step();
        return l.data[0];
      });
    }
    expect(loss).toBeLessThan(0.002); // predicting 0 scores 1/3
  });
});
