// Freezing works like PyTorch's requires_grad_(False): a frozen module passes gradients through to
// its input but gets none itself and is not updated.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { mseLoss, tanh } from '../../src/engine/ops/index.js';
import { Random } from '../../src/engine/random.js';
import { Adam } from '../../src/nn/adam.js';
import { Dense } from '../../src/nn/dense.js';

describe('freeze', () => {
  it('lets gradients flow through a frozen layer to the layer before it', () => {
    const engine = Engine.wasm();
    const rng = new Random(5);
    const first = new Dense(engine, { inputs: 3, outputs: 4 }, rng);
    const second = new Dense(engine, { inputs: 4, outputs: 2 }, rng);
    const opt = new Adam([...first.parameters(), ...second.parameters()], { learningRate: 0.1 });
    second.freeze();
    const before = { first: first.weight.toArray(), second: second.weight.toArray(), bias: second.bias!.toArray() };

    engine.step(() => {
      const x = engine.tensor([5, 3], Array.from({ length: 15 }, (_, i) => Math.sin(i)));
      const loss = mseLoss(second.forward(tanh(first.forward(x))), engine.zeros([5, 2]));
      engine.backward(loss);
      expect(second.weight.gradient.toArray().every((g) => g === 0)).toBe(true);
      expect(second.bias!.gradient.toArray().every((g) => g === 0)).toBe(true);
      expect(first.weight.gradient.toArray().some((g) => g !== 0)).toBe(true);
      opt.step();
    });

    expect(second.weight.toArray()).toEqual(before.second);
    expect(second.bias!.toArray()).toEqual(before.bias);
    expect(first.weight.toArray()).not.toEqual(before.first);

    second.freeze(false);
    expect(second.parameters().every((p) => !p.frozen)).toBe(true);
  });

  it('gives the input the same gradient frozen or not', () => {
    const engine = Engine.wasm();
    const layer = new Dense(engine, { inputs: 3, outputs: 2 }, new Random(6));
    const inputGradient = (): number[] =>
      engine.step(() => {
        const x = engine.parameter('x', [2, 3], [1, 2, 3, -1, 0, 1]);
        engine.backward(mseLoss(layer.forward(x), engine.zeros([2, 2])));
        return x.gradient.toArray();
      });
    const unfrozen = inputGradient();
    layer.parameters().forEach((p) => p.gradient.data.fill(0));
    layer.freeze();
    expect(inputGradient()).toEqual(unfrozen);
  });
});
