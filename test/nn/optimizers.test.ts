// Adam and SGD: a hand-computed first step, gradients zeroed after step, state that resumes bit
// for bit, and frozen parameters left alone.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { mseLoss, sum } from '../../src/engine/ops/index.js';
import { Random } from '../../src/engine/random.js';
import type { Parameter } from '../../src/engine/tensor.js';
import { Adam } from '../../src/nn/adam.js';
import { Dense } from '../../src/nn/dense.js';
import { SGD } from '../../src/nn/sgd.js';

for (const backend of ['wasm', 'reference'] as const) {
  describe(`Adam (${backend})`, () => {
    it('takes the hand-computed first step and zeroes the gradient', () => {
      const engine = backend === 'wasm' ? Engine.wasm() : Engine.reference();
      const p = engine.parameter('p', [2], [1, -2]);
      p.gradient.data.set([0.5, -0.004]);
      const opt = new Adam([p], { learningRate: 0.1 });
      opt.step();
      // m̂ = g and v̂ = g² after one step, so p −= lr · g / (|g| + ε) ≈ lr · sign(g)
      expect(p.data[0]).toBeCloseTo(1 - (0.1 * 0.5) / (0.5 + 1e-8), 6);
      expect(p.data[1]).toBeCloseTo(-2 + (0.1 * 0.004) / (0.004 + 1e-8), 6);
      expect(p.gradient.toArray()).toEqual([0, 0]);
      const state = opt.getState();
      expect(state.steps).toEqual([1]);
      expect(state.m[0][0]).toBeCloseTo(0.05, 7);
      expect(state.v[0][0]).toBeCloseTo(0.00025, 9);
    });
  });
}

/** A small regression problem; returns the loss after `steps` Adam steps from `opt`. */
function train(engine: Engine, layer: Dense, opt: Adam | SGD, steps: number): number {
  let loss = 0;
  for (let i = 0; i < steps; i++) {
    loss = engine.step(() => {
      const x = engine.tensor([4, 2], [0, 1, 1, 0, 1, 1, -1, 2]);
      const l = mseLoss(layer.forward(x), engine.tensor([4, 1], [1, -1, 0, 3]));
      engine.backward(l);
      opt.step();
      return l.data[0];
    });
  }
  return loss;
}

function values(ps: Parameter[]): number[][] {
  return ps.map((p) => p.toArray());
}

describe('optimizer state', () => {
  it('Adam resumes bit for bit from getState/setState', () => {
    const engine = Engine.wasm();
    const a = new Dense(engine, { inputs: 2, outputs: 1 }, new Random(4));
    const optA = new Adam(a.parameters(), { learningRate: 0.01 });
    train(engine, a, optA, 5);
    const saved = { weights: values(a.parameters()), state: optA.getState() };
    train(engine, a, optA, 5);

    const b = new Dense(engine, { inputs: 2, outputs: 1 }, new Random(99));
    b.parameters().forEach((p, i) => p.data.set(saved.weights[i]));
    const optB = new Adam(b.parameters(), { learningRate: 0.01 });
    optB.setState(saved.state);
    train(engine, b, optB, 5);
    expect(values(b.parameters())).toEqual(values(a.parameters()));
  });

  it('SGD with momentum matches PyTorch’s update and resumes', () => {
    const engine = Engine.wasm();
    const p = engine.parameter('p', [1], [1]);
    const opt = new SGD([p], { learningRate: 0.1, momentum: 0.9 });
    p.gradient.data[0] = 1;
    opt.step(); // b = 1, p = 0.9
    p.gradient.data[0] = 1;
    opt.step(); // b = 1.9, p = 0.71
    expect(p.data[0]).toBeCloseTo(0.71, 6);
    expect(opt.getState().velocity[0][0]).toBeCloseTo(1.9, 6);
    expect(p.gradient.data[0]).toBe(0);
  });

  it('plain SGD descends', () => {
    const engine = Engine.wasm();
    const layer = new Dense(engine, { inputs: 2, outputs: 1 }, new Random(2));
    const opt = new SGD(layer.parameters(), { learningRate: 0.05 });
    const first = train(engine, layer, opt, 1);
    expect(train(engine, layer, opt, 200)).toBeLessThan(first / 10);
  });

  it('rejects unknown options', () => {
    expect(() => new Adam([], { learningrate: 1 } as never)).toThrow(/unknown option/);
    expect(() => new SGD([], { learningRate: 1, nesterov: true } as never)).toThrow(/unknown option/);
  });

  it('zeroGrad clears gradients without updating', () => {
    const engine = Engine.wasm();
    const p = engine.parameter('p', [3], [1, 2, 3]);
    engine.step(() => engine.backward(sum(p)));
    expect(p.gradient.toArray()).toEqual([1, 1, 1]);
    new Adam([p]).zeroGrad();
    expect(p.gradient.toArray()).toEqual([0, 0, 0]);
    expect(p.toArray()).toEqual([1, 2, 3]);
  });
});
