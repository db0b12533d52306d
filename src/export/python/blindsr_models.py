"""The Blind-SR lab's networks and readouts in torch: the degradation encoder and projection
head (src/core/nn/models.ts), the upsampler with FiLM and unsharp-mask bands
(src/core/blindsr/srnet.ts), Spearman and PSNR (src/core/metrics.ts), PC1 (src/core/pca.ts)."""
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from blindsr_data import bicubic_resize
from playground import same_pad

def he_(t, fan_in, gain=1.0):
    with torch.no_grad():
        t.normal_(0, gain * math.sqrt(2 / fan_in))
    return t


class Conv(nn.Module):
    """k × k conv with tfjs 'same' padding (stride 2 on an even size pads bottom/right only)."""

    def __init__(self, cin, cout, k=3, stride=1, bias=True, gain=1.0):
        super().__init__()
        self.weight = nn.Parameter(he_(torch.empty(cout, cin, k, k), k * k * cin, gain))
        self.bias = nn.Parameter(torch.zeros(cout)) if bias else None
        self.k, self.stride = k, stride

    def forward(self, x):
        return F.conv2d(same_pad(x, self.stride, self.k), self.weight, self.bias, self.stride)


class Dense(nn.Module):
    def __init__(self, fin, fout, gain=1.0):
        super().__init__()
        self.weight = nn.Parameter(he_(torch.empty(fin, fout), fin, gain))
        self.bias = nn.Parameter(torch.zeros(fout))

    def forward(self, x):
        return x @ self.weight + self.bias


class BatchNorm(nn.Module):
    """Batch statistics (biased variance, ε 1e-5) in training; running averages (momentum
    0.9) updated after the optimiser step (commit)."""

    def __init__(self, channels):
        super().__init__()
        self.gamma = nn.Parameter(torch.ones(channels))
        self.beta = nn.Parameter(torch.zeros(channels))
        self.register_buffer("mean", torch.zeros(channels))
        self.register_buffer("var", torch.ones(channels))
        self.pending = None

    def forward(self, x, training):
        if training:
            m = x.mean((0, 2, 3))
            v = ((x - m[None, :, None, None]) ** 2).mean((0, 2, 3))
            self.pending = (m.detach(), v.detach())
        else:
            m, v = self.mean, self.var
        x = (x - m[None, :, None, None]) * torch.rsqrt(v[None, :, None, None] + 1e-5)
        return x * self.gamma[None, :, None, None] + self.beta[None, :, None, None]

    @torch.no_grad()
    def commit(self, momentum=0.9):
        if self.pending is not None:
            self.mean.mul_(momentum).add_(self.pending[0] * (1 - momentum))
            self.var.mul_(momentum).add_(self.pending[1] * (1 - momentum))
            self.pending = None


class Encoder(nn.Module):
    """DASR's degradation encoder, browser-sized: 16-16-32(s2)-32-64(s2)-64 → h (64).
    LightBSR's teacher takes RGB + the prior map (inputs 3 + P); only the RGB is centred,
    as centring would erase the constant map (src/core/blindsr/lightbsr-models.ts)."""

    def __init__(self, channels=(16, 16, 32, 32, 64, 64), strides=(1, 1, 2, 1, 2, 1), inputs=3):
        super().__init__()
        cin, convs, norms = inputs, [], []
        for cout, stride in zip(channels, strides):
            convs.append(Conv(cin, cout, 3, stride, bias=False))
            norms.append(BatchNorm(cout))
            cin = cout
        self.convs, self.norms = nn.ModuleList(convs), nn.ModuleList(norms)
        self.out_dim = cin

    def maps(self, x, training):
        """The last feature maps [B, C, H, W] (LightBSR distils them too)."""
        rgb = x[:, :3]
        x = torch.cat([rgb - rgb.mean((2, 3), keepdim=True), x[:, 3:]], 1)  # each image minus its per-channel mean
        for conv, norm in zip(self.convs, self.norms):
            x = F.leaky_relu(norm(conv(x), training), 0.1)
        return x

    def forward(self, x, training):
        return self.maps(x, training).mean((2, 3))

    def commit(self, keep=True):
        for norm in self.norms:
            if keep:
                norm.commit()
            norm.pending = None


class Head(nn.Module):
    def __init__(self, dim, hidden=64, out=64):
        super().__init__()
        self.hidden, self.out = Dense(dim, hidden), Dense(hidden, out)

    def forward(self, h):
        return self.out(F.leaky_relu(self.hidden(h), 0.1))


SHARPEN_SIGMAS = (0.5, 1.0, 2.0)
SHARPEN_SIZE = 9


def pixel_shuffle_tfjs(x, s):
    """tfjs layout: channel = (row offset · s + column offset) · 3 + colour."""
    b, cs, h, w = x.shape
    c = cs // (s * s)
    return x.reshape(b, s, s, c, h, w).permute(0, 3, 4, 1, 5, 2).reshape(b, c, h * s, w * s)


class SrNet(nn.Module):
    """src/core/blindsr/srnet.ts: c → z = LeakyReLU(W c); residual blocks x + conv(LeakyReLU(FiLM_z(conv x)));
    zero-init pixel-shuffle tail on the bicubic up-sampling; plus per-image amounts a(z) of
    three fixed unsharp-mask bands (δ − G_s) of the LR input, up-sampled."""

    def __init__(self, condition_dim, scale, channels=24, blocks=2, hidden=32):
        super().__init__()
        self.scale, self.channels = scale, channels
        self.head = Conv(3, channels)
        self.first = nn.ModuleList([Conv(channels, channels) for _ in range(blocks)])
        self.second = nn.ModuleList([Conv(channels, channels) for _ in range(blocks)])
        self.film = nn.ModuleList([Dense(hidden, 2 * channels, gain=0) for _ in range(blocks)])
        self.tail = Conv(channels, 3 * scale * scale, gain=0)
        self.sharpen = Dense(hidden, len(SHARPEN_SIGMAS), gain=0)
        self.condition = Dense(condition_dim, hidden)
        u = np.arange(SHARPEN_SIZE) - (SHARPEN_SIZE - 1) / 2
        bands = []
        for sigma in SHARPEN_SIGMAS:
            g = np.exp(-0.5 * (u[:, None] ** 2 + u[None, :] ** 2) / sigma ** 2)
            g = -g / g.sum()
            g[SHARPEN_SIZE // 2, SHARPEN_SIZE // 2] += 1
            bands.append(g)
        self.register_buffer("bands", torch.tensor(np.stack(bands), dtype=torch.float32))

    def forward(self, low, c):
        b = low.shape[0]
        up = bicubic_resize(low, low.shape[-1] * self.scale)
        z = F.leaky_relu(self.condition(c), 0.1)
        x = self.head(low)
        for first, second, film in zip(self.first, self.second, self.film):
            f = film(z)
            y = first(x) * (1 + f[:, :self.channels, None, None]) + f[:, self.channels:, None, None]
            x = x + second(F.leaky_relu(y, 0.1))
        out = up + pixel_shuffle_tfjs(self.tail(x), self.scale)
        kernel = torch.einsum("bj,jxy->bxy", self.sharpen(z), self.bands)[:, None]
        pad = SHARPEN_SIZE // 2
        padded = F.pad(low, (pad, pad, pad, pad), mode="replicate")
        sharpening = F.conv2d(padded.reshape(1, b * 3, *padded.shape[2:]), kernel.repeat_interleave(3, 0),
                              groups=b * 3).reshape(low.shape)
        return out + bicubic_resize(sharpening, up.shape[-1])


# ------------------------------------------------------------ metrics

def spearman(x, y):
    """src/core/metrics.ts spearman: ranks by stable sort position."""
    rank = lambda v: np.argsort(np.argsort(np.asarray(v, dtype=np.float64), kind="stable"), kind="stable").astype(np.float64)
    rx, ry = rank(x), rank(y)
    centre = (len(rx) - 1) / 2
    den = math.sqrt(((rx - centre) ** 2).sum() * ((ry - centre) ** 2).sum()) or 1
    return float(((rx - centre) * (ry - centre)).sum() / den)


def pc1(data):
    x = data - data.mean(0, keepdims=True)
    _, s, vt = np.linalg.svd(x, full_matrices=False)
    return x @ vt[0], float((s[0] ** 2) / max((s ** 2).sum(), 1e-30))


def psnr(a, b):
    mse = float(((a - b) ** 2).mean())
    return float("inf") if mse == 0 else 10 * math.log10(1 / mse)
