"""PyTorch reference for the playground's default Blind-SR steps (bench/run.mjs runs it).

The same models and steps as src/core/blindsr/trainer.ts with the default config (scale 2):
- degradation encoder: 3x3 convs 16-16-32(s2)-32-64(s2)-64 without bias, each followed by
  batch norm and LeakyReLU(0.1), global average pooling (h: 64); projection head
  64-64-64 with LeakyReLU(0.1); a momentum key encoder and head (m = 0.99, MoCo);
- stage 1: 16 query and 16 key patches of 24x24, keys from the key encoder (batch
  statistics, no gradient), weighted InfoNCE against a queue of 512 keys (tau 0.07),
  Adam lr 1e-3, running statistics, momentum update, enqueue;
- stage 2: the frozen encoder (running statistics) embeds 8 LR images of 48x48 (each
  image minus its per-channel mean first, as in stage 1); THREE upsamplers train side by
  side on the same batch (conditioned on the standardised representation, on zeros, and on
  the 4-number true degradation): each is a conditioning MLP c -> 32 (LeakyReLU), head conv
  3-24, two residual blocks of two 3x3 convs 24-24 with FiLM from z, tail conv 24-12, pixel
  shuffle x2, plus bicubic up-sampling of the input, plus z-weighted amounts of three
  fixed unsharp-mask bands of the LR input (9x9, up-sampled); L1 loss, Adam lr 2e-3.
Inputs are random: degradation and patch cutting are timed separately in the browser.
Usage: blindsr_step.py STAGE THREADS. Prints one JSON line.
"""
import json
import os
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

# the shared module of the exported scripts (src/export/python/playground.py)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'export', 'python'))
from playground import info_nce  # noqa: E402 (the path first)

CHANNELS = [16, 16, 32, 32, 64, 64]
STRIDES = [1, 1, 2, 1, 2, 1]


def encoder():
    layers, cin = [Centred()], 3
    for cout, stride in zip(CHANNELS, STRIDES):
        layers += [nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.LeakyReLU(0.1)]
        cin = cout
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten())


def head():
    return nn.Sequential(nn.Linear(64, 64), nn.LeakyReLU(0.1), nn.Linear(64, 64))


class Centred(nn.Module):
    """Each image minus its per-channel mean (the Blind-SR encoder's input)."""

    def forward(self, x):
        return x - x.mean(dim=(2, 3), keepdim=True)


class SrNet(nn.Module):
    def __init__(self, condition_dim, channels=24, blocks=2, scale=2, hidden=32, bands=3):
        super().__init__()
        self.scale = scale
        self.condition = nn.Linear(condition_dim, hidden)
        self.head = nn.Conv2d(3, channels, 3, 1, 1)
        self.first = nn.ModuleList(nn.Conv2d(channels, channels, 3, 1, 1) for _ in range(blocks))
        self.second = nn.ModuleList(nn.Conv2d(channels, channels, 3, 1, 1) for _ in range(blocks))
        self.film = nn.ModuleList(nn.Linear(hidden, 2 * channels) for _ in range(blocks))
        self.sharpen = nn.Linear(hidden, bands)
        self.tail = nn.Conv2d(channels, 3 * scale * scale, 3, 1, 1)

    def forward(self, low, up, bands, condition):
        z = F.leaky_relu(self.condition(condition), 0.1)
        x = self.head(low)
        for first, second, film in zip(self.first, self.second, self.film):
            gamma, beta = film(z)[:, :, None, None].chunk(2, dim=1)
            y = F.leaky_relu(first(x) * (1 + gamma) + beta, 0.1)
            x = x + second(y)
        residual = F.pixel_shuffle(self.tail(x), self.scale)
        sharpening = torch.einsum("bj,bjchw->bchw", self.sharpen(z), bands)
        return up + residual + sharpening


def stage1(steps):
    query = nn.Sequential(encoder(), head())
    key = nn.Sequential(encoder(), head())
    key.load_state_dict(query.state_dict())
    optimizer = torch.optim.Adam(query.parameters(), lr=1e-3)
    b, size, capacity = 16, 24, 512
    queue = F.normalize(torch.randn(capacity, 64), dim=1)
    pointer = 0
    query_patches = torch.rand(b, 3, size, size)
    key_patches = torch.rand(b, 3, size, size)
    weights = torch.rand(b, capacity) + 0.5
    times = []
    for _ in range(steps):
        start, cpu = time.perf_counter(), time.process_time()
        with torch.no_grad():
            keys = key(key_patches)  # training-mode BN, like the playground's key encoder
        loss = info_nce(query(query_patches), keys, queue, 0.07, weights)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            for kp, qp in zip(key.state_dict().values(), query.state_dict().values()):
                if kp.dtype.is_floating_point:
                    kp.mul_(0.99).add_(qp, alpha=0.01)
            queue[pointer : pointer + b] = F.normalize(keys, dim=1)
            pointer = (pointer + b) % capacity
        loss.item()
        times.append(((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000))
    return times


def stage2(steps):
    frozen = encoder().eval()
    nets = [SrNet(64), SrNet(64), SrNet(4)]
    optimizer = torch.optim.Adam([p for net in nets for p in net.parameters()], lr=2e-3)
    low_images = torch.rand(8, 3, 48, 48)
    low_patch = torch.rand(8, 3, 24, 24)
    hr_patch = torch.rand(8, 3, 48, 48)
    band_filters = torch.randn(9, 1, 9, 9)
    mean, std = torch.zeros(1, 64), torch.ones(1, 64)
    times = []
    for _ in range(steps):
        start, cpu = time.perf_counter(), time.process_time()
        with torch.no_grad():
            learned = (frozen(low_images) - mean) / std
            up = F.interpolate(low_patch, scale_factor=2, mode="bicubic", align_corners=False)
            padded = F.pad(low_patch, (4, 4, 4, 4), mode="replicate")
            filtered = F.conv2d(padded, band_filters, groups=3)  # [8, 9, 24, 24]
            bands = F.interpolate(filtered, scale_factor=2, mode="bicubic", align_corners=False)
            bands = bands.reshape(8, 3, 3, 48, 48).transpose(1, 2)  # [B, band, colour, H, W]
        oracle = torch.rand(8, 4)
        conditions = [learned, torch.zeros_like(learned), oracle]
        loss = sum((net(low_patch, up, bands, c) - hr_patch).abs().mean() for net, c in zip(nets, conditions))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        loss.item()
        times.append(((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000))
    return times


def main():
    stage = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    times = (stage1 if stage == 1 else stage2)(80)
    wall, cpu = zip(*times[10:])
    # cpuMsPerStep: CPU time of this process, the fair figure on a shared machine
    print(json.dumps({"stage": stage, "msPerStep": statistics.median(wall), "cpuMsPerStep": statistics.median(cpu), "threads": threads, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
