#!/usr/bin/env python3
# Provenance: copied unchanged (below this header) from the project's shared materials,
# shared/peers/timegan_torch.py, so that the repository's benchmark stands alone.
# bench/timegan-phases.ts runs it with --bench --threads 1 beside our engine (workload B).
#
"""TimeGAN in PyTorch: reference implementation and speed peer for recurrent-gan's benchmarks.

Written from the language-neutral specification of jsyoon0823/TimeGAN (commit 8f6181c) in
../specs/timegan.md. No code was copied from any repository.
Needs Python 3, PyTorch >= 1.13 and NumPy (Debian: python3-torch python3-numpy).

Speed peer: runs each phase for --warmup (5) untimed, then --iterations-per-phase timed iterations,
and prints one JSON line with the median milliseconds per iteration of each phase. A timed iteration
includes its batch and noise sampling. A joint iteration is 2 G + 2 E steps plus the D check and
its step. The phases run in order on one model, so each is timed on the state the previous left:
    python3 timegan_torch.py --bench --data stock --module gru --iterations-per-phase 50 \
        --threads 1 --device cpu
--threads N calls torch.set_num_threads(N). It also sets OMP/OPENBLAS/MKL_NUM_THREADS before torch
is imported, because Debian's torch multiplies through OpenBLAS, whose own pool set_num_threads
does not cap.
Full run: trains the three phases, then writes N synthetic sequences as a float32 .npy array of
shape N x 24 x D, on the [0,1]-scaled data that TimeGAN and the metrics see:
    python3 timegan_torch.py --data stock --iterations 50000 --out samples.npy

--data is one of: sines (10,000 x 24 x 5, generated), stock, energy, or the path of a numeric CSV
file. stock and energy are read from --data-dir, which defaults to ../datasets beside this file.
The defaults follow main_timegan.py: gru, hidden 24, 3 layers, batch 128 and 50,000 iterations per
phase. The original sets no seed, so none is set here unless you pass --seed. Progress goes to stderr.

Known differences from the TF1 original:
  * PyTorch's GRU applies the reset gate after the recurrent matrix product (the cuDNN variant).
    TF1's GRUCell applies it before.
  * PyTorch's Adam adds epsilon after the bias correction. TF1 adds it before.
  * PyTorch RNNs have two bias vectors per gate where TF1 has one.
Weights start as in TF1 unless you pass --init torch: Glorot-uniform kernels per gate block, with
the fan-in of TF's fused [input, hidden] kernel. The GRU gate bias starts at 1, the LSTM forget bias
at 1 (it stands in for BasicLSTMCell's forget_bias=1), and the dense heads use Glorot weights and
zero bias.
"""
import argparse
import os
import sys


def _cap_thread_pools():
    """--threads N also caps the OpenMP, OpenBLAS and MKL pools. torch.set_num_threads alone leaves
    OpenBLAS's own pool at the core count, so this has to happen before NumPy and torch are imported."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument('--threads', type=int)
    threads = pre.parse_known_args()[0].threads
    if threads:
        for var in ('OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS'):
            os.environ[var] = str(threads)


if __name__ == '__main__':
    _cap_thread_pools()

import csv  # noqa: E402  (after the thread caps on purpose)
import io
import json
import math
import statistics
import time
import zipfile

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA_DIR = os.path.normpath(os.path.join(HERE, '..', 'datasets'))
SINE_N, SINE_DIM = 10_000, 5


def log(*args):
    print(*args, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------- data (§1)

def sine_data(n, seq_len, dim, rng):
    """n x seq_len x dim; each (sequence, feature) is sin(f*t + p) with f, p ~ U[0, 0.1), mapped to (v+1)/2."""
    t = np.arange(seq_len, dtype=np.float64)[None, :, None]
    freq = rng.uniform(0.0, 0.1, size=(n, 1, dim))
    phase = rng.uniform(0.0, 0.1, size=(n, 1, dim))
    return (np.sin(freq * t + phase) + 1.0) / 2.0


def _is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def read_numeric_csv(path):
    """(column names, float64 matrix) of a CSV file with one header line. A .zip holding one .csv
    file is read directly. Non-numeric columns such as the UCI energy file's 'date' are dropped."""
    if path.endswith('.zip'):
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.namelist() if m.lower().endswith('.csv')]
            if len(members) != 1:
                raise SystemExit(f'{path}: expected exactly one .csv inside, found {members}')
            text = zf.read(members[0]).decode('utf-8')
    else:
        with open(path, newline='') as fh:
            text = fh.read()
    rows = [r for r in csv.reader(io.StringIO(text)) if r]
    header, body = rows[0], rows[1:]
    keep = [j for j in range(len(header)) if _is_number(body[0][j])]
    dropped = [header[j] for j in range(len(header)) if j not in keep]
    if dropped:
        log(f'{os.path.basename(path)}: dropped non-numeric column(s) {dropped}')
    data = np.array([[float(r[j]) for j in keep] for r in body], dtype=np.float64)
    return [header[j].strip() for j in keep], data


def real_windows(raw, seq_len, rng):
    """Real-data loading (§1.2): reverse rows, per-column min-max, stride-1 windows (R - T of them), shuffle."""
    x = raw[::-1]
    lo, hi = x.min(axis=0), x.max(axis=0)
    x = (x - lo) / (hi - lo + 1e-7)
    n = len(x) - seq_len
    windows = np.stack([x[i:i + seq_len] for i in range(n)])
    return windows[rng.permutation(n)]


def load_data(name, seq_len, data_dir, rng):
    if name == 'sines':
        return sine_data(SINE_N, seq_len, SINE_DIM, rng)
    path = {'stock': os.path.join(data_dir, 'stock_data.csv'),
            'energy': os.path.join(data_dir, 'energydata_complete.zip')}.get(name, name)
    _, raw = read_numeric_csv(path)
    return real_windows(raw, seq_len, rng)


# ----------------------------------------------------------------------------------- networks (§6.2)

def tf1_init_(net):
    """Initialise Linear, GRU and LSTM layers the way TF1's defaults would."""
    with torch.no_grad():
        for m in net.modules():
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                nn.init.zeros_(m.bias)
            elif isinstance(m, (nn.GRU, nn.LSTM)):
                h = m.hidden_size
                is_gru = isinstance(m, nn.GRU)
                # TF1 fuses [input, hidden] into one kernel per block: GRU gates (2H) and candidate (H),
                # LSTM all four gates (4H). Glorot limits use those fused shapes.
                blocks = [(slice(0, 2 * h), 2 * h), (slice(2 * h, 3 * h), h)] if is_gru else [(slice(0, 4 * h), 4 * h)]
                for k in range(m.num_layers):
                    w_ih, w_hh = getattr(m, f'weight_ih_l{k}'), getattr(m, f'weight_hh_l{k}')
                    b_ih, b_hh = getattr(m, f'bias_ih_l{k}'), getattr(m, f'bias_hh_l{k}')
                    fan_in = w_ih.shape[1] + h
                    for rows, fan_out in blocks:
                        a = math.sqrt(6.0 / (fan_in + fan_out))
                        w_ih[rows].uniform_(-a, a)
                        w_hh[rows].uniform_(-a, a)
                    b_ih.zero_()
                    b_hh.zero_()
                    if is_gru:
                        b_ih[:2 * h].fill_(1.0)      # GRUCell gate bias (r, u) starts at 1
                    else:
                        b_ih[h:2 * h].fill_(1.0)     # forget gate (PyTorch order i, f, g, o)


class StepNet(nn.Module):
    """A stack of `layers` recurrent layers of width `hidden`, then a dense layer at every step."""

    def __init__(self, module, in_dim, hidden, layers, out_dim, sigmoid=True):
        super().__init__()
        rnn = {'gru': nn.GRU, 'lstm': nn.LSTM}[module]
        self.rnn = rnn(in_dim, hidden, num_layers=layers, batch_first=True)
        self.head = nn.Linear(hidden, out_dim)
        self.sigmoid = sigmoid

    def forward(self, x):
        y = self.head(self.rnn(x)[0])
        return torch.sigmoid(y) if self.sigmoid else y


class TimeGAN(nn.Module):
    def __init__(self, dim, hidden=24, layers=3, module='gru'):
        super().__init__()
        if layers < 2:
            raise ValueError('TimeGAN needs at least 2 layers (the supervisor has layers - 1)')
        self.embedder = StepNet(module, dim, hidden, layers, hidden)
        self.recovery = StepNet(module, hidden, hidden, layers, dim)
        self.generator = StepNet(module, dim, hidden, layers, hidden)       # z_dim = dim
        self.supervisor = StepNet(module, hidden, hidden, layers - 1, hidden)
        self.discriminator = StepNet(module, hidden, hidden, layers, 1, sigmoid=False)

    def synthesize(self, z):
        return self.recovery(self.supervisor(self.generator(z)))


# ------------------------------------------------------------------------------------ losses (§6.3)

def bce(logits, target):
    return F.binary_cross_entropy_with_logits(logits, torch.full_like(logits, target))


def supervised_loss(supervisor, h):
    """MSE between the real embedding at t+1 and the supervisor's output at t."""
    return F.mse_loss(supervisor(h)[:, :-1], h[:, 1:])


def moment_loss(x_hat, x):
    """Moment loss over the batch axis: mean |std difference| + mean |mean difference| per (time, feature)."""
    mean_hat, mean = x_hat.mean(0), x.mean(0)
    var_hat = ((x_hat - mean_hat) ** 2).mean(0)     # population variance
    var = ((x - mean) ** 2).mean(0)
    v1 = (torch.sqrt(var_hat + 1e-6) - torch.sqrt(var + 1e-6)).abs().mean()
    v2 = (mean_hat - mean).abs().mean()
    return v1 + v2


def adam_step(opt, loss):
    """One step of `opt` on `loss`. Only the optimiser's own parameters get gradients, so frozen
    networks collect none. Parameters that `loss` does not reach are left untouched."""
    params = [p for group in opt.param_groups for p in group['params']]
    grads = torch.autograd.grad(loss, params, allow_unused=True)
    for p, g in zip(params, grads):
        p.grad = g
    opt.step()


# ------------------------------------------------------------------------------- training (§6.4-6.6)

class Trainer:
    def __init__(self, model, data, batch_size=128, gamma=1.0, device='cpu'):
        self.model, self.batch_size, self.gamma, self.device = model, batch_size, gamma, device
        # §6.1 pre-scaling: per feature, subtract the minimum, divide by the shifted maximum + 1e-7.
        self.lo = data.min(axis=(0, 1))
        self.hi = (data - self.lo).max(axis=(0, 1))
        scaled = (data - self.lo) / (self.hi + 1e-7)
        self.data = torch.as_tensor(scaled, dtype=torch.float32, device=device)
        self.n, self.seq_len, self.dim = self.data.shape
        m = model
        er = [*m.embedder.parameters(), *m.recovery.parameters()]
        gs = [*m.generator.parameters(), *m.supervisor.parameters()]
        # Five Adam optimisers with separate state, TF1 defaults (lr 1e-3, betas 0.9/0.999, eps 1e-8).
        self.opt_e0 = torch.optim.Adam(er)
        self.opt_e = torch.optim.Adam(er)
        self.opt_gs = torch.optim.Adam(gs)
        self.opt_g = torch.optim.Adam(gs)
        self.opt_d = torch.optim.Adam(m.discriminator.parameters())
        self.d_steps = 0

    def batch(self):
        """A fresh permutation's first B sequences, and U[0,1) noise of the same shape."""
        idx = torch.randperm(self.n, device=self.device)[:self.batch_size]
        x = self.data[idx]
        return x, torch.rand_like(x)

    def embedding_step(self):
        x, _ = self.batch()
        m = self.model
        e_t0 = F.mse_loss(m.recovery(m.embedder(x)), x)
        adam_step(self.opt_e0, 10 * torch.sqrt(e_t0))
        return {'e_t0': e_t0.detach()}

    def supervised_step(self):
        x, _ = self.batch()
        m = self.model
        with torch.no_grad():
            h = m.embedder(x)
        s = supervised_loss(m.supervisor, h)
        adam_step(self.opt_gs, s)            # the generator gets no gradient from S
        return {'s': s.detach()}

    def joint_step(self):
        m, gamma = self.model, self.gamma
        for _ in range(2):
            x, z = self.batch()
            # Generator and supervisor step. Embedder, recovery and discriminator stay fixed.
            with torch.no_grad():
                h = m.embedder(x)
            e_hat = m.generator(z)
            h_hat = m.supervisor(e_hat)
            x_hat = m.recovery(h_hat)
            g_adv = bce(m.discriminator(h_hat), 1.0) + gamma * bce(m.discriminator(e_hat), 1.0)
            s = supervised_loss(m.supervisor, h)
            v = moment_loss(x_hat, x)
            adam_step(self.opt_g, g_adv + 100 * torch.sqrt(s) + 100 * v)
            # Embedder and recovery step on the same batch. It sees the supervisor just updated.
            h = m.embedder(x)
            e_t0 = F.mse_loss(m.recovery(h), x)
            adam_step(self.opt_e, 10 * torch.sqrt(e_t0) + 0.1 * supervised_loss(m.supervisor, h))
        # Discriminator: a new batch, stepped only while its loss exceeds 0.15.
        x, z = self.batch()
        with torch.no_grad():
            h = m.embedder(x)
            e_hat = m.generator(z)
            h_hat = m.supervisor(e_hat)
        d_loss = (bce(m.discriminator(h), 1.0) + bce(m.discriminator(h_hat), 0.0)
                  + gamma * bce(m.discriminator(e_hat), 0.0))
        if d_loss.item() > 0.15:
            adam_step(self.opt_d, d_loss)
            self.d_steps += 1
        return {'e_t0': e_t0.detach(), 's': s.detach(), 'g_adv': g_adv.detach(), 'v': v.detach(),
                'd_loss': d_loss.detach()}

    def train(self, iterations, log_every=1000):
        phases = [('embedding', self.embedding_step, lambda r: f"e_loss={math.sqrt(r['e_t0']):.4f}"),
                  ('supervised', self.supervised_step, lambda r: f"s_loss={math.sqrt(r['s']):.4f}"),
                  ('joint', self.joint_step,
                   lambda r: (f"d_loss={float(r['d_loss']):.4f} g_loss_u={float(r['g_adv']):.4f} "
                              f"g_loss_s={math.sqrt(r['s']):.4f} g_loss_v={float(r['v']):.4f} "
                              f"e_loss_t0={math.sqrt(r['e_t0']):.4f}"))]
        seconds = {}
        for name, step, fmt in phases:
            log(f'start {name} training')
            t0 = time.perf_counter()
            for it in range(iterations):
                result = step()
                if log_every and (it % log_every == 0 or it == iterations - 1):
                    log(f'{name} step {it}/{iterations}: {fmt(result)}')
            seconds[name] = time.perf_counter() - t0
            log(f'finish {name} training ({seconds[name]:.1f} s)')
        return seconds

    @torch.no_grad()
    def generate(self, n, chunk=4096):
        """n sequences from U[0,1) noise, mapped back with x * max + min (§6.6)."""
        out = []
        for start in range(0, n, chunk):
            z = torch.rand(min(chunk, n - start), self.seq_len, self.dim, device=self.device)
            out.append(self.model.synthesize(z).cpu().numpy())
        return (np.concatenate(out) * self.hi + self.lo).astype(np.float32)


# ---------------------------------------------------------------------------------------------- main

def bench(trainer, iterations, warmup, device):
    def sync():
        if device.type == 'cuda':
            torch.cuda.synchronize(device)

    def median_ms(step):
        times = []
        for i in range(warmup + iterations):
            sync()
            t0 = time.perf_counter()
            step()
            sync()
            if i >= warmup:
                times.append(time.perf_counter() - t0)
        return statistics.median(times) * 1e3

    phase_ms = {}
    for name, step in [('embedding', trainer.embedding_step), ('supervised', trainer.supervised_step),
                       ('joint', trainer.joint_step)]:
        phase_ms[name] = round(median_ms(step), 4)
    return phase_ms


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--data', default='stock', help='sines | stock | energy | PATH.csv (default stock)')
    p.add_argument('--data-dir', default=DEFAULT_DATA_DIR, help='folder holding stock_data.csv and energydata_complete.zip')
    p.add_argument('--seq-len', type=int, default=24)
    p.add_argument('--module', choices=['gru', 'lstm'], default='gru')
    p.add_argument('--hidden', type=int, default=24)
    p.add_argument('--layers', type=int, default=3)
    p.add_argument('--batch-size', type=int, default=128)
    p.add_argument('--iterations', type=int, default=50_000, help='iterations of each of the three phases')
    p.add_argument('--out', help='where to write the synthetic sequences (.npy, float32, N x T x D)')
    p.add_argument('--n-samples', type=int, help='how many sequences to generate (default: N, as many as the data)')
    p.add_argument('--save-real', help='also write the [0,1]-scaled, shuffled real windows the model saw (.npy)')
    p.add_argument('--log-every', type=int, default=1000)
    p.add_argument('--bench', action='store_true', help='time the phases instead of training a model')
    p.add_argument('--iterations-per-phase', type=int, default=50, help='timed iterations per phase (--bench)')
    p.add_argument('--warmup', type=int, default=5, help='untimed iterations before each phase is timed (--bench)')
    p.add_argument('--threads', type=int, help='torch.set_num_threads (default: leave PyTorch\'s choice)')
    p.add_argument('--device', default='cpu', help='cpu | cuda | cuda:N')
    p.add_argument('--init', choices=['tf1', 'torch'], default='tf1', help='weight initialisation (default tf1)')
    p.add_argument('--seed', type=int, help='seed NumPy and PyTorch (default: unseeded, like the original)')
    args = p.parse_args()
    if not args.bench and not args.out:
        p.error('give --out PATH.npy for a full run, or --bench')

    if args.threads:
        torch.set_num_threads(args.threads)
    if args.seed is not None:
        torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    device = torch.device(args.device)

    data = load_data(args.data, args.seq_len, args.data_dir, rng)
    model = TimeGAN(data.shape[2], args.hidden, args.layers, args.module)
    if args.init == 'tf1':
        tf1_init_(model)
    model.to(device)
    trainer = Trainer(model, data, args.batch_size, device=device)
    n_params = sum(q.numel() for q in model.parameters())
    device_name = torch.cuda.get_device_name(device) if device.type == 'cuda' else 'cpu'
    log(f'data {args.data}: {data.shape[0]} x {data.shape[1]} x {data.shape[2]}; {args.module}, '
        f'hidden {args.hidden}, {args.layers} layers, {n_params} parameters, {device_name}, '
        f'{torch.get_num_threads()} thread(s)')

    if args.bench:
        phase_ms = bench(trainer, args.iterations_per_phase, args.warmup, device)
        warm_joint = args.warmup + args.iterations_per_phase
        print(json.dumps({
            'engine': 'pytorch', 'torch': torch.__version__, 'threads': torch.get_num_threads(),
            'device': args.device, 'phase_ms': phase_ms, 'params': n_params,
            'config': {'data': args.data, 'module': args.module, 'n': int(data.shape[0]),
                       'seq_len': args.seq_len, 'dim': int(data.shape[2]), 'hidden': args.hidden,
                       'layers': args.layers, 'batch_size': args.batch_size,
                       'iterations_per_phase': args.iterations_per_phase, 'warmup': args.warmup,
                       'd_step_fraction': round(trainer.d_steps / warm_joint, 4),
                       'device_name': device_name, 'init': args.init}}), flush=True)
        return

    t0 = time.perf_counter()
    seconds = trainer.train(args.iterations, args.log_every)
    samples = trainer.generate(args.n_samples or trainer.n)
    np.save(args.out, samples)
    if args.save_real:
        np.save(args.save_real, data.astype(np.float32))
    print(json.dumps({'out': args.out, 'shape': list(samples.shape), 'iterations': args.iterations,
                      'phase_seconds': {k: round(v, 2) for k, v in seconds.items()},
                      'total_seconds': round(time.perf_counter() - t0, 2), 'd_steps': trainer.d_steps,
                      'engine': 'pytorch', 'torch': torch.__version__, 'device': args.device,
                      'threads': torch.get_num_threads()}), flush=True)


if __name__ == '__main__':
    main()
