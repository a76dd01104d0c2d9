// Benchmark workload A: one recurrent-GAN iteration (bench/gan-iteration.ts) for GRU and LSTM,
// median milliseconds per iteration after warm-up and peak RSS, beside the PyTorch peer
// (bench/peers/gan_iteration_torch.py, one thread) run in the same invocation, and the ratio.
//
//   npm run build && npm run bench                 # both cells, 30 iterations after 5 warm-up
//   node dist/bench/workloadA.js --cell gru --iters 50 --warmup 10 --no-torch
//
// Each measurement runs in its own process so that its peak RSS is its own; ours and PyTorch's
// alternate per cell so that a busy machine slows both alike.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';
import { packagePath } from '../src/package-root.js';
import { ganIteration } from './gan-iteration.js';
import { option, timings } from './timing.js';
import type { CellKind } from '../src/engine/ops/recurrent-cells.js';

const PYTHON = '/usr/bin/python3';

interface Result {
  engine: string;
  cell: string;
  median_ms: number;
  peakRSS_MB: number;
  [key: string]: unknown;
}

/** Measures ours in this process (the child's job): prints one JSON line. */
function measureOurs(cell: CellKind, iters: number, warmup: number): Result {
  const gan = ganIteration(cell);
  let losses = { lossD: 0, lossG: 0 };
  const ms = timings(() => void (losses = gan.step()), iters, warmup);
  return {
    engine: 'recurrent-gan', cell, iters, warmup, median_ms: ms.median, min_ms: ms.min, max_ms: ms.max,
    gParams: gan.parameterCounts.g, dParams: gan.parameterCounts.d,
    lossD: round4(losses.lossD), lossG: round4(losses.lossG), peakRSS_MB: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
  };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function runOurs(cell: CellKind, iters: number, warmup: number): Result {
  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, [self, '--child', cell, '--iters', String(iters), '--warmup', String(warmup)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Result;
}

function torchAvailable(): boolean {
  return spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
}

function runTorch(cell: CellKind, iters: number, warmup: number): Result {
  const peer = packagePath('bench', 'peers', 'gan_iteration_torch.py');
  const args = [peer, '--cell', cell, '--threads', '1', '--iters', String(iters), '--warmup', String(warmup)];
  const out = execFileSync(PYTHON, args, { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Result;
}

function main(): void {
  const iters = option('--iters', 30);
  const warmup = option('--warmup', 5);
  const child = process.argv.indexOf('--child');
  if (child >= 0) {
    console.log(JSON.stringify(measureOurs(process.argv[child + 1] as CellKind, iters, warmup)));
    return;
  }
  const only = process.argv.indexOf('--cell');
  const cells: CellKind[] = only >= 0 ? [process.argv[only + 1] as CellKind] : ['gru', 'lstm'];
  const skip = process.argv.includes('--no-torch');
  const torch = !skip && torchAvailable();
  const note = torch ? '' : skip ? ' (ours only)' : ` (${PYTHON} cannot import torch: ours only)`;
  console.log(`workload A — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}${note}`);
  for (const cell of cells) {
    const ours = runOurs(cell, iters, warmup);
    console.log(JSON.stringify(ours));
    if (!torch) continue;
    const theirs = runTorch(cell, iters, warmup);
    console.log(JSON.stringify(theirs));
    const ratio = Math.round((ours.median_ms / theirs.median_ms) * 1000) / 1000;
    console.log(`${cell}: ours ${ours.median_ms} ms, PyTorch ${theirs.median_ms} ms, ratio ours/PyTorch ${ratio} (peak RSS ${ours.peakRSS_MB} vs ${theirs.peakRSS_MB} MB)`);
  }
}

main();
