// TimeGAN against the PyTorch peer (bench/peers/timegan_torch.py): from the same weights and the
// same batches, every phase gives the same losses and the same updated weights, to float32
// rounding. Skipped where /usr/bin/python3 has no torch.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { Random } from '../../src/engine/random.js';
import { sampleBatch, sampleWindows } from '../../src/models/timegan/batches.js';
import { resolveTimeGANConfig } from '../../src/models/timegan/config.js';
import { buildNetworks, namedNetworkParameters } from '../../src/models/timegan/networks.js';
import { TimeGANTrainer } from '../../src/models/timegan/trainer.js';
import { packagePath } from '../../src/package-root.js';

const PYTHON = '/usr/bin/python3';
const hasTorch = spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;

// Loads our weights into the peer's TimeGAN, replays our batches through its Trainer's steps and
// prints the losses it got and, per network, the largest weight difference from ours.
const REPLAY = `
import json, sys, importlib.util, torch
spec = importlib.util.spec_from_file_location('peer', sys.argv[1]); peer = importlib.util.module_from_spec(spec); spec.loader.exec_module(peer)
torch.set_num_threads(1)
r = json.load(open(sys.argv[2])); B, T, D = r['shape']
model = peer.TimeGAN(D, r['hidden'], r['layers'], r['cell'])
key = lambda n: n.replace('.recurrent.', '.rnn.')
sd = model.state_dict()
model.load_state_dict({key(n): torch.tensor(v).reshape(sd[key(n)].shape) for n, v in r['initial'].items()})
trainer = peer.Trainer(model, torch.zeros(B, T, D).numpy(), B)
queue = [(torch.tensor(b['x']).reshape(B, T, D), torch.tensor(b['z']).reshape(B, T, D) if 'z' in b else None) for b in r['batches']]
trainer.batch = lambda: queue.pop(0)
losses = []
for phase, count in r['schedule']:
    for _ in range(count):
        out = getattr(trainer, phase + '_step')()
        if phase == 'embedding': losses.append(10 * float(out['e_t0']) ** 0.5)
        elif phase == 'supervised': losses.append(float(out['s']))
        else: losses.append(float(out['d_loss']))
sd = model.state_dict()
diff = {n: (sd[key(n)].flatten() - torch.tensor(v)).abs().max().item() for n, v in r['final'].items()}
print(json.dumps({'losses': losses, 'diff': diff, 'dSteps': trainer.d_steps}))
`;

describe.skipIf(!hasTorch)('TimeGAN and the PyTorch peer', () => {
  it.each(['gru', 'lstm'] as const)('agree step by step (%s)', (cell) => {
    const [b, t, d] = [8, 6, 3];
    const rng = new Random(5);
    const windows = new Float32Array(40 * t * d);
    rng.fillUniform(windows);
    const data = { windows, count: 40, length: t, features: d };
    const config = resolveTimeGANConfig({ cell, hidden: 5, layers: 3, batchSize: b, seqLen: t, features: d });
    const nets = buildNetworks(Engine.wasm(), config, new Random(1));
    const trainer = new TimeGANTrainer(nets.embedder.head.weight.engine, config, nets);
    const weights = (): Record<string, number[]> => Object.fromEntries(namedNetworkParameters(nets).map(([n, p]) => [n, Array.from(p.data)]));
    const initial = weights();
    const batches: Array<{ x: number[]; z?: number[] }> = [];
    const ours: number[] = [];
    for (const step of ['embedding', 'embedding', 'supervised', 'supervised'] as const) {
      const w = sampleWindows(data, b, rng);
      batches.push({ x: Array.from(w.x) });
      ours.push(step === 'embedding' ? trainer.embeddingStep(w) : trainer.supervisedStep(w));
    }
    for (let i = 0; i < 2; i++) {
      for (let k = 0; k < 2; k++) {
        const batch = sampleBatch(data, b, rng);
        batches.push({ x: Array.from(batch.x), z: Array.from(batch.z) });
        trainer.generatorStep(batch);
        trainer.embedderStep(batch);
      }
      const batch = sampleBatch(data, b, rng);
      batches.push({ x: Array.from(batch.x), z: Array.from(batch.z) });
      ours.push(trainer.discriminatorStep(batch));
    }
    const dir = mkdtempSync(join(tmpdir(), 'timegan-peer-'));
    try {
      const file = join(dir, 'replay.json');
      const schedule = [['embedding', 2], ['supervised', 2], ['joint', 2]];
      writeFileSync(file, JSON.stringify({ shape: [b, t, d], cell, hidden: 5, layers: 3, schedule, initial, final: weights(), batches }));
      const run = spawnSync(PYTHON, ['-c', REPLAY, packagePath('bench', 'peers', 'timegan_torch.py'), file], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const theirs = JSON.parse(run.stdout) as { losses: number[]; diff: Record<string, number>; dSteps: number };
      theirs.losses.forEach((loss, i) => expect(Math.abs(ours[i] - loss) / Math.abs(loss)).toBeLessThan(1e-5));
      expect(Math.max(...Object.values(theirs.diff))).toBeLessThan(1e-5);
      expect(theirs.dSteps).toBe(trainer.discriminatorUpdates);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000); // spawns Python and imports torch
});
