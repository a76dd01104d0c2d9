// Times the recurrent layers alone: a stack of 3 × GRU/LSTM(24) over [128, 24, 6] (workload A's
// shape), forward under noGrad, and forward + backward with weight gradients.
//   node dist/bench/recurrent-stack.js [--iters 30] [--warmup 5]
import { Engine } from '../src/engine/engine.js';
import { Random } from '../src/engine/random.js';
import { reshape } from '../src/engine/ops/reshape.js';
import { matmul } from '../src/engine/ops/linear.js';
import type { CellKind } from '../src/engine/ops/recurrent-cells.js';
import { Recurrent } from '../src/nn/recurrent.js';
import { median, option } from './timing.js';

const [B, T, F, H, L] = [128, 24, 6, 24, 3];

function timeStack(cell: CellKind, iters: number, warmup: number): { forward: number; train: number } {
  const engine = Engine.wasm();
  const rng = new Random(0);
  const net = new Recurrent(engine, { cell, inputs: F, hidden: H, layers: L }, rng);
  const x = new Float32Array(B * T * F).map(() => rng.uniform());
  const w = engine.persistent([B * T * H, 1], new Float32Array(B * T * H).map(() => rng.uniformRange(-1, 1)));
  const forward = (): void => engine.step(() => void engine.noGrad(() => net.forward(engine.tensor([B, T, F], x))));
  const train = (): void =>
    engine.step(() => {
      const y = net.forward(engine.tensor([B, T, F], x)).output;
      engine.backward(reshape(matmul(reshape(y, [1, y.size]), w), [1]));
    });
  return { forward: median(forward, iters, warmup), train: median(train, iters, warmup) };
}

const iters = option('--iters', 30);
const warmup = option('--warmup', 5);
for (const cell of ['gru', 'lstm'] as const) {
  const { forward, train } = timeStack(cell, iters, warmup);
  console.log(JSON.stringify({ bench: 'recurrent-stack', cell, batch: B, steps: T, hidden: H, layers: L, forward_ms: forward, forward_backward_ms: train }));
}
