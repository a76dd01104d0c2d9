// clipGradNorm: the global norm over all parameters, scaled down only when above the limit.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { clipGradNorm } from '../../src/nn/clip.js';

describe('clipGradNorm', () => {
  it('scales all gradients by maxNorm / ‖g‖ when ‖g‖ is larger', () => {
    const engine = Engine.wasm();
    const a = engine.parameter('a', [1], [0]);
    const b = engine.parameter('b', [5], [0, 0, 0, 0, 0]);
    a.gradient.data.set([3]);
    b.gradient.data.set([0, 4, 0, 0, 0]);
    expect(clipGradNorm([a, b], 1)).toBeCloseTo(5, 6);
    expect(a.gradient.data[0]).toBeCloseTo(0.6, 5);
    expect(b.gradient.data[1]).toBeCloseTo(0.8, 5);
  });

  it('leaves gradients below the limit alone', () => {
    const engine = Engine.wasm();
    const a = engine.parameter('a', [2], [0, 0]);
    a.gradient.data.set([0.3, 0.4]);
    expect(clipGradNorm([a], 1)).toBeCloseTo(0.5, 6);
    expect(Array.from(a.gradient.data)).toEqual([Math.fround(0.3), Math.fround(0.4)]);
    expect(clipGradNorm([], 1)).toBe(0);
  });
});
