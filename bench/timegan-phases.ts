// Benchmark workload B: milliseconds per iteration of each TimeGAN phase (embedding, supervised,
// joint) on the Stocks windows (3,661 × 24 × 6) with the reference's sizes (gru, hidden 24, 3 layers,
// batch 128), median after warm-up; beside the PyTorch peer (bench/peers/timegan_torch.py --bench,
// one thread) in the same invocation. Like the peer, the phases run in order on one model, each
// timed on the state the previous left, and a timed iteration includes its batch and noise draws.
// With --repeats N, ours and the peer alternate N times (a busy machine slows both alike) and the
// summary gives each phase's median over the repeats. With --cpu-time both sides time CPU
// seconds instead of wall-clock (ours: process.cpuUsage; the peer: its perf_counter replaced by
// process_time, the file unchanged), which a machine shared with other work disturbs less.
//
//   npm run build && node dist/bench/timegan-phases.js            # 50 timed after 5 warm-up
//   node dist/bench/timegan-phases.js --repeats 3 [--cpu-time]
//   node dist/bench/timegan-phases.js --iters 20 --warmup 3 --cell lstm --no-torch
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadBenchmarkWindows } from '../src/data/benchmark.js';
import { Engine } from '../src/engine/engine.js';
import { Random } from '../src/engine/random.js';
import type { Cell } from '../src/models/rgan/config.js';
import { resolveTimeGANConfig } from '../src/models/timegan/config.js';
import { buildNetworks } from '../src/models/timegan/networks.js';
import { TimeGANTrainer } from '../src/models/timegan/trainer.js';
import { packagePath } from '../src/package-root.js';
import { median, option, round } from './timing.js';

const PYTHON = '/usr/bin/python3';
const PHASES = ['embedding', 'supervised', 'joint'] as const;

type PhaseMs = Record<(typeof PHASES)[number], number>;

/** Our engine: ms per iteration of each phase, and the share of joint iterations that stepped D. */
async function measureOurs(cell: Cell, iters: number, warmup: number, cpuTime: boolean): Promise<{ phase_ms: PhaseMs; d_step_fraction: number; params: number }> {
  const rng = new Random(0);
  const windows = await loadBenchmarkWindows('stocks', { seqLen: 24, rng });
  const data = { windows: windows.data, count: windows.count, length: windows.length, features: windows.features };
  const config = resolveTimeGANConfig({ cell, hidden: 24, layers: 3, batchSize: 128, seqLen: 24, features: data.features });
  const engine = Engine.wasm();
  const nets = buildNetworks(engine, config, new Random(1));
  const trainer = new TimeGANTrainer(engine, config, nets);
  const steps = {
    embedding: () => void trainer.embeddingIteration(data, rng),
    supervised: () => void trainer.supervisedIteration(data, rng),
    joint: () => void trainer.jointIteration(data, rng),
  };
  const phase_ms = {} as PhaseMs;
  const time = cpuTime ? medianCpu : median;
  for (const phase of PHASES) phase_ms[phase] = time(steps[phase], iters, warmup);
  const params = Object.values(nets).reduce((n, net) => n + net.parameters().reduce((m, p) => m + p.size, 0), 0);
  return { phase_ms, d_step_fraction: round4(trainer.discriminatorUpdates / (iters + warmup)), params };
}

/** Median CPU milliseconds (user + system) of `fn` over `iters` runs after `warmup`. */
function medianCpu(fn: () => void, iters: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < iters; i++) {
    const used = process.cpuUsage();
    fn();
    const { user, system } = process.cpuUsage(used);
    times.push((user + system) / 1000);
  }
  return round(medianOf(times));
}

/** Runs the peer's main() with time.perf_counter → time.process_time (CPU seconds of its one thread). */
const CPU_TIME_WRAPPER = 'import sys, time, runpy; time.perf_counter = time.process_time; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name="__main__")';

/** The PyTorch peer on the same Stocks file (unpacked from datasets/stocks.csv.gz), or null without torch. */
function measureTorch(cell: Cell, iters: number, warmup: number, cpuTime: boolean): Record<string, unknown> | null {
  if (spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'timegan-bench-'));
  try {
    const csv = join(dir, 'stock_data.csv');
    writeFileSync(csv, gunzipSync(readFileSync(packagePath('datasets', 'stocks.csv.gz'))));
    const args = [packagePath('bench', 'peers', 'timegan_torch.py'), '--bench', '--data', csv, '--module', cell, '--threads', '1',
      '--iterations-per-phase', String(iters), '--warmup', String(warmup), '--seed', '0'];
    const run = spawnSync(PYTHON, cpuTime ? ['-c', CPU_TIME_WRAPPER, ...args] : args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`the PyTorch peer failed:\n${run.stderr}`);
    return JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Each phase's median over the runs. */
function summarise(runs: PhaseMs[]): PhaseMs {
  return Object.fromEntries(PHASES.map((p) => [p, medianOf(runs.map((r) => r[p]))])) as PhaseMs;
}

async function main(): Promise<void> {
  const iters = option('--iters', 50);
  const warmup = option('--warmup', 5);
  const repeats = option('--repeats', 1);
  const at = process.argv.indexOf('--cell');
  const cell = (at >= 0 ? process.argv[at + 1] : 'gru') as Cell;
  const torch = !process.argv.includes('--no-torch');
  const cpuTime = process.argv.includes('--cpu-time');
  const ours: PhaseMs[] = [];
  const theirs: PhaseMs[] = [];
  for (let r = 0; r < repeats; r++) {
    const run = await measureOurs(cell, iters, warmup, cpuTime);
    ours.push(run.phase_ms);
    console.log(JSON.stringify({ engine: 'recurrent-gan', node: process.version, cell, iters, warmup, ...run }));
    const peer = torch ? measureTorch(cell, iters, warmup, cpuTime) : null;
    if (peer === null) continue;
    theirs.push(peer.phase_ms as PhaseMs);
    console.log(JSON.stringify(peer));
  }
  const summary: Record<string, unknown> = { workload: 'B', cell, repeats, clock: cpuTime ? 'cpu' : 'wall', ours_ms: summarise(ours) };
  if (theirs.length > 0) {
    const peer = summarise(theirs);
    const ratio = Object.fromEntries(PHASES.map((p) => [p, round4(summarise(ours)[p] / peer[p])]));
    Object.assign(summary, { pytorch_ms: peer, ratio_ours_over_pytorch: ratio });
  } else if (torch) summary.pytorch = 'torch not found';
  console.log(JSON.stringify(summary));
}

await main();
