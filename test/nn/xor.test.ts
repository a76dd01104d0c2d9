// A two-layer perceptron learns XOR: the modules, ops, loss and optimizer working together.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { bceWithLogits, tanh } from '../../src/engine/ops/index.js';
import { Random } from '../../src/engine/random.js';
import { Adam } from '../../src/nn/adam.js';
import { Dense } from '../../src/nn/dense.js';

describe('XOR', () => {
  it('a 2-8-1 tanh network reaches a low loss', () => {
    const engine = Engine.wasm();
    const rng = new Random(11);
    const hidden = new Dense(engine, { inputs: 2, outputs: 8 }, rng);
    const out = new Dense(engine, { inputs: 8, outputs: 1 }, rng);
    const opt = new Adam([...hidden.parameters(), ...out.parameters()], { learningRate: 0.05 });
    let loss = Infinity;
    for (let i = 0; i < 400; i++) {
      loss = engine.step(() => {
        const x = engine.tensor([4, 2], [0, 0, 0, 1, 1, 0, 1, 1]);
        const l = bceWithLogits(out.forward(tanh(hidden.forward(x))), engine.tensor([4, 1], [0, 1, 1, 0]));
        engine.backward(l);
        opt.step();
        return l.data[0];
      });
    }
    expect(loss).toBeLessThan(0.02);
  });
});
