// Dense: shapes, config defaults and validation, and learning y = 2x + 1.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { mseLoss } from '../../src/engine/ops/index.js';
import { Random } from '../../src/engine/random.js';
import { Adam } from '../../src/nn/adam.js';
import { Dense } from '../../src/nn/dense.js';
import { Embedding } from '../../src/nn/embedding.js';

describe('Dense', () => {
  it('maps [..., inputs] to [..., outputs] with a PyTorch-layout weight', () => {
    const engine = Engine.wasm();
    const layer = new Dense(engine, { inputs: 3, outputs: 2 }, new Random(1));
    expect(layer.weight.shape).toEqual([2, 3]);
    expect(layer.bias?.shape).toEqual([2]);
    expect(layer.forward(engine.zeros([4, 5, 3])).shape).toEqual([4, 5, 2]);
    expect(layer.config).toEqual({ inputs: 3, outputs: 2, bias: true, init: 'glorotUniform' });
    expect(layer.parameters().map((p) => p.name)).toEqual(['weight', 'bias']);
  });

  it('rejects unknown and missing options', () => {
    const engine = Engine.wasm();
    expect(() => new Dense(engine, { inputs: 1, outputs: 1, biass: false } as never, new Random(1))).toThrow(/unknown option "biass"/);
    expect(() => new Dense(engine, { inputs: 1 } as never, new Random(1))).toThrow(/missing option "outputs"/);
    expect(() => new Dense(engine, { inputs: 1, outputs: 1, init: 'he' } as never, new Random(1))).toThrow(/init/);
  });

  it('is reproducible from its seed', () => {
    const a = new Dense(Engine.wasm(), { inputs: 4, outputs: 3, init: 'uniform' }, new Random(9));
    const b = new Dense(Engine.wasm(), { inputs: 4, outputs: 3, init: 'uniform' }, new Random(9));
    expect(a.weight.toArray()).toEqual(b.weight.toArray());
    expect(a.bias?.toArray()).toEqual(b.bias?.toArray());
  });

  it('learns y = 2x + 1', () => {
    const engine = Engine.wasm();
    const layer = new Dense(engine, { inputs: 1, outputs: 1 }, new Random(1));
    const opt = new Adam(layer.parameters(), { learningRate: 0.05 });
    const xs = [0, 1, 2, 3, 4, 5, 6, 7];
    let loss = Infinity;
    for (let i = 0; i < 1000; i++) {
      loss = engine.step(() => {
        const x = engine.tensor([8, 1], xs);
        const y = engine.tensor([8, 1], xs.map((v) => 2 * v + 1));
        const l = mseLoss(layer.forward(x), y);
        engine.backward(l);
        opt.step();
        return l.data[0];
      });
    }
    expect(loss).toBeLessThan(1e-4);
    expect(layer.weight.data[0]).toBeCloseTo(2, 2);
    expect(layer.bias!.data[0]).toBeCloseTo(1, 2);
  });
});

describe('Embedding', () => {
  it('looks up rows and sends gradients back to them', () => {
    const engine = Engine.wasm();
    const emb = new Embedding(engine, { vocabulary: 4, size: 2 }, new Random(3));
    const table = emb.weight.toArray();
    const y = emb.forward(Int32Array.from([3, 0, 3]), [1, 3]);
    expect(y.shape).toEqual([1, 3, 2]);
    expect(y.toArray()).toEqual([...table.slice(6, 8), ...table.slice(0, 2), ...table.slice(6, 8)]);
    engine.backward(mseLoss(y, engine.zeros([1, 3, 2])));
    const g = emb.weight.gradient.toArray();
    expect(g.slice(2, 6)).toEqual([0, 0, 0, 0]); // ids 1 and 2 were not used
    expect(g[6]).toBeCloseTo((2 * 2 * table[6]) / 6, 5); // id 3 used twice
    expect(() => emb.forward(Int32Array.from([4]), [1])).toThrow(/outside \[0, 4\)/);
  });
});
