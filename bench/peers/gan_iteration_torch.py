# Provenance: copied unchanged (below this header) from the project's shared materials,
# shared/peers/gan_iteration_torch.py, so that the repository's benchmark stands alone.
# bench/workloadA.ts runs it with --threads 1 beside our engine and prints the ratio ours/PyTorch.
#
# PyTorch CPU peer for benchmark workload A: one recurrent-GAN iteration.
# Workload: G and D are each 3 stacked GRU (or LSTM) layers of 24 units + a linear head per step;
# G maps uniform noise [128, 24, 6] to sigmoid outputs [128, 24, 6]; D gives one logit per step.
# One iteration = one D update (real + fake, BCE with logits) + one G update (non-saturating
# BCE), Adam lr 1e-3. Prints one JSON line with the median ms per iteration after warm-up.
# usage: /usr/bin/python3 gan_iteration_torch.py --cell gru|lstm [--iters 30] [--warmup 5] [--threads 1]
# (needs Debian's python3-torch and OpenBLAS: apt-get install -y python3-torch libopenblas0-pthread;
#  without OpenBLAS, Debian's torch multiplies with the slow reference BLAS, 1.5-2x slower here)
import argparse, json, os, time, resource, sys

# torch.set_num_threads does not cap OpenBLAS's own pool: cap every pool before torch loads.
_threads = argparse.ArgumentParser(add_help=False)
_threads.add_argument('--threads', type=int, default=1)
for _var in ('OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS'):
    os.environ[_var] = str(_threads.parse_known_args()[0].threads)
import torch
import torch.nn as nn
import torch.nn.functional as Fn

ap = argparse.ArgumentParser()
ap.add_argument('--cell', default='gru')
ap.add_argument('--iters', type=int, default=30)
ap.add_argument('--warmup', type=int, default=5)
ap.add_argument('--threads', type=int, default=1)
ap.add_argument('--freeze-d', type=int, default=1, help='set D.requires_grad_(False) during G step')
a = ap.parse_args()
torch.set_num_threads(a.threads)
B, T, F, H, L, LR = 128, 24, 6, 24, 3, 1e-3
RNN = nn.GRU if a.cell == 'gru' else nn.LSTM


class Net(nn.Module):
    def __init__(self, out):
        super().__init__()
        self.rnn = RNN(F, H, num_layers=L, batch_first=True)
        self.head = nn.Linear(H, out)

    def forward(self, x):
        y, _ = self.rnn(x)
        return self.head(y)


torch.manual_seed(0)
G, D = Net(F), Net(1)
optG = torch.optim.Adam(G.parameters(), lr=LR)
optD = torch.optim.Adam(D.parameters(), lr=LR)
t = torch.arange(T, dtype=torch.float32).view(1, T, 1)
fr = 0.1 + 0.4 * torch.rand(B, 1, F)
ph = 6.28 * torch.rand(B, 1, F)
real = 0.5 + 0.5 * torch.sin(fr * t + ph)
ones = torch.ones(B, T, 1)
zeros = torch.zeros(B, T, 1)
bce = Fn.binary_cross_entropy_with_logits


def step():
    # D update
    z = torch.rand(B, T, F)
    with torch.no_grad():
        fake = torch.sigmoid(G(z))
    optD.zero_grad(set_to_none=True)
    ld = bce(D(real), ones) + bce(D(fake), zeros)
    ld.backward()
    optD.step()
    # G update (non-saturating)
    if a.freeze_d:
        D.requires_grad_(False)
    z = torch.rand(B, T, F)
    optG.zero_grad(set_to_none=True)
    lg = bce(D(torch.sigmoid(G(z))), ones)
    lg.backward()
    optG.step()
    if a.freeze_d:
        D.requires_grad_(True)
    return ld.item(), lg.item()


times = []
for i in range(a.warmup + a.iters):
    t0 = time.perf_counter()
    ld, lg = step()
    dt = (time.perf_counter() - t0) * 1e3
    if i >= a.warmup:
        times.append(dt)
times.sort()
print(json.dumps({
    'engine': 'pytorch', 'torch': torch.__version__, 'cell': a.cell, 'threads': torch.get_num_threads(),
    'iters': a.iters, 'warmup': a.warmup,
    'median_ms': round(times[len(times) // 2], 2), 'min_ms': round(times[0], 2), 'max_ms': round(times[-1], 2),
    'gParams': sum(p.numel() for p in G.parameters()), 'dParams': sum(p.numel() for p in D.parameters()),
    'lossD': round(ld, 4), 'lossG': round(lg, 4),
    'peakRSS_MB': round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
}))
