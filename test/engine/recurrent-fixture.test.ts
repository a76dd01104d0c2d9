// The recurrent op reproduces PyTorch (test/fixtures/recurrent_reference.json, float64): outputs,
// final states, input gradients and every parameter gradient, for rnn, gru and lstm stacks of
// two layers, uni- and bidirectional, on both the float64 reference and the WASM float32 engine.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { matmul } from '../../src/engine/ops/linear.js';
import { recurrent, type CellKind, type RecurrentWeights } from '../../src/engine/ops/recurrent.js';
import { reshape } from '../../src/engine/ops/reshape.js';
import type { Tensor } from '../../src/engine/tensor.js';

interface Stored {
  shape: number[];
  data: number[];
  grad?: number[];
}

interface FixtureCase {
  cell: CellKind;
  bidirectional: boolean;
  layers: number;
  input: Stored;
  output: Stored;
  h_n: Stored;
  c_n?: Stored;
  output_grad_weights: Stored;
  input_grad: Stored;
  parameters: Record<string, Stored>;
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/recurrent_reference.json', import.meta.url), 'utf8')) as {
  cases: FixtureCase[];
};

/** max |a − b| / max |b|: the normwise relative error of a tensor. */
function relativeError(actual: ArrayLike<number>, expected: number[]): number {
  expect(actual.length).toBe(expected.length);
  const scale = Math.max(1e-12, ...expected.map(Math.abs));
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  return worst / scale;
}

function run(engine: Engine, c: FixtureCase): Record<string, number> {
  const errors: Record<string, number> = {};
  engine.step(() => {
    const p = (name: string): Tensor => engine.parameter(name, c.parameters[name].shape, c.parameters[name].data);
    const weights: RecurrentWeights[][] = [];
    for (let l = 0; l < c.layers; l++) {
      const suffixes = c.bidirectional ? [`l${l}`, `l${l}_reverse`] : [`l${l}`];
      weights.push(suffixes.map((s) => ({ weightIh: p(`weight_ih_${s}`), weightHh: p(`weight_hh_${s}`), biasIh: p(`bias_ih_${s}`), biasHh: p(`bias_hh_${s}`) })));
    }
    const x = engine.parameter('input', c.input.shape, c.input.data);
    const r = recurrent(c.cell, x, weights);
    const w = engine.tensor([r.output.size, 1], c.output_grad_weights.data);
    engine.backward(reshape(matmul(reshape(r.output, [1, r.output.size]), w), [1]));
    errors.output = relativeError(r.output.data, c.output.data);
    errors.h_n = relativeError(r.h.data, c.h_n.data);
    if (c.c_n !== undefined) errors.c_n = relativeError(r.c!.data, c.c_n.data);
    errors.input_grad = relativeError(x.grad!.data, c.input_grad.data);
    for (const l of weights.flat()) {
      for (const t of [l.weightIh, l.weightHh, l.biasIh, l.biasHh]) {
        const name = (t as { name?: string }).name!;
        errors[name] = relativeError(t.grad!.data, c.parameters[name].grad!);
      }
    }
  });
  return errors;
}

describe('recurrent layers match PyTorch', () => {
  const engines = { reference: Engine.reference(), wasm: Engine.wasm() };
  for (const c of fixture.cases) {
    for (const [backend, engine] of Object.entries(engines)) {
      it(`${c.cell}, ${c.layers} layers${c.bidirectional ? ', bidirectional' : ''} (${backend})`, () => {
        const errors = run(engine, c);
        expect(Object.keys(errors).length).toBe(3 + (c.c_n ? 1 : 0) + 4 * c.layers * (c.bidirectional ? 2 : 1));
        for (const [what, error] of Object.entries(errors)) expect(error, what).toBeLessThan(backend === 'wasm' ? 1e-4 : 1e-7);
      });
    }
  }
});
