"""What the playground's Python shares: the exported scripts (this text is pasted into
each download, see src/export/python-source.ts) and the twins in bench/reference/ import it.

    Random               src/core/random.ts   sfc32 seeded by splitmix32: the page's draws
    shapes               src/data/shapes.ts   the procedural labelled shapes
    losses               src/core/nn/losses.ts  NT-Xent, InfoNCE (weighted), negative cosine
    same_pad             src/core/nn/conv-geometry.ts  tfjs 'same' padding

Only the standard library, numpy and torch.
"""
import math

import numpy as np
import torch
import torch.nn.functional as F

# ------------------------------------------------------------ random stream

M32 = 0xFFFFFFFF


class Random:
    """sfc32 seeded by splitmix32 (src/core/random.ts): the same seed draws the same numbers."""

    def __init__(self, seed):
        state = [seed & M32]

        def splitmix():
            state[0] = (state[0] + 0x9E3779B9) & M32
            z = state[0]
            z = ((z ^ (z >> 16)) * 0x85EBCA6B) & M32
            z = ((z ^ (z >> 13)) * 0xC2B2AE35) & M32
            return (z ^ (z >> 16)) & M32

        self.a, self.b, self.c, self.d = splitmix(), splitmix(), splitmix(), splitmix()
        for _ in range(12):
            self.next()

    def next(self):
        t = (((self.a + self.b) & M32) + self.d) & M32
        self.d = (self.d + 1) & M32
        self.a = (self.b ^ (self.b >> 9)) & M32
        self.b = (self.c + (self.c << 3)) & M32
        self.c = ((self.c << 21) | (self.c >> 11)) & M32
        self.c = (self.c + t) & M32
        return t / 4294967296

    def uniform(self, low, high):
        return low + (high - low) * self.next()

    def int(self, n):
        return math.floor(self.next() * n)

    def bernoulli(self, p):
        return self.next() < p

    def normal(self):
        u = 0.0
        while u == 0.0:
            u = self.next()
        return math.sqrt(-2 * math.log(u)) * math.cos(2 * math.pi * self.next())

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.int(i + 1)
            items[i], items[j] = items[j], items[i]
        return items

    def fork(self):
        return Random(math.floor(self.next() * 4294967296))


# ------------------------------------------------------------ shapes

SHAPE_CLASSES = ["circle", "square", "triangle", "ring", "cross", "star"]


def hsv_to_rgb(h, s, v):
    def f(n):
        k = (n + h * 6) % 6
        return v - v * s * max(0, min(k, 4 - k, 1))

    return [f(5), f(3), f(1)]


def inside(shape, x, y, g):
    """Inside test in the shape's own frame (unit radius), vectorised; g: the generator's constants."""
    r = np.hypot(x, y)
    if shape == "circle":
        return r <= 1
    if shape == "square":
        return (np.abs(x) <= g["squareHalfSide"]) & (np.abs(y) <= g["squareHalfSide"])
    if shape == "triangle":
        return (y <= 0.5) & (math.sqrt(3) * x - y <= 1) & (-math.sqrt(3) * x - y <= 1)
    if shape == "ring":
        return (r <= 1) & (r >= g["ringInner"])
    if shape == "cross":
        w = g["crossHalfWidth"]
        return ((np.abs(x) <= w) & (np.abs(y) <= 1)) | ((np.abs(y) <= w) & (np.abs(x) <= 1))
    angle = np.arctan2(y, x)
    turns = np.fmod(np.fmod(angle * g["starSpikes"] / (2 * math.pi), 1) + 1, 1)
    t = np.abs(turns - 0.5) * 2
    return r <= g["starInner"] + (1 - g["starInner"]) * t


def sample_shape_spec(shape, random, g):
    radius = random.uniform(*g["radius"])
    hue = random.next()
    bg_hue = (hue + random.uniform(*g["backgroundHueOffset"])) % 1
    cx = random.uniform(radius, 1 - radius)
    cy = random.uniform(radius, 1 - radius)
    rotation = g["rotation"]
    color = hsv_to_rgb(hue, random.uniform(*g["colorSaturation"]), random.uniform(*g["colorValue"]))
    background = hsv_to_rgb(
        bg_hue, random.uniform(*g["backgroundSaturation"]), random.uniform(*g["backgroundValue"])
    )
    return dict(shape=shape, radius=radius, cx=cx, cy=cy, rotation=rotation, color=color,
                background=background)


def render_shape(spec, size, g):
    samples = g["samples"]
    offsets = (np.arange(samples) + 0.5) / samples
    pixel = np.arange(size)
    u = ((pixel[None, :, None, None] + offsets[None, None, None, :]) / size - spec["cx"])
    v = ((pixel[:, None, None, None] + offsets[None, None, :, None]) / size - spec["cy"])
    u, v = np.broadcast_arrays(u, v)  # [y, x, sy, sx]
    cos, sin = math.cos(spec["rotation"]), math.sin(spec["rotation"])
    x = (cos * u + sin * v) / spec["radius"]
    y = (-sin * u + cos * v) / spec["radius"]
    cover = inside(spec["shape"], x, y, g).sum(axis=(2, 3)) / (samples * samples)
    a = cover[:, :, None]
    image = np.array(spec["color"])[None, None, :] * a + np.array(spec["background"])[None, None, :] * (1 - a)
    return image.astype(np.float32)


def make_shapes_dataset(seed, size, g):
    """The labelled shapes of src/data/shapes.ts makeShapesDataset: (train, labels, held-out, labels)."""
    random = Random(seed)

    def build(count):
        items = []
        for label, shape in enumerate(SHAPE_CLASSES):
            for _ in range(count):
                items.append((render_shape(sample_shape_spec(shape, random, g), size, g), label))
        random.shuffle(items)
        return np.stack([i for i, _ in items]), np.array([l for _, l in items], dtype=np.int64)

    train = build(g["perClass"])
    held_out = build(g["heldOutPerClass"])
    return train[0], train[1], held_out[0], held_out[1]


# ------------------------------------------------------------ losses

def l2_normalize(x):
    """Rows divided by their L2 norm. [B, D] → [B, D]"""
    return x / (x.square().sum(1, keepdim=True) + 1e-12).sqrt()


def nt_xent(z1, z2, temperature):
    """SimCLR eq. 1, mean over all 2N anchors. z1, z2: [N, D]; the positive of anchor i is
    i + N (mod 2N); self-similarity leaves the denominator by −1e9 on the diagonal, as
    ntXentLoss does: the one masking convention of the page, the exports and the twins."""
    n = z1.shape[0]
    a, b = l2_normalize(z1), l2_normalize(z2)
    views = torch.cat([a, b])
    logits = views @ views.T / temperature
    logits = logits - torch.eye(2 * n, device=z1.device) * 1e9
    positive = (a * b).sum(1) / temperature
    return (torch.logsumexp(logits, 1) - torch.cat([positive, positive])).mean()


def positive_only(z1, z2, temperature):
    """The positive term alone, −mean(s_ii⁺/τ): NT-Xent with no negatives (it collapses)."""
    return -((l2_normalize(z1) * l2_normalize(z2)).sum(1) / temperature).mean()


def info_nce(query, key, queue, temperature, weights=None):
    """MoCo Algorithm 1: logits [q·k⁺, q·queueᵀ] / τ, label 0. With weights [B, K] ≥ 0, the
    negative term is Σ_j w_j exp(s_qj/τ) (the Blind-SR lab's degradation-prior weighting),
    written as log w_j added to the logits so it stays finite."""
    q, k, bank = l2_normalize(query), l2_normalize(key), l2_normalize(queue)
    positive = (q * k).sum(1, keepdim=True) / temperature
    negatives = q @ bank.T / temperature
    if weights is not None:
        negatives = negatives + torch.log(weights + 1e-12)
    return (torch.logsumexp(torch.cat([positive, negatives], 1), 1) - positive[:, 0]).mean()


def negative_cosine(p, z):
    """SimSiam's D(p, z) = −cos(p, z), mean over the batch."""
    return -(l2_normalize(p) * l2_normalize(z)).sum(1).mean()


# ------------------------------------------------------------ convolution geometry

def same_pad(x, stride, kernel=3):
    """tfjs 'same': total = max((out − 1)·s + k − in, 0), top = ⌊total/2⌋, the rest after
    (stride 2 on an even size pads bottom/right only). [B, C, S, S] → padded"""
    size = x.shape[-1]
    out = -(-size // stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return F.pad(x, (total // 2, total - total // 2, total // 2, total - total // 2))
