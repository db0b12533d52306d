"""The SimCLR lab's model and the metrics in torch, for simclr_mirror.py (src/core/nn/models.ts,
src/core/nn/layers.ts, src/core/simclr/family.ts, src/core/simclr/similarity.ts,
src/core/metrics.ts). The losses are playground.py's (src/export/python/)."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


# ----------------------------------------------------------------------------- model

def he_normal(shape, fan_in, gen):
    return torch.randn(shape, generator=gen) * math.sqrt(2 / fan_in)


class ConvBnRelu(nn.Module):
    """3x3 conv (no bias, tf 'same' padding) -> BN (biased batch variance, eps 1e-5; running
    averages with momentum .9, updated after the step) -> ReLU."""

    def __init__(self, cin, cout, stride, gen):
        super().__init__()
        self.stride = stride
        self.weight = nn.Parameter(he_normal((cout, cin, 3, 3), 9 * cin, gen))
        self.gamma = nn.Parameter(torch.ones(cout))
        self.beta = nn.Parameter(torch.zeros(cout))
        self.register_buffer('running_mean', torch.zeros(cout))
        self.register_buffer('running_var', torch.ones(cout))
        self.batch_stats = None

    def forward(self, x, training):
        size = x.shape[-1]
        out = -(-size // self.stride)
        total = max((out - 1) * self.stride + 3 - size, 0)
        top = total // 2
        x = F.pad(x, (top, total - top, top, total - top))
        y = F.conv2d(x, self.weight, stride=self.stride)
        if training:
            mean = y.mean((0, 2, 3))
            var = ((y - mean[None, :, None, None]) ** 2).mean((0, 2, 3))
            self.batch_stats = (mean.detach(), var.detach())
        else:
            mean, var = self.running_mean, self.running_var
        y = (y - mean[None, :, None, None]) * torch.rsqrt(var + 1e-5)[None, :, None, None]
        return F.relu(y * self.gamma[None, :, None, None] + self.beta[None, :, None, None])

    @torch.no_grad()
    def update_running(self, momentum=0.9):
        mean, var = self.batch_stats
        self.running_mean.mul_(momentum).add_(mean * (1 - momentum))
        self.running_var.mul_(momentum).add_(var * (1 - momentum))


class Dense(nn.Module):
    def __init__(self, cin, cout, gen):
        super().__init__()
        self.weight = nn.Parameter(he_normal((cin, cout), cin, gen))
        self.bias = nn.Parameter(torch.zeros(cout))

    def forward(self, x):
        return x @ self.weight + self.bias


class DenseBn(nn.Module):
    """Batch norm over the rows of [B, D] (the same BN as the convs', run as [B, D, 1, 1]),
    optionally followed by ReLU; the projector / predictor hidden layers of SimSiam and BYOL."""

    def __init__(self, dim, relu=True, affine=True):
        super().__init__()
        self.relu, self.affine = relu, affine
        self.gamma = nn.Parameter(torch.ones(dim), requires_grad=affine)
        self.beta = nn.Parameter(torch.zeros(dim), requires_grad=affine)
        self.register_buffer('running_mean', torch.zeros(dim))
        self.register_buffer('running_var', torch.ones(dim))
        self.batch_stats = None

    def forward(self, x, training):
        if training:
            mean = x.mean(0)
            var = ((x - mean) ** 2).mean(0)
            self.batch_stats = (mean.detach(), var.detach())
        else:
            mean, var = self.running_mean, self.running_var
        y = (x - mean) * torch.rsqrt(var + 1e-5) * self.gamma + self.beta
        return F.relu(y) if self.relu else y

    @torch.no_grad()
    def update_running(self, momentum=0.9):
        if self.batch_stats is None:
            return
        mean, var = self.batch_stats
        self.running_mean.mul_(momentum).add_(mean * (1 - momentum))
        self.running_var.mul_(momentum).add_(var * (1 - momentum))


class Predictor(nn.Module):
    """SimSiam h / BYOL q: Linear -> (BN) -> ReLU -> Linear (src/core/nn/models.ts makePredictor)."""

    def __init__(self, dim, hidden, gen, bn=True):
        super().__init__()
        self.hidden = Dense(dim, hidden, gen)
        self.norm = DenseBn(hidden) if bn else None
        self.out = Dense(hidden, dim, gen)

    def forward(self, z, training):
        y = self.hidden(z)
        y = self.norm(y, training) if self.norm is not None else F.relu(y)
        return self.out(y)

    def update_running(self):
        if self.norm is not None:
            self.norm.update_running()


class SimclrModel(nn.Module):
    """proj_bn: 'none' (the SimCLR lab: z = W2 relu(W1 h)), 'hidden' (BN before the ReLU),
    'all' (also a BN without affine on z: SimSiam's projector, BYOL's is 'hidden')."""

    def __init__(self, channels, strides, hidden, proj, gen, proj_bn='none'):
        super().__init__()
        layers, cin = [], 3
        for c, s in zip(channels, strides):
            layers.append(ConvBnRelu(cin, c, s, gen))
            cin = c
        self.layers = nn.ModuleList(layers)
        self.hidden = Dense(cin, hidden, gen)
        self.out = Dense(hidden, proj, gen)
        self.hidden_bn = DenseBn(hidden) if proj_bn in ('hidden', 'all') else None
        self.out_bn = DenseBn(proj, relu=False, affine=False) if proj_bn == 'all' else None

    def encode(self, x, training):
        for layer in self.layers:
            x = layer(x, training)
        return x.mean((2, 3))  # global average pool: h

    def project(self, h, training=True):
        y = self.hidden(h)
        y = self.hidden_bn(y, training) if self.hidden_bn is not None else F.relu(y)
        y = self.out(y)
        return self.out_bn(y, training) if self.out_bn is not None else y

    def update_running(self):
        for layer in self.layers:
            layer.update_running()
        for bn in (self.hidden_bn, self.out_bn):
            if bn is not None:
                bn.update_running()


# ----------------------------------------------------------------------------- metrics

def positive_top1(sim):
    """src/core/simclr/similarity.ts positiveTop1 on the [2N, 2N] cosine matrix."""
    m = sim.shape[0]
    s = sim.clone()
    s.fill_diagonal_(-float('inf'))
    pos = (torch.arange(m) + m // 2) % m
    return (s.argmax(1) == pos).float().mean().item()


def uniformity(zn, t=2.0):
    d2 = torch.cdist(zn, zn) ** 2
    iu = torch.triu_indices(zn.shape[0], zn.shape[0], 1)
    return torch.logsumexp(-t * d2[iu[0], iu[1]], 0).item() - math.log(iu.shape[1])


def knn_accuracy(bank, bank_labels, queries, query_labels, k=5):
    """src/core/metrics.ts knnAccuracy: cosine, majority of k, ties -> the nearer label."""
    b = F.normalize(bank, dim=1)
    q = F.normalize(queries, dim=1)
    order = (q @ b.t()).argsort(1, descending=True)[:, :k]
    correct = 0
    for i in range(q.shape[0]):
        top = bank_labels[order[i]].tolist()
        votes = {}
        for lab in top:
            votes[lab] = votes.get(lab, 0) + 1
        best, best_votes = top[0], 0
        for lab in top:
            if votes[lab] > best_votes:
                best, best_votes = lab, votes[lab]
        correct += int(best == int(query_labels[i]))
    return correct / q.shape[0]
