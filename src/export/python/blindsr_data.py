"""The Blind-SR lab's data in torch and numpy: the HR pool (src/data/textures.ts regenerated
from the seed, or the embedded images), random HR crops (src/core/image.ts cropResize), the
degradations (src/core/blindsr/degrade.ts: Gaussian blur, MATLAB-style bicubic down-sampling,
noise) and the degradation prior's weights (src/core/blindsr/degradation-prior.ts)."""
import base64
import math

import numpy as np
import torch
import torch.nn.functional as F

from blindsr_settings import KERNEL_SIZE, POOL
from playground import Random

def make_texture(size, random):
    gratings = [dict(frequency=random.uniform(0.05, 0.45), angle=random.uniform(0, math.pi),
                     phase=random.uniform(0, 2 * math.pi), colour=[random.next() for _ in range(3)])
                for _ in range(3)]
    rectangles = []
    for _ in range(6):
        w = random.uniform(0.1, 0.5) * size
        h = random.uniform(0.1, 0.5) * size
        rectangles.append(dict(x=random.uniform(0, size - w), y=random.uniform(0, size - h), w=w, h=h,
                               colour=[random.next() for _ in range(3)]))
    y, x = np.mgrid[0:size, 0:size].astype(np.float64)
    value = np.full((size, size, 3), 0.5)
    for g in gratings:
        t = np.sin(2 * math.pi * g["frequency"] * (x * math.cos(g["angle"]) + y * math.sin(g["angle"])) + g["phase"])
        value += 0.18 * t[..., None] * (np.array(g["colour"]) - 0.3)
    for r in rectangles:
        inside = (x >= r["x"]) & (x < r["x"] + r["w"]) & (y >= r["y"]) & (y < r["y"] + r["h"])
        value[inside] = 0.6 * value[inside] + 0.4 * np.array(r["colour"])
    return np.clip(value, 0, 1).astype(np.float32)


def hr_pool():
    """[M, S, S, 3] in [0, 1]: the procedural textures from the seed, or the embedded images."""
    if POOL["kind"] == "textures":
        random = Random(POOL["seed"])
        return [make_texture(POOL["size"], random) for _ in range(POOL["count"])]
    raw = np.frombuffer(base64.b64decode(POOL["images"]), dtype=np.uint8).astype(np.float32) / 255
    return list(raw.reshape(POOL["count"], POOL["size"], POOL["size"], 3))


def crop_resize(image, bx, by, side, out):
    """src/core/image.ts cropResize: bilinear at output pixel centres of the box, border-clamped."""
    n = image.shape[0]
    scale = side * n / out
    coords = lambda b: np.clip(b * n + (np.arange(out) + 0.5) * scale - 0.5, 0, n - 1)
    sx, sy = coords(bx), coords(by)
    x0, y0 = np.floor(sx).astype(int), np.floor(sy).astype(int)
    x1, y1 = np.minimum(x0 + 1, n - 1), np.minimum(y0 + 1, n - 1)
    fx, fy = (sx - x0)[None, :, None], (sy - y0)[:, None, None]
    top = image[y0][:, x0] * (1 - fx) + image[y0][:, x1] * fx
    bottom = image[y1][:, x0] * (1 - fx) + image[y1][:, x1] * fx
    return (top * (1 - fy) + bottom * fy).astype(np.float32)


def sample_hr(pool, count, size, rng):
    """BlindSrTrainer.sampleHr: random crops of side size (HR px). → [B, 3, S, S]"""
    images = []
    for _ in range(count):
        image = pool[int(rng.integers(len(pool)))]
        side = min(1.0, size / image.shape[0])
        images.append(crop_resize(image, rng.uniform(0, 1 - side), rng.uniform(0, 1 - side), side, size))
    return torch.from_numpy(np.stack(images)).permute(0, 3, 1, 2).contiguous()


# ------------------------------------------------------------ degradations (src/core/blindsr/degrade.ts)

def degradation(kind, l1, l2, theta, noise):
    return dict(kind=kind, sigma=math.sqrt(l1 * l2), l1=l1, l2=l2, theta=theta, noise=noise)


def sample_degradation(c, rng):
    noise = rng.uniform(0, c["noiseMax"])
    if c["blurKind"] == "isotropic":
        s = rng.uniform(c["sigmaMin"], c["sigmaMax"])
        return degradation("isotropic", s, s, 0.0, noise)
    l1, l2 = rng.uniform(c["sigmaMin"], c["sigmaMax"]), rng.uniform(c["sigmaMin"], c["sigmaMax"])
    return degradation("anisotropic", l1, l2, rng.uniform(0, math.pi), noise)


def blur_kernel(d, size):
    """Σ = R diag(λ1², λ2²) Rᵀ, k ∝ exp(−½ uᵀ Σ⁻¹ u), normalised."""
    c, s = math.cos(d["theta"]), math.sin(d["theta"])
    a = c * c * d["l1"] ** 2 + s * s * d["l2"] ** 2
    b = c * s * (d["l1"] ** 2 - d["l2"] ** 2)
    dd = s * s * d["l1"] ** 2 + c * c * d["l2"] ** 2
    det = a * dd - b * b
    u = np.arange(size) - (size - 1) / 2
    v, u = np.meshgrid(u, u, indexing="ij")
    k = np.exp(-0.5 * ((dd / det) * u * u - 2 * (b / det) * u * v + (a / det) * v * v))
    return (k / k.sum()).astype(np.float32)


def cubic(x):
    ax = abs(x)
    if ax <= 1:
        return 1.5 * ax ** 3 - 2.5 * ax ** 2 + 1
    if ax <= 2:
        return -0.5 * ax ** 3 + 2.5 * ax ** 2 - 4 * ax + 2
    return 0.0


BICUBIC = {}


def bicubic_matrix(n_in, n_out, device):
    """[out, in]; antialiased when shrinking (MATLAB imresize), symmetric borders."""
    key = (n_in, n_out, str(device))
    if key not in BICUBIC:
        scale = n_out / n_in
        shrink = scale < 1
        width = 4 / scale if shrink else 4
        m = np.zeros((n_out, n_in))
        for i in range(n_out):
            centre = (i + 0.5) / scale - 0.5
            first = math.floor(centre - width / 2)
            row, total = [], 0.0
            for k in range(math.ceil(width) + 2):
                j = first + k
                w = scale * cubic(scale * (centre - j)) if shrink else cubic(centre - j)
                if w == 0:
                    continue
                src = j
                while src < 0 or src >= n_in:
                    src = -src - 1 if src < 0 else 2 * n_in - src - 1
                row.append((src, w))
                total += w
            for src, w in row:
                m[i, src] += w / total
        BICUBIC[key] = torch.tensor(m, dtype=torch.float32, device=device)
    return BICUBIC[key]


def bicubic_resize(x, out):
    """[B, C, H, H] → [B, C, out, out], separable."""
    m = bicubic_matrix(x.shape[-1], out, x.device)
    return m @ x @ m.T


def degrade_batch(hr, degradations, c, rng):
    """HR [B, 3, H, H] → LR [B, 3, H/s, H/s]: blur, bicubic down, noise, clamp."""
    b, channels, h, w = hr.shape
    size = KERNEL_SIZE
    half = size // 2
    padded = F.pad(hr, (half, half, half, half), mode="reflect").reshape(1, b * channels, h + 2 * half, w + 2 * half)
    kernels = torch.from_numpy(np.stack([blur_kernel(d, size) for d in degradations])).to(hr.device)
    blurred = F.conv2d(padded, kernels.repeat_interleave(channels, 0)[:, None], groups=b * channels)
    low = bicubic_resize(blurred.reshape(b, channels, h, w), round(h / c["scale"]))
    levels = torch.tensor([d["noise"] / 255 for d in degradations], dtype=torch.float32, device=hr.device)
    if float(levels.max()) > 0:
        noise = torch.from_numpy(rng.standard_normal(tuple(low.shape)).astype(np.float32)).to(hr.device)
        low = low + noise * levels[:, None, None, None]
    return low.clamp(0, 1)


def log_deviation(d):
    """log of the kernel's standard-deviation matrix, R diag(log λ1, log λ2) Rᵀ as (xx, xy, yy)."""
    c, s = math.cos(d["theta"]), math.sin(d["theta"])
    e1, e2 = math.log(d["l1"]), math.log(d["l2"])
    return c * c * e1 + s * s * e2, c * s * (e1 - e2), s * s * e1 + c * c * e2


def degradation_distance(a, b, c):
    """src/core/blindsr/degradation-prior.ts: log-Euclidean distance of the blurs over the log σ range, noise over its range."""
    span = math.log(c["sigmaMax"] / c["sigmaMin"]) or 1
    noise = (a["noise"] - b["noise"]) / c["noiseMax"] if c["noiseMax"] > 0 else 0
    if a["kind"] == "isotropic" and b["kind"] == "isotropic":
        blur = (math.log(a["l1"] / b["l1"]) / span) ** 2 + (math.log(a["l2"] / b["l2"]) / span) ** 2
    else:
        (axx, axy, ayy), (bxx, bxy, byy) = log_deviation(a), log_deviation(b)
        blur = ((axx - bxx) ** 2 + 2 * (axy - bxy) ** 2 + (ayy - byy) ** 2) / span ** 2
    return math.sqrt(blur + noise * noise)


def negative_weights(query, entries, c):
    """w = 1 − exp(−d² / 2γ²) per queued key (1 for the random start keys), mean 1. → [K]"""
    gamma = c["weightWidth"]
    w = np.array([1.0 if e is None else 1 - math.exp(-degradation_distance(query, e, c) ** 2 / (2 * gamma * gamma))
                  for e in entries])
    return w / w.mean() if w.mean() > 0 else w


def oracle_features(d, c):
    """src/core/blindsr/oracle.ts degradationFeatures: σ, elongation along 2θ, noise, each about [−1, 1]."""
    span = c["sigmaMax"] - c["sigmaMin"] or 1
    elongation = (d["l1"] - d["l2"]) / span
    return [2 * (d["sigma"] - c["sigmaMin"]) / span - 1, elongation * math.cos(2 * d["theta"]),
            elongation * math.sin(2 * d["theta"]), 2 * d["noise"] / c["noiseMax"] - 1 if c["noiseMax"] > 0 else 0]


# ------------------------------------------------ patches (src/core/blindsr/patches.ts)

LOW, PATCH = 48, 24


def quadrant_pair(rng):
    """src/core/blindsr/patches.ts samplePatches: two different quadrants of the 48² LR image."""
    return [((q % 2) * PATCH, (q // 2) * PATCH) for q in rng.permutation(4)[:2]]


def cut(x, corners, factor=1):
    side = PATCH * factor
    return torch.stack([x[i, :, y * factor:y * factor + side, xx * factor:xx * factor + side]
                        for i, (xx, y) in enumerate(corners)])
