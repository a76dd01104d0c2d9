// The basic ops on the fast float32 engine: each records under its own name, agrees with the
// float64 reference engine in value and gradient, and stays finite where naive formulas overflow.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { BASIC_OP_NAMES } from '../../src/engine/ops/basic-op-names.js';
import * as op from '../../src/engine/ops/index.js';
import { Random } from '../../src/engine/random.js';
import type { GradientCase } from './gradcheck.js';
import { GRADIENT_CASES } from './gradient-cases.js';

interface Run {
  loss: number;
  grads: number[][];
  ops: string[];
}

/** The case's loss and input gradients on `engine`, from seeded float32-exact inputs. */
function run(engine: Engine, kase: GradientCase): Run {
  const rng = new Random(3);
  const [low, high] = kase.range ?? [-1, 1];
  const values = kase.shapes.map((s) => {
    const v = new Float32Array(s.reduce((a, b) => a * b, 1));
    rng.fillUniform(v, low, high);
    return v;
  });
  const constant = new Set(kase.constantInputs ?? []);
  return engine.step(() => {
    const inputs = kase.shapes.map((s, i) => (constant.has(i) ? engine.tensor(s, values[i]) : engine.parameter(`x${i}`, s, values[i])));
    const loss = kase.loss(inputs, engine);
    const ops = engine.tape.opNames();
    engine.backward(loss);
    return { loss: loss.data[0], grads: inputs.map((t) => (t.grad === null ? [] : t.grad.toArray())), ops };
  });
}

function relativeError(a: number[], b: number[]): number {
  const scale = Math.max(1, ...b.map(Math.abs));
  return Math.max(0, ...a.map((v, i) => Math.abs(v - b[i]))) / scale;
}

describe('basic ops on the WASM engine', () => {
  const fast = Engine.wasm();
  const reference = Engine.reference();
  for (const name of BASIC_OP_NAMES) {
    it(`${name}: records its name and matches the reference engine`, () => {
      GRADIENT_CASES[name].forEach((kase, i) => {
        const a = run(fast, kase);
        const b = run(reference, kase);
        expect(a.ops, `case ${i}`).toContain(name);
        expect(relativeError([a.loss], [b.loss]), `case ${i} loss`).toBeLessThan(1e-4);
        a.grads.forEach((g, j) => expect(relativeError(g, b.grads[j]), `case ${i} input ${j}`).toBeLessThan(1e-4));
      });
    });
  }
});

describe('numerical stability', () => {
  const e = Engine.wasm();

  it('softmax and logSoftmax handle huge logits', () => {
    const x = e.tensor([2, 3], [1000, 1001, 1002, -1000, -1000, -1000]);
    const p = op.softmax(x).toArray();
    expect(p.slice(3)).toEqual([1 / 3, 1 / 3, 1 / 3].map(Math.fround));
    expect(p[2]).toBeCloseTo(1 / (1 + Math.exp(-1) + Math.exp(-2)), 6);
    expect(op.logSoftmax(x).toArray().every(Number.isFinite)).toBe(true);
  });

  it('bceWithLogits is finite and exact at extreme logits', () => {
    const x = e.tensor([4], [100, -100, 100, -100]);
    const t = e.tensor([4], [1, 0, 0, 1]);
    expect(op.bceWithLogits(x, t).data[0]).toBeCloseTo(100 / 2, 4); // two right (≈0), two wrong (100 each)
  });

  it('crossEntropy equals −log softmax at the target', () => {
    const x = e.tensor([1, 3], [2, 0, -1]);
    const expected = -(2 - Math.log(Math.exp(2) + 1 + Math.exp(-1)));
    expect(op.crossEntropy(x, Int32Array.from([0])).data[0]).toBeCloseTo(expected, 6);
    expect(() => op.crossEntropy(x, Int32Array.from([3]))).toThrow(/outside \[0, 3\)/);
  });

  it('exp saturates instead of overflowing; log(0) is −∞', () => {
    expect(op.exp(e.tensor([2], [200, -200])).toArray().every(Number.isFinite)).toBe(true);
    expect(op.log(e.tensor([1], [0])).data[0]).toBe(-Infinity);
  });
});

describe('shapes', () => {
  const e = Engine.wasm();

  it('concat, slice and expandTime build [B,T,F] tensors', () => {
    const x = e.tensor([2, 3, 1], [1, 2, 3, 4, 5, 6]);
    const c = e.tensor([2, 2], [10, 20, 30, 40]);
    const joined = op.concat([x, op.expandTime(c, 3)], 2);
    expect(joined.shape).toEqual([2, 3, 3]);
    expect(joined.toArray()).toEqual([1, 10, 20, 2, 10, 20, 3, 10, 20, 4, 30, 40, 5, 30, 40, 6, 30, 40]);
    expect(op.slice(joined, 1, 2, 3).toArray()).toEqual([3, 10, 20, 6, 30, 40]);
    expect(op.concat([x, x], 1).shape).toEqual([2, 6, 1]);
  });

  it('reductions remove the reduced axis; full reductions give [1]', () => {
    const x = e.tensor([2, 3], [1, 2, 3, 4, 5, 6]);
    expect(op.sum(x).toArray()).toEqual([21]);
    expect(op.sum(x, 0).toArray()).toEqual([5, 7, 9]);
    expect(op.mean(x, -1).toArray()).toEqual([2, 5]);
    expect(op.variance(x, 0).toArray()).toEqual([2.25, 2.25, 2.25]);
    expect(() => op.sum(x, 2)).toThrow(/axis 2 out of range/);
  });

  it('add broadcasts a trailing-dims vector; mismatches throw', () => {
    const x = e.tensor([2, 2], [1, 2, 3, 4]);
    expect(op.add(x, e.tensor([2], [10, 20])).toArray()).toEqual([11, 22, 13, 24]);
    expect(() => op.add(x, e.tensor([3], [1, 2, 3]))).toThrow(/do not match/);
  });
});
