"""PyTorch mirror of the playground's Blind-SR lab (src/core/blindsr/), for experiments.

torch + numpy + the standard library, and src/export/python/playground.py (the page's
random stream and InfoNCE, shared with the exported scripts). Runs on one CPU thread.

What is mirrored from the TypeScript (file by file):
  src/core/random.ts         sfc32 + splitmix32 seeding (playground.py; used for the procedural
                             textures, so the HR pool is pixel-identical to the app's default)
  src/data/textures.ts       the 12 procedural 192x192 HR textures (hrSource 'textures')
  src/data/photos.ts         the 11 PNG photos of public/samples (hrSource 'photos'; a tiny PNG decoder)
  src/core/image.ts          cropResize (bilinear, pixel-centre sampling) for the random HR crops
  src/core/blindsr/degrade.ts  Gaussian kernels (isotropic / anisotropic), reflection padding,
                             MATLAB-style antialiased bicubic matrices, noise U[0, n]/255, clamp
  src/core/blindsr/degradation-prior.ts  the negatives' weights
  src/core/blindsr/patches.ts  the four 24x24 quadrants of the 48x48 LR image
  src/core/queue.ts          MoCo FIFO queue of L2-normalised keys, random unit vectors at start
  src/core/nn/losses.ts      infoNceLoss, weightedInfoNceLoss (playground.py info_nce)
  src/core/nn/layers.ts      He-normal init, tfjs 'same' padding (stride 2: pad bottom/right only)
  src/core/nn/models.ts      conv -> batch norm (batch stats in training, biased variance, eps
                             1e-5, running averages momentum 0.9 updated after the step) ->
                             LeakyReLU 0.1, global average pooling; head dense-leaky-dense
  src/core/nn/optimizer.ts   Adam(0.9, 0.999, eps 1e-7) -- identical to torch.optim.Adam(eps=1e-7)
  src/core/blindsr/srnet.ts  FiLM residual blocks, zero-initialised modulation and tail, pixel
                             shuffle in tfjs' channel layout, + bicubic up-sampling
  src/core/metrics.ts        spearman (stable-sort ranks, as JS), psnr; src/core/pca.ts: PC1 (SVD)
  src/core/blindsr/trainer.ts  stage 1 (MoCo contrast, pairing 'image' | 'degradation'), stage 2 (L1)
  src/core/blindsr/eval.ts   the 8 sigma x 6 content grid for Spearman(sigma, PC1)

Beyond the app (the experiments of the stage-2 redesign), see `SrNet` and `stage2`:
  * three upsamplers trained side by side from one init on the same batches:
      learned  -- conditioned on the frozen stage-1 representation h
      without  -- the same network, trained with its conditioning input fixed at zero
      oracle   -- conditioned on the true degradation (normalised sigma)
  * conditioning designs: 'film' (the app's), 'film_mlp', 'kpn' (a free per-image kernel:
    unstable), 'usm' (film_mlp + per-image amounts of three fixed unsharp-mask bands on the
    LR input, then up-sampled: the recommended design); see SrNet.
  * --center-input: the encoder sees each image minus its per-channel mean (recommended:
    without it PC1 of h follows content brightness/colour and Spearman stalls near 0.25).
  * --rep-norm: h standardised per dimension (mean/std over 128 random LR images, taken once
    at the start of stage 2) before the conditioning MLP.
  * evaluation on a fixed held-out set of mixed blurs (8 sigma bins x 8 crops, whole 48x48 LR
    images -> 96x96), PSNR overall and per sigma bin.

Usage:
  app today:       python3 blindsr_mirror.py both --steps1 240 --steps2 300 --cond film
  recommended:     python3 blindsr_mirror.py both --center-input 1 --steps1 300 --steps2 300 \
                       --cond usm --kpn-size 9 --rep-norm 1
  pairing switch:  python3 blindsr_mirror.py stage1 --center-input 1 --pairing image
Prints JSON lines (stage-1 |Spearman|, stage-2 PSNR bicubic/learned/without/oracle).
"""
import argparse
import json
import math
import os
import struct
import sys
import time
import zlib

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))

# the page's random stream and losses, as the exported scripts have them
# (src/export/python/playground.py: sfc32 seeded by splitmix32, weighted InfoNCE)
sys.path.insert(0, os.path.join(REPO, 'src', 'export', 'python'))
from playground import Random, info_nce  # noqa: E402 (the path first)


# --------------------------------------------------------------------------------------
# HR pools: textures.ts (default) and photos.ts
# --------------------------------------------------------------------------------------
def make_texture(size, random):
    """textures.ts makeTexture: 3 oriented gratings + 6 hard-edged rectangles."""
    gratings = []
    for _ in range(3):
        f = random.uniform(0.05, 0.45)
        angle = random.uniform(0, math.pi)
        phase = random.uniform(0, 2 * math.pi)
        colour = [random.next(), random.next(), random.next()]
        gratings.append((f, angle, phase, colour))
    rects = []
    for _ in range(6):
        w = random.uniform(0.1, 0.5) * size
        h = random.uniform(0.1, 0.5) * size
        x = random.uniform(0, size - w)
        y = random.uniform(0, size - h)
        colour = [random.next(), random.next(), random.next()]
        rects.append((x, y, w, h, colour))
    yy, xx = np.meshgrid(np.arange(size, dtype=np.float64), np.arange(size, dtype=np.float64),
                         indexing='ij')
    value = np.full((size, size, 3), 0.5)
    for f, angle, phase, colour in gratings:
        t = np.sin(2 * math.pi * f * (xx * math.cos(angle) + yy * math.sin(angle)) + phase)
        value += 0.18 * t[..., None] * (np.array(colour) - 0.3)
    for x, y, w, h, colour in rects:
        inside = (xx >= x) & (xx < x + w) & (yy >= y) & (yy < y + h)
        value[inside] = 0.6 * value[inside] + 0.4 * np.array(colour)
    return np.clip(value, 0, 1).astype(np.float32)


def make_textures(seed, size=192, count=12):
    r = Random(seed)
    return [make_texture(size, r) for _ in range(count)]


PHOTO_NAMES = ['astronaut', 'brick', 'camera', 'chelsea', 'coffee', 'grass', 'gravel', 'horse',
               'hubble_deep_field', 'retina', 'rocket']


def read_png(path):
    """Minimal PNG decoder: 8-bit RGB/RGBA/grey, non-interlaced (the shipped samples)."""
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n'
    pos, idat, w = 8, b'', 0
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            w, h, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', chunk)
            assert depth == 8 and interlace == 0
        elif kind == b'IDAT':
            idat += chunk
        pos += 12 + length
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[ctype]
    raw = np.frombuffer(zlib.decompress(idat), dtype=np.uint8)
    stride = w * channels
    out = np.zeros((h, stride), dtype=np.int32)
    prev = np.zeros(stride, dtype=np.int32)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)].astype(np.int32)
        cur = np.zeros(stride, dtype=np.int32)
        if f == 0:
            cur = line
        elif f == 2:
            cur = (line + prev) & 255
        else:
            for i in range(stride):
                a = cur[i - channels] if i >= channels else 0
                b = prev[i]
                c = prev[i - channels] if i >= channels else 0
                if f == 1:
                    p = a
                elif f == 3:
                    p = (a + b) >> 1
                else:
                    pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                    p = a if (pa <= pb and pa <= pc) else (b if pb <= pc else c)
                cur[i] = (line[i] + p) & 255
        out[y] = cur
        prev = cur
    img = out.reshape(h, w, channels)
    if channels < 3:
        img = np.repeat(img[..., :1], 3, axis=2)
    return (img[..., :3] / 255.0).astype(np.float32)


def load_photos():
    return [read_png(os.path.join(REPO, 'public', 'samples', n + '.png')) for n in PHOTO_NAMES]


def load_pool(source, seed):
    return load_photos() if source == 'photos' else make_textures(seed)


# --------------------------------------------------------------------------------------
# image.ts cropResize (the random HR crops of BlindSrTrainer.sampleHr)
# --------------------------------------------------------------------------------------
def crop_resize(image, bx, by, side, out):
    """Bilinear sampling at output pixel centres of the box (normalised), border-clamped."""
    n = image.shape[0]
    scale = side * n / out
    if abs(scale - 1) < 1e-9:  # the usual case: a shifted copy, bilinear by a constant fraction
        sx, sy = bx * n, by * n
        x0, y0 = int(math.floor(sx)), int(math.floor(sy))
        fx, fy = sx - x0, sy - y0
        x1, y1 = min(x0 + 1, n - out), min(y0 + 1, n - out)
        if x0 + out <= n and y0 + out <= n:
            a = image[y0:y0 + out]
            b = image[y1:y1 + out]
            top = a[:, x0:x0 + out] * (1 - fx) + a[:, x1:x1 + out] * fx
            bottom = b[:, x0:x0 + out] * (1 - fx) + b[:, x1:x1 + out] * fx
            return (top * (1 - fy) + bottom * fy).astype(np.float32)
    coords = lambda b: np.clip(b * n + (np.arange(out) + 0.5) * scale - 0.5, 0, n - 1)
    sx, sy = coords(bx), coords(by)
    x0, y0 = np.floor(sx).astype(int), np.floor(sy).astype(int)
    x1, y1 = np.minimum(x0 + 1, n - 1), np.minimum(y0 + 1, n - 1)
    fx, fy = (sx - x0)[None, :, None], (sy - y0)[:, None, None]
    top = image[y0][:, x0] * (1 - fx) + image[y0][:, x1] * fx
    bottom = image[y1][:, x0] * (1 - fx) + image[y1][:, x1] * fx
    return (top * (1 - fy) + bottom * fy).astype(np.float32)


def sample_hr(pool, count, size, rng, integer_offsets=False):
    """sampleHr: a random crop of side `size` (px of the 192 pool image), no flip.
    integer_offsets: snap the crop to the pixel grid (no bilinear half-pixel smoothing)."""
    images, sources = [], []
    for _ in range(count):
        s = int(rng.integers(len(pool)))
        img = pool[s]
        n = img.shape[0]
        side = min(1.0, size / n)
        bx, by = rng.uniform(0, 1 - side), rng.uniform(0, 1 - side)
        if integer_offsets:
            bx, by = round(bx * n) / n, round(by * n) / n
        images.append(crop_resize(img, bx, by, side, size))
        sources.append(s)
    return torch.from_numpy(np.stack(images)).permute(0, 3, 1, 2).contiguous(), sources


# --------------------------------------------------------------------------------------
# degrade.ts
# --------------------------------------------------------------------------------------
def sample_degradation(ranges, rng):
    kind, smin, smax, nmax = ranges
    noise = rng.uniform(0, nmax) if nmax > 0 else 0.0
    if kind == 'isotropic':
        s = rng.uniform(smin, smax)
        return dict(kind=kind, sigma=s, l1=s, l2=s, theta=0.0, noise=noise)
    l1, l2, th = rng.uniform(smin, smax), rng.uniform(smin, smax), rng.uniform(0, math.pi)
    return dict(kind=kind, sigma=math.sqrt(l1 * l2), l1=l1, l2=l2, theta=th, noise=noise)


def iso(sigma, noise=0.0):
    return dict(kind='isotropic', sigma=sigma, l1=sigma, l2=sigma, theta=0.0, noise=noise)


def blur_kernel(d, size):
    c, s = math.cos(d['theta']), math.sin(d['theta'])
    a = c * c * d['l1'] ** 2 + s * s * d['l2'] ** 2
    b = c * s * (d['l1'] ** 2 - d['l2'] ** 2)
    dd = s * s * d['l1'] ** 2 + c * c * d['l2'] ** 2
    det = a * dd - b * b
    inv = (dd / det, -b / det, a / det)
    u = np.arange(size) - (size - 1) / 2
    v, u = np.meshgrid(u, u, indexing='ij')
    k = np.exp(-0.5 * (inv[0] * u * u + 2 * inv[1] * u * v + inv[2] * v * v))
    return (k / k.sum()).astype(np.float32)


def _cubic(x):
    ax = abs(x)
    if ax <= 1:
        return 1.5 * ax ** 3 - 2.5 * ax ** 2 + 1
    if ax <= 2:
        return -0.5 * ax ** 3 + 2.5 * ax ** 2 - 4 * ax + 2
    return 0.0


_bicubic_cache = {}


def bicubic_matrix(n_in, n_out):
    """[out, in]; antialiased when shrinking (MATLAB imresize), symmetric borders."""
    key = (n_in, n_out)
    if key in _bicubic_cache:
        return _bicubic_cache[key]
    scale = n_out / n_in
    aa = scale < 1
    width = 4 / scale if aa else 4
    m = np.zeros((n_out, n_in), dtype=np.float64)
    for i in range(n_out):
        centre = (i + 0.5) / scale - 0.5
        first = math.floor(centre - width / 2)
        row, total = [], 0.0
        for k in range(math.ceil(width) + 2):
            j = first + k
            dist = centre - j
            w = scale * _cubic(scale * dist) if aa else _cubic(dist)
            if w == 0:
                continue
            src = j
            while src < 0 or src >= n_in:
                src = -src - 1 if src < 0 else 2 * n_in - src - 1
            row.append((src, w))
            total += w
        for src, w in row:
            m[i, src] += w / total
    t = torch.from_numpy(m.astype(np.float32))
    _bicubic_cache[key] = t
    return t


_conv_plan_cache = {}


def _conv_plan(n_in, n_out):
    """The bicubic matrix as a strided, multi-phase 1-D convolution over a symmetrically
    padded input (exact: for integer factors every row is a shifted copy of an interior row
    of its phase, and symmetric padding reproduces the matrix's border folding).
    Used because this torch build's BLAS is the slow reference one; convs are fast."""
    key = (n_in, n_out)
    if key in _conv_plan_cache:
        return _conv_plan_cache[key]
    m = bicubic_matrix(n_in, n_out).numpy()
    if n_out <= n_in:
        up, stride = 1, n_in // n_out
    else:
        up, stride = n_out // n_in, 1
    assert up * n_in == n_out * stride, 'integer factors only'
    rows = []  # per phase: (offset of first tap relative to q*stride, taps)
    for p in range(up):
        q = (n_out // up) // 2  # an interior output row of this phase
        r = q * up + p
        nz = np.nonzero(m[r])[0]
        a, b = nz[0], nz[-1]
        rows.append((a - q * stride, m[r, a:b + 1]))
    lo = min(o for o, _ in rows)
    hi = max(o + len(t) for o, t in rows)
    kernel = np.zeros((up, 1, 1, hi - lo), dtype=np.float32)
    for p, (o, t) in enumerate(rows):
        kernel[p, 0, 0, o - lo:o - lo + len(t)] = t
    left = -lo
    count = n_out // up
    right = max(0, (count - 1) * stride + hi - n_in)
    idx = []
    for j in range(-left, n_in + right):
        src = j
        while src < 0 or src >= n_in:
            src = -src - 1 if src < 0 else 2 * n_in - src - 1
        idx.append(src)
    plan = (torch.from_numpy(kernel), torch.tensor(idx), stride, up, count)
    _conv_plan_cache[key] = plan
    return plan


def _resize_last(x, out):
    """x: [N, H, W] -> [N, H, out] along the last axis."""
    kernel, idx, stride, up, count = _conv_plan(x.shape[-1], out)
    n, h, _ = x.shape
    y = F.conv2d(x[:, None, :, idx], kernel, stride=(1, stride))[..., :count]  # [N, up, H, cnt]
    return y.permute(0, 2, 3, 1).reshape(n, h, count * up)


def bicubic_resize(x, out):
    """resize.ts bicubicResize: x [B, C, H, W] square -> [B, C, out, out] (separable)."""
    b, c, h, w = x.shape
    y = _resize_last(x.reshape(b * c, h, w), out)          # along W
    y = _resize_last(y.transpose(1, 2), out).transpose(1, 2)  # along H
    return y.reshape(b, c, out, out)


def bicubic_resize_matrix(x, out):
    """Reference form (two matrix products), for the test of the conv form."""
    m = bicubic_matrix(x.shape[-1], out)
    return torch.matmul(torch.matmul(m, x), m.t())


def blur_batch(x, degradations, ksize):
    """Per-image Gaussian blur, reflection padding (tf.mirrorPad 'reflect').
    Isotropic kernels are separable (exactly: the normalised product of two 1-D Gaussians)."""
    b, c, h, w = x.shape
    half = ksize // 2
    xp = F.pad(x, (half, half, half, half), mode='reflect').reshape(1, b * c, h + 2 * half,
                                                                   w + 2 * half)
    if all(d['kind'] == 'isotropic' for d in degradations):
        u = np.arange(ksize) - (ksize - 1) / 2
        k1 = np.stack([np.exp(-0.5 * u * u / d['sigma'] ** 2) for d in degradations])
        k1 = torch.from_numpy((k1 / k1.sum(1, keepdims=True)).astype(np.float32))
        k1 = k1.repeat_interleave(c, 0)
        y = F.conv2d(xp, k1[:, None, None, :], groups=b * c)
        y = F.conv2d(y, k1[:, None, :, None], groups=b * c)
    else:
        k = torch.from_numpy(np.stack([blur_kernel(d, ksize) for d in degradations]))
        y = F.conv2d(xp, k.repeat_interleave(c, 0)[:, None], groups=b * c)
    return y.reshape(b, c, h, w)


def degrade_batch(hr, degradations, scale, ksize, rng):
    """HR [B,3,H,W] -> LR [B,3,H/s,W/s]: blur, bicubic down, noise U[0,n]/255, clamp."""
    low = bicubic_resize(blur_batch(hr, degradations, ksize), round(hr.shape[-1] / scale))
    levels = torch.tensor([d['noise'] / 255 for d in degradations], dtype=torch.float32)
    if levels.max() > 0:
        noise = torch.from_numpy(rng.standard_normal(low.shape).astype(np.float32))
        low = low + noise * levels[:, None, None, None]
    return low.clamp(0, 1)


def degradation_distance(a, b, ranges):
    kind, smin, smax, nmax = ranges
    span = math.log(smax / smin) or 1
    d1 = math.log(a['l1'] / b['l1']) / span
    d2 = math.log(a['l2'] / b['l2']) / span
    ang = math.sin(a['theta'] - b['theta']) * abs(d1 - d2) if a['kind'] == 'anisotropic' else 0
    nz = (a['noise'] - b['noise']) / nmax if nmax > 0 else 0
    return math.sqrt(d1 * d1 + d2 * d2 + ang * ang + nz * nz)


def negative_weights_matrix(queries, entries, ranges, gamma):
    """[B, K]: w = 1 - exp(-d^2 / 2 gamma^2), 1 for the random start, each row mean 1.
    Vectorised form of negativeWeights (isotropic/anisotropic, noise)."""
    kind, smin, smax, nmax = ranges
    span = math.log(smax / smin) or 1
    known = np.array([e is not None for e in entries])
    g = lambda key, default: np.array([e[key] if e is not None else default for e in entries])
    L1, L2, TH, NZ = g('l1', 1.0), g('l2', 1.0), g('theta', 0.0), g('noise', 0.0)
    rows = []
    for q in queries:
        d1 = np.log(q['l1'] / L1) / span
        d2 = np.log(q['l2'] / L2) / span
        ang = np.sin(q['theta'] - TH) * np.abs(d1 - d2) if q['kind'] == 'anisotropic' else 0
        nz = (q['noise'] - NZ) / nmax if nmax > 0 else 0
        dist2 = d1 * d1 + d2 * d2 + ang * ang + nz * nz
        w = np.where(known, 1 - np.exp(-dist2 / (2 * gamma * gamma)), 1.0)
        m = w.mean()
        rows.append(w / m if m > 0 else w)
    return torch.from_numpy(np.stack(rows).astype(np.float32))


# --------------------------------------------------------------------------------------
# layers.ts / models.ts
# --------------------------------------------------------------------------------------
def he_(t, fan_in, gain=1.0):
    with torch.no_grad():
        t.normal_(0, gain * math.sqrt(2 / fan_in))
    return t


class Conv(nn.Module):
    """3x3 conv with tfjs 'same' padding (stride 2 on an even size pads bottom/right only)."""

    def __init__(self, cin, cout, k=3, stride=1, bias=True, gain=1.0):
        super().__init__()
        self.weight = nn.Parameter(he_(torch.empty(cout, cin, k, k), k * k * cin, gain))
        self.bias = nn.Parameter(torch.zeros(cout)) if bias else None
        self.k, self.stride = k, stride

    def forward(self, x):
        n = x.shape[-1]
        out = math.ceil(n / self.stride)
        total = max((out - 1) * self.stride + self.k - n, 0)
        top = total // 2
        x = F.pad(x, (top, total - top, top, total - top))
        return F.conv2d(x, self.weight, self.bias, self.stride)


class Dense(nn.Module):
    def __init__(self, fin, fout, gain=1.0):
        super().__init__()
        self.weight = nn.Parameter(he_(torch.empty(fin, fout), fin, gain))
        self.bias = nn.Parameter(torch.zeros(fout))

    def forward(self, x):
        return x @ self.weight + self.bias


class BatchNorm(nn.Module):
    """layers.ts applyBatchNorm: batch stats (biased var) in training; running averages
    (momentum 0.9) are updated by the trainer *after* the optimizer step."""

    def __init__(self, c):
        super().__init__()
        self.gamma = nn.Parameter(torch.ones(c))
        self.beta = nn.Parameter(torch.zeros(c))
        self.register_buffer('mean', torch.zeros(c))
        self.register_buffer('var', torch.ones(c))
        self.pending = None

    def forward(self, x, training):
        if training:
            m = x.mean((0, 2, 3))
            v = ((x - m[None, :, None, None]) ** 2).mean((0, 2, 3))
            self.pending = (m.detach(), v.detach())
        else:
            m, v = self.mean, self.var
        xh = (x - m[None, :, None, None]) * torch.rsqrt(v[None, :, None, None] + 1e-5)
        return xh * self.gamma[None, :, None, None] + self.beta[None, :, None, None]

    @torch.no_grad()
    def commit(self, momentum=0.9):
        if self.pending is not None:
            self.mean.mul_(momentum).add_(self.pending[0] * (1 - momentum))
            self.var.mul_(momentum).add_(self.pending[1] * (1 - momentum))
            self.pending = None


ENCODER_CHANNELS = [16, 16, 32, 32, 64, 64]
ENCODER_STRIDES = [1, 1, 2, 1, 2, 1]


class Encoder(nn.Module):
    """DASR's degradation encoder, browser-sized: 16-16-32(s2)-32-64(s2)-64, BN, LeakyReLU 0.1,
    global average pooling -> h (64)."""

    def __init__(self, channels=ENCODER_CHANNELS, strides=ENCODER_STRIDES):
        super().__init__()
        cin, convs, norms = 3, [], []
        for c, s in zip(channels, strides):
            convs.append(Conv(cin, c, 3, s, bias=False))
            norms.append(BatchNorm(c))
            cin = c
        self.convs, self.norms = nn.ModuleList(convs), nn.ModuleList(norms)
        self.out_dim = cin

    center = False  # experiment: subtract each image's per-channel mean at the input

    def forward(self, x, training):
        if self.center:
            x = x - x.mean((2, 3), keepdim=True)
        for conv, norm in zip(self.convs, self.norms):
            x = F.leaky_relu(norm(conv(x), training), 0.1)
        return x.mean((2, 3))

    def commit(self):
        for n in self.norms:
            n.commit()

    def drop_pending(self):
        for n in self.norms:
            n.pending = None


class Head(nn.Module):
    def __init__(self, d, hidden=64, out=64):
        super().__init__()
        self.hidden, self.out = Dense(d, hidden), Dense(hidden, out)

    def forward(self, h):
        return self.out(F.leaky_relu(self.hidden(h), 0.1))


# --------------------------------------------------------------------------------------
# metrics.ts / pca.ts
# --------------------------------------------------------------------------------------
def spearman(x, y):
    """metrics.ts spearman: ranks by (stable) sort position, ties not averaged."""
    rank = lambda v: np.argsort(np.argsort(np.asarray(v, dtype=np.float64), kind='stable'),
                                kind='stable').astype(np.float64)
    rx, ry = rank(x), rank(y)
    mx = (len(rx) - 1) / 2
    num = ((rx - mx) * (ry - mx)).sum()
    den = math.sqrt(((rx - mx) ** 2).sum() * ((ry - mx) ** 2).sum()) or 1
    return num / den


def pc1(data):
    x = data - data.mean(0, keepdims=True)
    _, s, vt = np.linalg.svd(x, full_matrices=False)
    return x @ vt[0], (s[0] ** 2) / max((s ** 2).sum(), 1e-30)


def psnr(a, b):
    mse = float(((a - b) ** 2).mean())
    return float('inf') if mse == 0 else 10 * math.log10(1 / mse)


# --------------------------------------------------------------------------------------
# srnet.ts, and the stage-2 designs explored
# --------------------------------------------------------------------------------------
USM_SIGMAS = (0.5, 1.0, 2.0)


def pixel_shuffle_tfjs(x, s):
    """tfjs layout: channel = (row offset * s + column offset) * 3 + colour."""
    b, cs, h, w = x.shape
    c = cs // (s * s)
    return x.reshape(b, s, s, c, h, w).permute(0, 3, 4, 1, 5, 2).reshape(b, c, h * s, w * s)


class SrNet(nn.Module):
    """srnet.ts and its variants.

    head conv 3->C; `blocks` residual blocks  x + conv2(lrelu(FiLM(conv1(x))));  tail conv
    C->3s^2 (zero init) -> pixel shuffle; + bicubic up-sampling of the LR input.

    cond_dim: length of the conditioning vector c (the representation, sigma, or zeros).
    cond:     'film'     -- srnet.ts: per block Dense(c -> 2C), zero init, y*(1+g)+b
              'film_mlp' -- a shared MLP c -> hidden (LeakyReLU) first, then per-block
                            zero-init Dense(hidden -> 2C)
              'kpn'      -- film_mlp, plus a predicted k x k sharpening filter
                            applied to the bicubic base: base + conv(base, K(c) - delta);
                            K(c) from a zero-init Dense(hidden -> k*k) (shared by the colours)
              'none'     -- no conditioning path at all
    """

    def __init__(self, cond_dim, channels=24, blocks=2, scale=2, cond='film', hidden=32,
                 kpn_size=5, cond_scale=1.0, kpn_where='lr'):
        super().__init__()
        self.kpn_where = kpn_where
        self.cond, self.scale, self.channels, self.kpn_size = cond, scale, channels, kpn_size
        self.cond_scale = cond_scale
        self.head = Conv(3, channels)
        self.first = nn.ModuleList([Conv(channels, channels) for _ in range(blocks)])
        self.second = nn.ModuleList([Conv(channels, channels) for _ in range(blocks)])
        mod_in = cond_dim
        if cond in ('film_mlp', 'kpn', 'usm'):
            self.mlp = Dense(cond_dim, hidden)
            mod_in = hidden
        if cond != 'none':
            self.mods = nn.ModuleList([Dense(mod_in, 2 * channels, gain=0) for _ in range(blocks)])
        if cond == 'kpn':
            self.kernel = Dense(hidden, kpn_size * kpn_size, gain=0)
        if cond == 'usm':
            # unsharp-mask bands: delta - Gaussian(s) for s in USM_SIGMAS (LR px), zero-sum
            u = np.arange(kpn_size) - (kpn_size - 1) / 2
            bands = []
            for sg in USM_SIGMAS:
                g = np.exp(-0.5 * (u[:, None] ** 2 + u[None, :] ** 2) / sg ** 2)
                g = -g / g.sum()
                g[kpn_size // 2, kpn_size // 2] += 1
                bands.append(g)
            self.register_buffer('bands', torch.tensor(np.stack(bands), dtype=torch.float32))
            self.amount = Dense(hidden, len(USM_SIGMAS), gain=0)
        self.tail = Conv(channels, 3 * scale * scale, gain=0)

    def forward(self, low, c):
        b = low.shape[0]
        up = bicubic_resize(low, low.shape[-1] * self.scale)
        x = self.head(low)
        z = None
        if self.cond != 'none':
            z = c * self.cond_scale
            if self.cond in ('film_mlp', 'kpn', 'usm'):
                z = F.leaky_relu(self.mlp(z), 0.1)
        for i, (f, s) in enumerate(zip(self.first, self.second)):
            y = f(x)
            if z is not None:
                film = self.mods[i](z)
                g = film[:, :self.channels, None, None]
                be = film[:, self.channels:, None, None]
                y = y * (1 + g) + be
            x = x + s(F.leaky_relu(y, 0.1))
        out = up + pixel_shuffle_tfjs(self.tail(x), self.scale)
        if self.cond == 'usm':
            # per-image amounts of fixed zero-sum sharpening bands on the LR input, then
            # up-sampled: base = up(low + sum_j a_j(c) * (low - G_j * low))
            k = self.kpn_size
            ker = torch.einsum('bj,jxy->bxy', self.amount(z), self.bands)[:, None]
            pad = k // 2
            padded = F.pad(low, (pad, pad, pad, pad), mode='replicate')
            corr = F.conv2d(padded.reshape(1, b * 3, *padded.shape[2:]),
                            ker.repeat_interleave(3, 0), groups=b * 3).reshape(low.shape)
            out = out + bicubic_resize(corr, up.shape[-1])
        if self.cond == 'kpn':
            # a per-image k x k correction kernel (zero start: no change), applied to the
            # LR input and then up-sampled (kpn_where 'lr'), or to the bicubic output ('hr')
            k = self.kpn_size
            ker = self.kernel(z).reshape(b, 1, k, k)
            src = low if self.kpn_where == 'lr' else up
            pad = k // 2
            padded = F.pad(src, (pad, pad, pad, pad), mode='replicate')
            corr = F.conv2d(padded.reshape(1, b * 3, *padded.shape[2:]),
                            ker.repeat_interleave(3, 0), groups=b * 3).reshape(src.shape)
            if self.kpn_where == 'lr':
                corr = bicubic_resize(corr, up.shape[-1])
            out = out + corr
        return out


# --------------------------------------------------------------------------------------
# The lab: data, stage 1, stage 2, evaluation
# --------------------------------------------------------------------------------------
LOW = 48
PATCH = 24


def quadrant(q):
    return (q % 2) * PATCH, (q // 2) * PATCH


def cut(x, corners, factor=1):
    side = PATCH * factor
    return torch.stack([x[i, :, y * factor:y * factor + side, xx * factor:xx * factor + side]
                        for i, (xx, y) in enumerate(corners)])


class Lab:
    def __init__(self, cfg):
        self.cfg = cfg
        torch.manual_seed(cfg.seed)
        self.rng = np.random.default_rng(cfg.seed)
        self.pool = load_pool(cfg.hr, cfg.seed)
        self.ranges = (cfg.blur, cfg.sigma_min, cfg.sigma_max, cfg.noise_max)
        self.hr_size = LOW * cfg.scale
        self.ksize = cfg.kernel_size
        self.encoder = Encoder()
        self.head = Head(self.encoder.out_dim)
        self.key_encoder = Encoder()
        self.key_head = Head(self.encoder.out_dim)
        self.key_encoder.load_state_dict(self.encoder.state_dict())
        self.key_head.load_state_dict(self.head.state_dict())
        for p in list(self.key_encoder.parameters()) + list(self.key_head.parameters()):
            p.requires_grad_(False)
        self.opt = torch.optim.Adam(list(self.encoder.parameters()) + list(self.head.parameters()),
                                    lr=cfg.lr, eps=1e-7)
        qr = np.random.default_rng(cfg.seed + 1)
        keys = qr.standard_normal((cfg.queue, 64)).astype(np.float32)
        self.queue = torch.from_numpy(keys / np.linalg.norm(keys, axis=1, keepdims=True))
        self.entries = [None] * cfg.queue
        self.pointer = 0
        self.step = 0
        self.eval_rng = np.random.default_rng(cfg.seed + 7919)
        self.grid = self.make_grid()

    def degrade(self, hr, degs, rng=None):
        return degrade_batch(hr, degs, self.cfg.scale, self.ksize, rng or self.rng)

    def sample_hr(self, n, rng=None):
        return sample_hr(self.pool, n, self.hr_size, rng or self.rng, self.cfg.integer_crops)

    # ---- stage 1 ------------------------------------------------------------------
    def contrast_step(self):
        cfg, b = self.cfg, self.cfg.batch
        by_deg = cfg.pairing == 'degradation'
        hr, sources = self.sample_hr(2 * b if by_deg else b)
        degs = [sample_degradation(self.ranges, self.rng) for _ in range(b)]
        patches = [self.rng.permutation(4)[:2] for _ in range(hr.shape[0])]
        low = self.degrade(hr, degs + degs if by_deg else degs)
        first = cut(low, [quadrant(p[0]) for p in patches])
        if by_deg:
            qp, kp = first[:b], first[b:]
        else:
            qp, kp = first, cut(low, [quadrant(p[1]) for p in patches])
        with torch.no_grad():
            keys = self.key_head(self.key_encoder(kp, True))
        self.key_encoder.drop_pending()
        w = (negative_weights_matrix(degs, self.entries, self.ranges, cfg.weight_width)
             if cfg.weighting else None)
        q = self.head(self.encoder(qp, True))
        loss = info_nce(q, keys, self.queue, cfg.tau, w)
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        self.encoder.commit()
        with torch.no_grad():
            m = cfg.momentum
            for kq, qq in ((self.key_encoder, self.encoder), (self.key_head, self.head)):
                for (n1, t1), (n2, t2) in zip(kq.state_dict().items(), qq.state_dict().items()):
                    t1.mul_(m).add_(t2 * (1 - m))
            kn = F.normalize(keys, dim=1, eps=1e-6)
            for i in range(b):
                self.queue[self.pointer] = kn[i]
                self.entries[self.pointer] = degs[i]
                self.pointer = (self.pointer + 1) % cfg.queue
        self.step += 1
        return float(loss)

    def make_grid(self, levels=8, contents=6):
        hr, _ = self.sample_hr(contents, self.eval_rng)
        sig = [self.cfg.sigma_min + (self.cfg.sigma_max - self.cfg.sigma_min) * l / (levels - 1)
               for l in range(levels)]
        hrs = hr.repeat(levels, 1, 1, 1)
        sigma = np.repeat(sig, contents)
        low = self.degrade(hrs, [iso(s) for s in sigma], self.eval_rng)
        return low, sigma

    @torch.no_grad()
    def spearman(self):
        low, sigma = self.grid
        h = self.encoder(low, False).numpy().astype(np.float64)
        p, explained = pc1(h)
        return abs(spearman(sigma, p)), explained

    def train_stage1(self, steps, every=10, log=print, time_budget=None):
        curve, t_train = [], 0.0
        for s in range(steps):
            t0 = time.perf_counter()
            loss = self.contrast_step()
            t_train += time.perf_counter() - t0
            if (s + 1) % every == 0 or s + 1 == steps:
                rho, ex = self.spearman()
                curve.append((s + 1, round(rho, 3)))
                log(json.dumps(dict(stage=1, step=s + 1, loss=round(loss, 4), rho=round(rho, 3),
                                    pc1=round(ex, 3), ms=round(1000 * t_train / (s + 1), 1))))
        return curve, 1000 * t_train / max(steps, 1)


# ---- stage 2: three upsamplers side by side ------------------------------------------
def sigma_code(degs, lab):
    lo, hi = lab.cfg.sigma_min, lab.cfg.sigma_max
    return torch.tensor([[2 * (d['sigma'] - lo) / (hi - lo) - 1] for d in degs],
                        dtype=torch.float32)


def make_heldout(lab, count_per_level=8, levels=8, seed=12345):
    """A fixed held-out set: `levels` sigma bins (centres over [min, max]) x crops, each
    crop with sigma drawn uniformly inside its bin; whole 48x48 LR images and 96x96 HR."""
    rng = np.random.default_rng(seed)
    lo, hi = lab.cfg.sigma_min, lab.cfg.sigma_max
    edges = np.linspace(lo, hi, levels + 1)
    degs, bins = [], []
    for l in range(levels):
        for _ in range(count_per_level):
            d = iso(rng.uniform(edges[l], edges[l + 1]))
            d['noise'] = rng.uniform(0, lab.cfg.noise_max) if lab.cfg.noise_max > 0 else 0
            degs.append(d)
            bins.append(l)
    hr, _ = sample_hr(lab.pool, len(degs), lab.hr_size, rng, lab.cfg.integer_crops)
    low = degrade_batch(hr, degs, lab.cfg.scale, lab.ksize, rng)
    return dict(hr=hr, low=low, degs=degs, bins=np.array(bins), edges=edges)


class Stage2:
    """Trains `learned`, `without`, `oracle` from one init on the same batches."""

    def __init__(self, lab, cfg):
        self.lab, self.cfg = lab, cfg
        torch.manual_seed(cfg.seed + 100)
        d = lab.encoder.out_dim
        make = lambda dim: SrNet(dim, cfg.sr_channels, cfg.sr_blocks, cfg.scale, cfg.cond,
                                 cfg.cond_hidden, cfg.kpn_size, cfg.cond_scale, cfg.kpn_where)
        self.nets = {'learned': make(d), 'without': make(d), 'oracle': make(1)}
        base = self.nets['learned'].state_dict()
        # identical init: 'without' copies learned exactly; oracle copies every shape-compatible
        # tensor (its first conditioning layer has 1 input)
        self.nets['without'].load_state_dict(base)
        ost = self.nets['oracle'].state_dict()
        for k, v in base.items():
            if ost[k].shape == v.shape:
                ost[k].copy_(v)
        self.opts = {k: torch.optim.Adam(n.parameters(), lr=cfg.lr2, eps=1e-7)
                     for k, n in self.nets.items()}
        self.finetune = cfg.finetune
        if self.finetune:
            self.opts['encoder'] = torch.optim.Adam(lab.encoder.parameters(), lr=cfg.lr2 * 0.1,
                                                    eps=1e-7)
        self.h_mean = None
        self.step = 0
        self.rng = np.random.default_rng(cfg.seed + 55)
        self.heldout = make_heldout(lab)

    def representation(self, low_full, low_patch, grad=False):
        src = low_full if self.cfg.rep_from == 'image' else low_patch
        with torch.set_grad_enabled(bool(grad)):
            h = self.lab.encoder(src, False)
        if self.cfg.rep_norm:
            h = (h - self.h_mean) / self.h_std
        return h

    def calibrate(self):
        """Standardise h per dimension over 128 random LR images (rep_norm)."""
        lab = self.lab
        hr, _ = lab.sample_hr(128, self.rng)
        low = lab.degrade(hr, [sample_degradation(lab.ranges, self.rng) for _ in range(128)],
                          self.rng)
        with torch.no_grad():
            h = lab.encoder(low if self.cfg.rep_from == 'image' else low[:, :, :PATCH, :PATCH],
                            False)
        self.h_mean, self.h_std = h.mean(0), h.std(0) + 1e-3

    def train_step(self):
        lab, cfg = self.lab, self.cfg
        lr = cfg.lr2
        if cfg.schedule == 'cosine':
            lr = cfg.lr2 * 0.5 * (1 + math.cos(math.pi * min(self.step / cfg.steps2, 1)))
        for o in self.opts.values():
            for g in o.param_groups:
                g['lr'] = lr * (0.1 if o is self.opts.get('encoder') else 1)
        hr, _ = lab.sample_hr(cfg.sr_batch, self.rng)
        degs = [sample_degradation(lab.ranges, self.rng) for _ in hr]
        low = lab.degrade(hr, degs, self.rng)
        if cfg.sr_patch == PATCH:
            corners = [quadrant(int(self.rng.integers(4))) for _ in hr]
        else:
            corners = None
        if corners is not None:
            lp, hp = cut(low, corners), cut(hr, corners, cfg.scale)
        else:
            lp, hp = low, hr
        conds = {'learned': self.representation(low, lp, grad=self.finetune),
                 'without': torch.zeros(len(degs), lab.encoder.out_dim),
                 'oracle': sigma_code(degs, lab)}
        losses = {}
        for k, net in self.nets.items():
            loss = (net(lp, conds[k]) - hp).abs().mean()
            self.opts[k].zero_grad()
            if k == 'learned' and self.finetune:
                self.opts['encoder'].zero_grad()
            loss.backward()
            self.opts[k].step()
            if k == 'learned' and self.finetune:
                self.opts['encoder'].step()
            losses[k] = float(loss)
        self.step += 1
        return losses

    @torch.no_grad()
    def evaluate(self):
        ho, lab = self.heldout, self.lab
        low, hr = ho['low'], ho['hr']
        out = {'bicubic': bicubic_resize(low, hr.shape[-1]).clamp(0, 1)}
        conds = {'learned': self.representation(low, low[:, :, :PATCH, :PATCH]),
                 'without': torch.zeros(low.shape[0], lab.encoder.out_dim),
                 'oracle': sigma_code(ho['degs'], lab)}
        for k, net in self.nets.items():
            out[k] = net(low, conds[k]).clamp(0, 1)
        res = {k: psnr(v.numpy(), hr.numpy()) for k, v in out.items()}
        per_bin = {}
        for l in range(len(ho['edges']) - 1):
            idx = np.where(ho['bins'] == l)[0]
            per_bin[round(float((ho['edges'][l] + ho['edges'][l + 1]) / 2), 3)] = {
                k: round(psnr(v[idx].numpy(), hr[idx].numpy()), 2) for k, v in out.items()}
        return res, per_bin

    def train(self, steps, every=100, log=print):
        if self.cfg.rep_norm:
            self.calibrate()
        table, t_train = [], 0.0
        for s in range(steps):
            t0 = time.perf_counter()
            self.train_step()
            t_train += time.perf_counter() - t0
            if (s + 1) % every == 0 or s + 1 == steps:
                res, per_bin = self.evaluate()
                row = dict(stage=2, step=s + 1, ms=round(1000 * t_train / (s + 1), 1),
                           **{k: round(v, 3) for k, v in res.items()},
                           gain=round(res['learned'] - res['without'], 3),
                           gain_oracle=round(res['oracle'] - res['without'], 3))
                table.append(row)
                log(json.dumps(row))
        return table, per_bin


# --------------------------------------------------------------------------------------
def parser():
    p = argparse.ArgumentParser()
    p.add_argument('mode', choices=['stage1', 'both'])
    a = p.add_argument
    a('--seed', type=int, default=1)
    a('--hr', default='textures', choices=['textures', 'photos'])
    a('--scale', type=int, default=2)
    a('--kernel-size', type=int, default=21)
    a('--blur', default='isotropic')
    a('--sigma-min', type=float, default=0.2)
    a('--sigma-max', type=float, default=4.0)
    a('--noise-max', type=float, default=0.0)
    a('--integer-crops', type=int, default=0)
    # stage 1
    a('--steps1', '--steps', type=int, default=240)
    a('--batch', type=int, default=16)
    a('--queue', type=int, default=512)
    a('--tau', type=float, default=0.07)
    a('--momentum', type=float, default=0.99)
    a('--weighting', type=int, default=1)
    a('--weight-width', type=float, default=0.3)
    a('--pairing', default='degradation', choices=['degradation', 'image'])
    a('--lr', type=float, default=1e-3)
    a('--every1', type=int, default=20)
    # stage 2
    a('--steps2', type=int, default=600)
    a('--every2', type=int, default=100)
    a('--lr2', type=float, default=2e-3)
    a('--schedule', default='constant', choices=['constant', 'cosine'])
    a('--sr-channels', type=int, default=24)
    a('--sr-blocks', type=int, default=2)
    a('--sr-batch', type=int, default=8)
    a('--sr-patch', type=int, default=24, help='24: one LR quadrant; 48: the whole LR image')
    a('--cond', default='film', choices=['film', 'film_mlp', 'kpn', 'usm', 'none'])
    a('--cond-hidden', type=int, default=32)
    a('--cond-scale', type=float, default=1.0)
    a('--kpn-size', type=int, default=5)
    a('--kpn-where', default='lr', choices=['lr', 'hr'])
    a('--rep-from', default='image', choices=['image', 'patch'])
    a('--rep-norm', type=int, default=0)
    a('--finetune', type=int, default=0)
    a('--center-input', type=int, default=0)
    a('--save-encoder', default='')
    a('--load-encoder', default='')
    return p


def main(argv=None):
    cfg = parser().parse_args(argv)
    Encoder.center = bool(cfg.center_input)
    torch.set_num_threads(1)
    log = lambda s: print(s, flush=True)
    log(json.dumps(dict(config=vars(cfg))))
    lab = Lab(cfg)
    if cfg.load_encoder:
        lab.encoder.load_state_dict(torch.load(cfg.load_encoder))
        log(json.dumps(dict(loaded=cfg.load_encoder, rho=round(lab.spearman()[0], 3))))
    else:
        curve, ms1 = lab.train_stage1(cfg.steps1, cfg.every1, log)
        log(json.dumps(dict(stage1_curve=curve, ms_per_step=round(ms1, 1))))
        if cfg.save_encoder:
            torch.save(lab.encoder.state_dict(), cfg.save_encoder)
    if cfg.mode == 'both':
        s2 = Stage2(lab, cfg)
        table, per_bin = s2.train(cfg.steps2, cfg.every2, log)
        log(json.dumps(dict(per_bin=per_bin)))


if __name__ == '__main__':
    main()
