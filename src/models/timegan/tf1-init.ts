// TF1's default initialisation of a recurrent stack, as TimeGAN's reference got it (and as the
// PyTorch peer's tf1_init_ reproduces it): TF1 fuses [input, hidden] into one kernel per block, so
// Glorot limits use fan-in I + H; GRUCell's gate bias starts at 1; BasicLSTMCell's forget_bias 1
// stands in as the initial forget-gate bias (PyTorch gate order i, f, g, o).
import type { Random } from '../../engine/random.js';
import type { Parameter } from '../../engine/tensor.js';
import type { Recurrent } from '../../nn/recurrent.js';

/** Gate blocks as [first row, rows] of W_ih / W_hh [G·H, ·]: each block is one TF1 kernel. */
function kernelBlocks(cell: Recurrent['config']['cell'], h: number): Array<[number, number]> {
  switch (cell) {
    case 'gru':
      return [[0, 2 * h], [2 * h, h]]; // gates (r, z) [I+H, 2H], candidate n [I+H, H]
    case 'lstm':
      return [[0, 4 * h]];
    case 'rnn':
      return [[0, h]];
  }
}

/** Overwrites every weight of `recurrent` with TF1's defaults, drawn from `rng`. */
export function initRecurrentTf1(recurrent: Recurrent, rng: Random): void {
  const { cell, hidden: h } = recurrent.config;
  const params = recurrent.parameters(); // per layer: W_ih [G·H, I], W_hh [G·H, H], b_ih, b_hh
  for (let l = 0; l < params.length; l += 4) {
    const [weightIh, weightHh, biasIh, biasHh] = params.slice(l, l + 4);
    const fanIn = weightIh.shape[1] + h;
    for (const [first, rows] of kernelBlocks(cell, h)) {
      const limit = Math.sqrt(6 / (fanIn + rows));
      fillRows(weightIh, first, rows, limit, rng);
      fillRows(weightHh, first, rows, limit, rng);
    }
    biasIh.data.fill(0);
    biasHh.data.fill(0);
    if (cell === 'gru') biasIh.data.fill(1, 0, 2 * h);
    if (cell === 'lstm') biasIh.data.fill(1, h, 2 * h);
  }
}

/** Rows first … first+rows of a [rows, cols] weight ← U(−limit, limit). */
function fillRows(w: Parameter, first: number, rows: number, limit: number, rng: Random): void {
  const cols = w.shape[1];
  rng.fillUniform(w.data.subarray(first * cols, (first + rows) * cols), -limit, limit);
}
