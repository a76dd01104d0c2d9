// The recurrent op as the tape sees it: one record for a whole stack, nothing under noGrad,
// frozen weights get no gradient while the input still does, and shape mistakes are reported.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { Random } from '../../src/engine/random.js';
import { recurrent, type CellKind, type RecurrentWeights } from '../../src/engine/ops/recurrent.js';
import { CELLS } from '../../src/engine/ops/recurrent-cells.js';
import type { Parameter } from '../../src/engine/tensor.js';
import { weightedSum } from './gradient-cases.js';

function randomStack(e: Engine, cell: CellKind, inputs: number, hidden: number, layers: number, dirs: number): RecurrentWeights[][] {
  const rng = new Random(3);
  const g = CELLS[cell].gates * hidden;
  const p = (shape: number[]): Parameter => {
    const v = new Float64Array(shape.reduce((a, b) => a * b, 1));
    rng.fillUniform(v, -0.5, 0.5);
    return e.parameter('w', shape, v);
  };
  return Array.from({ length: layers }, (_, l) =>
    Array.from({ length: dirs }, () => ({
      weightIh: p([g, l === 0 ? inputs : hidden * dirs]), weightHh: p([g, hidden]), biasIh: p([g]), biasHh: p([g]),
    })),
  );
}

describe('recurrent op', () => {
  const e = Engine.wasm();

  it('records a whole stack as one tape entry, and nothing under noGrad', () => {
    const weights = randomStack(e, 'lstm', 3, 5, 3, 2);
    e.step(() => {
      const x = e.tensor([2, 4, 3], new Float32Array(24).fill(0.1));
      const r = recurrent('lstm', x, weights);
      expect(r.output.shape).toEqual([2, 4, 10]);
      expect(r.h.shape).toEqual([6, 2, 5]);
      expect(r.c?.shape).toEqual([6, 2, 5]);
      expect(e.tape.opNames()).toEqual(['recurrent']);
    });
    e.step(() => {
      e.noGrad(() => recurrent('lstm', e.tensor([2, 4, 3], new Float32Array(24)), weights));
      expect(e.tape.length).toBe(0);
    });
  });

  it('gives frozen weights no gradient but still reaches the input', () => {
    const weights = randomStack(e, 'gru', 3, 6, 2, 1);
    const xValues = Float32Array.from({ length: 30 }, (_, i) => Math.sin(i));
    const inputGrad = (frozen: boolean): Float32Array =>
      e.step(() => {
        for (const w of weights.flat()) for (const p of Object.values(w) as Parameter[]) {
          p.frozen = frozen;
          p.gradient.data.fill(0);
        }
        const x = e.parameter('x', [2, 5, 3], xValues);
        e.backward(weightedSum(recurrent('gru', x, weights).output, e));
        return x.grad!.toFloat32Array();
      });
    const learning = inputGrad(false);
    const frozen = inputGrad(true);
    expect(Array.from(frozen)).toEqual(Array.from(learning));
    expect(learning.some((v) => v !== 0)).toBe(true);
    for (const w of weights.flat()) expect((w.weightHh as Parameter).gradient.toArray().every((v) => v === 0)).toBe(true);
  });

  it('reports shape mistakes', () => {
    const weights = randomStack(e, 'rnn', 3, 4, 1, 1);
    e.step(() => {
      expect(() => recurrent('rnn', e.tensor([2, 3]), weights)).toThrow(/batch, time, features/);
      expect(() => recurrent('rnn', e.tensor([2, 5, 4]), weights)).toThrow(/do not fit/);
      expect(() => recurrent('gru', e.tensor([2, 5, 3]), weights)).toThrow(/do not fit/);
      expect(() => recurrent('rnn', e.tensor([2, 5, 3]), weights, { h: e.tensor([1, 3, 4]) })).toThrow(/initial state/);
    });
  });
});
