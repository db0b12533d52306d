"""PyTorch mirror of the playground's SimCLR lab (src/core/simclr.ts and what it uses).

Only torch and numpy. The random streams differ from the TypeScript sfc32 stream; every
distribution is the same:

  data      src/data/shapes.ts       procedural labelled shapes, rendered at 40 px with
                                     3x3 super-sampling; colour and background independent
                                     of the class; 48 train + 16 held-out per class
  views     src/core/augment.ts      crop (area in [min, 1], aspect in [3/4, 4/3]) -> flip
            src/core/image.ts        (p .5) -> colour jitter (p .8, random order) ->
                                     grayscale (p .2) -> blur (p .5, off by default);
                                     cropResize = bilinear at output pixel centres, clamped
  model     src/core/models.ts       3x3 conv without bias (tf 'same' padding) -> batch norm
            src/core/layers.ts       (batch statistics in training, biased variance, eps
            src/core/batchnorm.ts    1e-5; running averages momentum .9) -> ReLU; global
                                     average pool = h; head z = W2 relu(W1 h + b1) + b2;
                                     He-normal initial weights (std sqrt(2 / fan_in)),
                                     zero biases
  loss      src/core/losses.ts       NT-Xent, mean over the 2N anchors (or positive-only)
  optimizer src/core/optimizer.ts    Adam, betas .9/.999, eps 1e-7 (same update as
                                     torch.optim.Adam with eps 1e-7)
  metrics   src/core/similarity.ts   positive top-1 on the trained batch's cosine matrix of z
            src/core/metrics.ts      (the z of the training forward pass); kNN (k 5, cosine,
                                     majority, ties -> nearest) of h on the held-out split,
                                     images resized to the view size, BN running averages;
                                     uniformity (t 2) of the batch's normalised z

Beyond the app's options, the CLI exposes the data-design and schedule levers that the
defaults experiment tried (shape size, rotation, placement, class set, warm-up, cosine
decay, weight decay). Their defaults are the app's defaults (issue #11); the app's
earlier defaults were --size 32 --batch 32 --tau 0.5 --crop-min 0.35 --rotation 1.

  /usr/bin/python3 bench/reference/simclr_mirror.py --steps 600 --eval-every 50
  /usr/bin/python3 bench/reference/simclr_mirror.py --time-only      # ms/step, 1 thread
  # the app's earlier defaults (slow learners):
  /usr/bin/python3 bench/reference/simclr_mirror.py --size 32 --batch 32 --tau 0.5 \
      --crop-min 0.35 --rotation 1 --steps 600

The family (issue #16, src/core/family.ts): --method moco|simsiam|byol with --queue,
--momentum, --pred-hidden, --proj-bn none|hidden|all, --no-stopgrad, --pred-lr, --optimizer.
The lab's recommended settings per method:

  /usr/bin/python3 bench/reference/simclr_mirror.py --method moco --steps 300
  /usr/bin/python3 bench/reference/simclr_mirror.py --method simsiam --proj-bn hidden \
      --pred-hidden 64 --batch 32 --steps 600
  /usr/bin/python3 bench/reference/simclr_mirror.py --method byol --proj-bn all \
      --pred-hidden 64 --batch 32 --momentum 0.9 --steps 600

Prints one line per report (step, loss, top-1, kNN, uniformity, ms/step) and a final
JSON line.
"""
import argparse
import copy
import json
import math
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# ----------------------------------------------------------------------------- shapes

SHAPES = ['circle', 'square', 'triangle', 'ring', 'cross', 'star']
# extra distinct classes offered for data-design experiments (not in the app)
EXTRA_SHAPES = ['hexagon', 'diamond', 'bar', 'crescent', 'heart', 'arrow']


def hsv_to_rgb(h, s, v):
    """src/data/shapes.ts hsvToRgb."""
    def f(n):
        k = (n + h * 6) % 6
        return v - v * s * max(0.0, min(k, 4 - k, 1.0))
    return np.array([f(5), f(3), f(1)], dtype=np.float32)


def inside(shape, x, y):
    """Inside test in the shape's own frame (unit radius), vectorised."""
    r = np.hypot(x, y)
    if shape == 'circle':
        return r <= 1
    if shape == 'square':
        return (np.abs(x) <= 0.8) & (np.abs(y) <= 0.8)
    if shape == 'triangle':
        s3 = math.sqrt(3)
        return (y <= 0.5) & (s3 * x - y <= 1) & (-s3 * x - y <= 1)
    if shape == 'ring':
        return (r <= 1) & (r >= 0.55)
    if shape == 'cross':
        return ((np.abs(x) <= 0.3) & (np.abs(y) <= 1)) | ((np.abs(y) <= 0.3) & (np.abs(x) <= 1))
    if shape == 'star':
        angle = np.arctan2(y, x)
        t = np.abs((((angle * 5) / (2 * math.pi)) % 1) - 0.5) * 2  # 1 at the tips
        return r <= 0.45 + 0.55 * t
    # ---- extra classes
    if shape == 'hexagon':
        ax, ay = np.abs(x), np.abs(y)
        return (ay <= 0.866) & (math.sqrt(3) * ax + ay <= math.sqrt(3))
    if shape == 'diamond':
        return np.abs(x) / 0.6 + np.abs(y) <= 1
    if shape == 'bar':
        return (np.abs(x) <= 1) & (np.abs(y) <= 0.35)
    if shape == 'crescent':
        return (r <= 1) & (np.hypot(x - 0.45, y) >= 0.8)
    if shape == 'heart':
        xx, yy = x * 1.2, -y * 1.2 + 0.3
        return (xx * xx + yy * yy - 1) ** 3 - xx * xx * yy ** 3 <= 0
    if shape == 'arrow':
        return ((np.abs(y) <= 0.22) & (x >= -1) & (x <= 0.2)) | ((x >= 0.2) & (x <= 1) & (np.abs(y) <= (1 - x) * 0.75))
    raise ValueError(shape)


def sample_shape_spec(shape, rng, d):
    """src/data/shapes.ts sampleShapeSpec; d holds the data-design knobs (app: radius .3-.45,
    rotation 2 pi, free placement)."""
    radius = rng.uniform(d.radius_min, d.radius_max)
    hue = rng.random()
    bg_hue = (hue + rng.uniform(0.25, 0.75)) % 1
    if d.center_jitter < 0 or d.copies > 1:  # app: anywhere the shape fits
        cx = rng.uniform(radius, 1 - radius)
        cy = rng.uniform(radius, 1 - radius)
    else:  # centre +- center_jitter 
        cx = 0.5 + rng.uniform(-d.center_jitter, d.center_jitter)
        cy = 0.5 + rng.uniform(-d.center_jitter, d.center_jitter)
    extra = []  # further copies of the same shape (--copies), each its own pose
    placed = [(cx, cy, radius)]
    for _ in range(d.copies - 1):
        for _ in range(50):  # rejection: copies do not overlap
            r = rng.uniform(d.radius_min, d.radius_max)
            x, y = rng.uniform(r, 1 - r), rng.uniform(r, 1 - r)
            if all(math.hypot(x - px, y - py) > r + pr for px, py, pr in placed):
                break
        placed.append((x, y, r))
        extra.append(dict(radius=r, cx=x, cy=y, rotation=rng.uniform(0, d.rotation * 2 * math.pi)))
    return dict(
        shape=shape, radius=radius, cx=cx, cy=cy, extra=extra,
        rotation=rng.uniform(0, d.rotation * 2 * math.pi),
        color=hsv_to_rgb(hue, rng.uniform(0.6, 1), rng.uniform(0.75, 1)),
        background=hsv_to_rgb(bg_hue, rng.uniform(0.2, 0.6), rng.uniform(0.15, 0.5)),
    )


def render_shape(spec, size, samples=3):
    """src/data/shapes.ts renderShape: 3x3 super-sampled coverage, colour over background."""
    sub = (np.arange(size * samples) + 0.5) / samples / size  # (px + (sx + .5)/samples)/size
    cover = np.zeros((size * samples, size * samples), dtype=bool)
    for pose in [spec] + spec.get('extra', []):
        u = sub[None, :] - pose['cx']
        v = sub[:, None] - pose['cy']
        c, s = math.cos(pose['rotation']), math.sin(pose['rotation'])
        x = (c * u + s * v) / pose['radius']
        y = (-s * u + c * v) / pose['radius']
        cover |= inside(spec['shape'], x, y)
    cover = cover.astype(np.float32)
    a = cover.reshape(size, samples, size, samples).mean(axis=(1, 3))[..., None]
    return (spec['color'] * a + spec['background'] * (1 - a)).astype(np.float32)


def make_shapes_dataset(seed, size, d, per_class=48, held_out_per_class=16):
    """src/data/shapes.ts makeShapesDataset: class-balanced, shuffled train and held-out."""
    rng = np.random.default_rng(seed)

    def build(count):
        items = []
        for label, shape in enumerate(d.classes):
            for _ in range(count):
                items.append((render_shape(sample_shape_spec(shape, rng, d), size), label))
        order = rng.permutation(len(items))
        return (np.stack([items[i][0] for i in order]),
                np.array([items[i][1] for i in order], dtype=np.int64))

    train = build(per_class)
    held = build(held_out_per_class)
    return train, held


# ----------------------------------------------------------------------------- views

def luma(p):
    return 0.2989 * p[..., 0] + 0.587 * p[..., 1] + 0.114 * p[..., 2]


def sample_crop(rng, min_area):
    """data_util.py distorted_bounding_box_crop as src/core/augment.ts sampleCrop."""
    for _ in range(100):
        area = rng.uniform(min_area, 1)
        aspect = math.exp(rng.uniform(math.log(3 / 4), math.log(4 / 3)))
        w, h = math.sqrt(area * aspect), math.sqrt(area / aspect)
        if w <= 1 and h <= 1:
            return (rng.uniform(0, 1 - w), rng.uniform(0, 1 - h), w, h)
    return (0.0, 0.0, 1.0, 1.0)


def sample_view_params(a, rng):
    """src/core/augment.ts sampleViewParams (same draws, same probabilities)."""
    crop = sample_crop(rng, a.crop_min) if a.crop else (0.0, 0.0, 1.0, 1.0)
    flip = a.flip and rng.random() < 0.5
    jitter = None
    if a.jitter and rng.random() < 0.8:
        s = a.color_strength
        delta = 0.8 * s
        order = list(rng.permutation(4))  # 0 brightness, 1 contrast, 2 saturation, 3 hue
        jitter = dict(
            brightness=rng.uniform(max(0, 1 - delta), 1 + delta),
            contrast=rng.uniform(max(0, 1 - delta), 1 + delta),
            saturation=rng.uniform(max(0, 1 - delta), 1 + delta),
            hue=rng.uniform(-0.2 * s, 0.2 * s),
            order=order,
        )
    gray = a.grayscale and rng.random() < a.gray_p
    blur = rng.uniform(0.1, 2.0) if (a.blur and rng.random() < 0.5) else None
    return dict(crop=crop, flip=flip, jitter=jitter, gray=gray, blur=blur)


def crop_resize(images, boxes, out):
    """src/core/image.ts cropResize, batched: images [B, S, S, 3], boxes [B, 4] (x, y, w, h)."""
    b, size = images.shape[0], images.shape[1]
    boxes = np.asarray(boxes, dtype=np.float64)
    o = np.arange(out) + 0.5
    sx = boxes[:, 0:1] * size + o[None] * (boxes[:, 2:3] * size / out) - 0.5
    sy = boxes[:, 1:2] * size + o[None] * (boxes[:, 3:4] * size / out) - 0.5
    sx, sy = np.clip(sx, 0, size - 1), np.clip(sy, 0, size - 1)
    x0, y0 = np.floor(sx).astype(np.int64), np.floor(sy).astype(np.int64)
    x1, y1 = np.minimum(x0 + 1, size - 1), np.minimum(y0 + 1, size - 1)
    fx, fy = (sx - x0)[:, None, :, None], (sy - y0)[:, :, None, None]
    bi = np.arange(b)[:, None, None]
    g = lambda yy, xx: images[bi, yy[:, :, None], xx[:, None, :]]
    top = g(y0, x0) * (1 - fx) + g(y0, x1) * fx
    bottom = g(y1, x0) * (1 - fx) + g(y1, x1) * fx
    return (top * (1 - fy) + bottom * fy).astype(np.float32)


def adjust_hue(p, shift):
    """src/core/augment.ts adjustHue: rotate hue in HSV, keeping chroma and min."""
    r, g, b = p[..., 0], p[..., 1], p[..., 2]
    mx, mn = p.max(-1), p.min(-1)
    chroma = mx - mn
    safe = np.where(chroma == 0, 1, chroma)
    hue = np.where(mx == r, ((g - b) / safe + 6) % 6,
                   np.where(mx == g, (b - r) / safe + 2, (r - g) / safe + 4))
    hue = (((hue / 6 + shift) % 1) + 1) % 1
    h6 = hue * 6
    x = chroma * (1 - np.abs((h6 % 2) - 1))
    sector = np.floor(h6).astype(np.int64) % 6
    z = np.zeros_like(chroma)
    table = [(chroma, x, z), (x, chroma, z), (z, chroma, x), (z, x, chroma), (x, z, chroma), (chroma, z, x)]
    out = np.empty_like(p)
    for c in range(3):
        out[..., c] = np.choose(sector, [t[c] for t in table]) + mn
    return np.where((chroma == 0)[..., None], p, out)


def color_jitter(p, j):
    p = p.copy()
    for op in j['order']:
        if op == 0:
            p = np.clip(p * j['brightness'], 0, 1)
        elif op == 1:
            mean = p.reshape(-1, 3).mean(0)
            p = np.clip((p - mean) * j['contrast'] + mean, 0, 1)
        elif op == 2:
            grey = luma(p)[..., None]
            p = np.clip(grey + (p - grey) * j['saturation'], 0, 1)
        else:
            p = adjust_hue(p, j['hue'])
    return p


def gaussian_blur(p, sigma):
    size = p.shape[0]
    radius = max(1, size // 20)
    k = np.exp(-(np.arange(-radius, radius + 1) ** 2) / (2 * sigma * sigma))
    k /= k.sum()
    idx = np.arange(size)[:, None] + np.arange(-radius, radius + 1)[None]
    idx = np.where(idx < 0, -idx, np.where(idx >= size, 2 * size - 2 - idx, idx))
    p = (p[:, idx] * k[None, None, :, None]).sum(2)  # horizontal
    return (p[idx] * k[None, :, None, None]).sum(1)  # vertical


def make_views(images, params, out):
    """crop -> flip -> colour jitter -> grayscale -> blur (src/core/augment.ts applyView)."""
    v = crop_resize(images, [q['crop'] for q in params], out)
    for i, q in enumerate(params):
        if q['flip']:
            v[i] = v[i, :, ::-1]
        if q['jitter'] is not None:
            v[i] = color_jitter(v[i], q['jitter'])
        if q['gray']:
            v[i] = luma(v[i])[..., None]
        if q['blur'] is not None:
            v[i] = gaussian_blur(v[i], q['blur'])
    return v


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
    """SimSiam h / BYOL q: Linear -> (BN) -> ReLU -> Linear (src/core/models.ts makePredictor)."""

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


# ----------------------------------------------------------------------------- loss, metrics

def nt_xent(z1, z2, tau):
    """src/core/losses.ts ntXentLoss: mean of l(i, pos(i)) over the 2N anchors."""
    n = z1.shape[0]
    v = F.normalize(torch.cat([z1, z2]), dim=1, eps=1e-12)
    logits = v @ v.t() / tau - torch.eye(2 * n) * 1e9
    targets = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    return F.cross_entropy(logits, targets)


def positive_only(z1, z2, tau):
    return -(F.normalize(z1, dim=1) * F.normalize(z2, dim=1)).sum(1).div(tau).mean()


def info_nce(q, k, queue, tau):
    """src/core/losses.ts infoNceLoss (MoCo Algorithm 1): [q.k+, q.queue^T] / tau, label 0."""
    q, k = F.normalize(q, dim=1), F.normalize(k, dim=1)
    pos = (q * k).sum(1, keepdim=True) / tau
    neg = q @ F.normalize(queue, dim=1).t() / tau
    return (torch.logsumexp(torch.cat([pos, neg], 1), 1) - pos[:, 0]).mean()


def neg_cos(p, z):
    return -(F.normalize(p, dim=1) * F.normalize(z, dim=1)).sum(1).mean()


def positive_top1(sim):
    """src/core/similarity.ts positiveTop1 on the [2N, 2N] cosine matrix."""
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


# ----------------------------------------------------------------------------- training

def parse_ints(s):
    return [int(v) for v in s.split(',') if v]


def build_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--steps', type=int, default=600)
    p.add_argument('--batch', type=int, default=16, help='N images -> 2N views')
    p.add_argument('--size', type=int, default=16, help='view side (app: 16,24,32,48,64)')
    p.add_argument('--tau', type=float, default=0.2)
    p.add_argument('--lr', type=float, default=3e-3)
    p.add_argument('--channels', type=parse_ints, default=[16, 32, 64, 64])
    p.add_argument('--strides', type=parse_ints, default=[1, 2, 2, 2])
    p.add_argument('--hidden', type=int, default=64)
    p.add_argument('--proj', type=int, default=32)
    p.add_argument('--warmup', type=int, default=0, help='linear lr warm-up steps')
    p.add_argument('--cosine', type=int, default=0, help='cosine decay to 0 over this many steps (0: constant)')
    p.add_argument('--wd', type=float, default=0.0, help='decoupled weight decay (AdamW), 0: plain Adam')
    p.add_argument('--no-negatives', action='store_true', help='positive-only loss')
    # the family (src/core/simclr-config.ts method, queueSize, momentum, stopGradient, predictorHiddenDim)
    p.add_argument('--method', default='simclr', choices=['simclr', 'moco', 'simsiam', 'byol'])
    p.add_argument('--queue', type=int, default=256, help='MoCo: K keys')
    p.add_argument('--momentum', type=float, default=0.99, help='MoCo / BYOL target momentum')
    p.add_argument('--momentum-cosine', action='store_true', help='BYOL: m -> 1 by a cosine over --steps')
    p.add_argument('--pred-hidden', type=int, default=16, help='SimSiam / BYOL predictor width')
    p.add_argument('--pred-no-bn', action='store_true', help='predictor hidden layer without BN')
    p.add_argument('--pred-lr', type=float, default=None, help='predictor lr (default: --lr)')
    p.add_argument('--proj-bn', default='none', choices=['none', 'hidden', 'all'])
    p.add_argument('--no-stopgrad', action='store_true', help='SimSiam without stop-gradient')
    p.add_argument('--optimizer', default='adam', choices=['adam', 'sgd'])
    # augmentations (src/core/simclr-config.ts)
    p.add_argument('--crop-min', type=float, default=0.75)
    p.add_argument('--no-crop', action='store_true')
    p.add_argument('--no-flip', action='store_true')
    p.add_argument('--no-jitter', action='store_true')
    p.add_argument('--color-strength', type=float, default=0.5)
    p.add_argument('--no-grayscale', action='store_true')
    p.add_argument('--gray-p', type=float, default=0.2)
    p.add_argument('--blur', action='store_true')
    # data design (src/data/shapes.ts); defaults = the app today
    p.add_argument('--source-size', type=int, default=40)
    p.add_argument('--per-class', type=int, default=48)
    p.add_argument('--held-out', type=int, default=16)
    p.add_argument('--radius-min', type=float, default=0.3)
    p.add_argument('--radius-max', type=float, default=0.45)
    p.add_argument('--rotation', type=float, default=0.0, help='rotation range in turns (0: upright, the app; 1: full)')
    p.add_argument('--center-jitter', type=float, default=-1.0,
                   help='<0: anywhere it fits (app); else centre +- this fraction')
    p.add_argument('--copies', type=int, default=1, help='copies of the shape per image (app: 1)')
    p.add_argument('--classes', type=lambda s: s.split(','), default=list(SHAPES))
    # run
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--data-seed', type=int, default=None, help='default: --seed')
    p.add_argument('--eval-every', type=int, default=50)
    p.add_argument('--threads', type=int, default=1)
    p.add_argument('--time-only', action='store_true', help='time 60 steps, no evaluation')
    p.add_argument('--quiet', action='store_true', help='final JSON line only')
    a = p.parse_args(argv)
    a.crop, a.flip, a.jitter, a.grayscale = not a.no_crop, not a.no_flip, not a.no_jitter, not a.no_grayscale
    return a


def run(a):
    torch.set_num_threads(a.threads)
    gen = torch.Generator().manual_seed(a.seed)
    rng = np.random.default_rng(a.seed + 1000)
    (train_x, train_y), (held_x, held_y) = make_shapes_dataset(
        a.seed if a.data_seed is None else a.data_seed, a.source_size, a, a.per_class, a.held_out)
    model = SimclrModel(a.channels, a.strides, a.hidden, a.proj, gen, a.proj_bn)
    predictor = Predictor(a.proj, a.pred_hidden, gen, not a.pred_no_bn) if a.method in ('simsiam', 'byol') else None
    target = None
    if a.method in ('moco', 'byol'):  # the momentum copy starts equal to the online network
        target = copy.deepcopy(model)
        for t in target.parameters():
            t.requires_grad_(False)
    queue = None
    if a.method == 'moco':
        queue = F.normalize(torch.randn(a.queue, a.proj, generator=gen), dim=1)
        queue_ptr = 0
    groups = [dict(params=list(model.parameters()), fixed=False)]
    if predictor is not None:
        groups.append(dict(params=list(predictor.parameters()), fixed=a.pred_lr is not None,
                           lr=a.pred_lr if a.pred_lr is not None else a.lr))
    groups = [dict(g, params=[q for q in g['params'] if q.requires_grad]) for g in groups]
    if a.optimizer == 'sgd':
        opt = torch.optim.SGD(groups, lr=a.lr, momentum=0.9, weight_decay=a.wd)
    elif a.wd > 0:
        opt = torch.optim.AdamW(groups, lr=a.lr, eps=1e-7, weight_decay=a.wd)
    else:
        opt = torch.optim.Adam(groups, lr=a.lr, eps=1e-7)

    def lr_at(step):  # step counts from 1
        f = 1.0
        if a.warmup > 0:
            f = min(1.0, step / a.warmup)
        if a.cosine > 0:
            t = min(1.0, max(0, step - a.warmup) / max(1, a.cosine - a.warmup))
            f *= 0.5 * (1 + math.cos(math.pi * t))
        return a.lr * f

    def as_tensor(x):
        return torch.from_numpy(np.ascontiguousarray(x)).permute(0, 3, 1, 2).contiguous()

    full = [(0.0, 0.0, 1.0, 1.0)]
    eval_train = as_tensor(crop_resize(train_x, full * len(train_x), a.size))
    eval_held = as_tensor(crop_resize(held_x, full * len(held_x), a.size))

    @torch.no_grad()
    def knn():
        return knn_accuracy(model.encode(eval_train, False), torch.from_numpy(train_y),
                            model.encode(eval_held, False), torch.from_numpy(held_y))

    n = min(a.batch, len(train_x))
    order, cursor = [], 0
    history = []
    train_ms, aug_ms = [], []
    window = []
    steps = 60 if a.time_only else a.steps
    first_knn = None if a.time_only else knn()
    if not a.quiet and not a.time_only:
        print(f'step    0  knn {first_knn:.3f}', flush=True)
    for step in range(1, steps + 1):
        t0 = time.perf_counter()
        idx = []
        for _ in range(n):  # epoch by epoch without replacement
            if cursor >= len(order):
                order, cursor = list(rng.permutation(len(train_x))), 0
            idx.append(order[cursor])
            cursor += 1
        imgs = train_x[idx]
        params = [sample_view_params(a, rng) for _ in range(2 * n)]
        pa = [params[2 * i] for i in range(n)]  # a and b drawn per image, as in makeViews
        pb = [params[2 * i + 1] for i in range(n)]
        views = np.concatenate([make_views(imgs, pa, a.size), make_views(imgs, pb, a.size)])
        x = as_tensor(views)
        t1 = time.perf_counter()
        for g in opt.param_groups:
            if not g.get('fixed'):
                g['lr'] = lr_at(step)
        if target is not None:
            with torch.no_grad():
                keys = target.project(target.encode(x, True))
        z = model.project(model.encode(x, True))
        if a.method == 'moco':
            loss = 0.5 * (info_nce(z[:n], keys[n:], queue, a.tau) + info_nce(z[n:], keys[:n], queue, a.tau))
        elif a.method in ('simsiam', 'byol'):
            p_ = predictor(z, True)
            t_ = keys if a.method == 'byol' else (z if a.no_stopgrad else z.detach())
            loss = 0.5 * (neg_cos(p_[:n], t_[n:]) + neg_cos(p_[n:], t_[:n]))
            if a.method == 'byol':
                loss = 2 + 2 * loss
        else:
            loss = positive_only(z[:n], z[n:], a.tau) if a.no_negatives else nt_xent(z[:n], z[n:], a.tau)
        opt.zero_grad()
        loss.backward()
        opt.step()
        model.update_running()
        if predictor is not None:
            predictor.update_running()
        if target is not None:
            m = a.momentum
            if a.momentum_cosine:  # BYOL eq. (schedule): 1 - (1 - m0)(cos(pi k / K) + 1) / 2
                m = 1 - (1 - a.momentum) * (math.cos(math.pi * step / steps) + 1) / 2
            with torch.no_grad():
                for t, o in zip(target.state_dict().values(), model.state_dict().values()):
                    t.mul_(m).add_(o.detach() * (1 - m))
            if queue is not None:  # MoCo builder.py: enqueue after the loss, the second views' keys
                for row in F.normalize(keys[n:], dim=1):
                    queue[queue_ptr] = row
                    queue_ptr = (queue_ptr + 1) % queue.shape[0]
        t2 = time.perf_counter()
        aug_ms.append((t1 - t0) * 1000)
        train_ms.append((t2 - t1) * 1000)
        if a.time_only:
            continue
        with torch.no_grad():
            zn = F.normalize(z.detach(), dim=1, eps=1e-12)
            top1 = positive_top1(zn @ zn.t())
            window.append(top1)
        if step % a.eval_every == 0 or step == steps:
            acc = knn()
            unif = uniformity(zn)
            rec = dict(step=step, loss=round(loss.item(), 4), top1=round(top1, 3),
                       top1_avg=round(float(np.mean(window)), 3), knn=round(acc, 4),
                       uniformity=round(unif, 3), ms=round(float(np.median(train_ms)), 2))
            history.append(rec)
            window = []
            if not a.quiet:
                print(f"step {step:4d}  loss {rec['loss']:.3f}  top1 {top1:.3f} (avg {rec['top1_avg']:.3f})  "
                      f"knn {acc:.3f}  unif {unif:.2f}  {rec['ms']:.1f} ms/step (+{np.median(aug_ms):.1f} aug)",
                      flush=True)
    result = dict(ms_per_step=round(float(np.median(train_ms[5:] or train_ms)), 2),
                  aug_ms=round(float(np.median(aug_ms)), 2), knn0=first_knn, history=history)
    print(json.dumps(result), flush=True)
    return result


if __name__ == '__main__':
    run(build_args())
