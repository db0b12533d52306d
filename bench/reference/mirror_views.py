"""The SimCLR lab's views (src/core/simclr/augment.ts, image.ts) in numpy, for simclr_mirror.py."""
import math

import numpy as np

# ----------------------------------------------------------------------------- views

def luma(p):
    return 0.2989 * p[..., 0] + 0.587 * p[..., 1] + 0.114 * p[..., 2]


def sample_crop(rng, min_area):
    """data_util.py distorted_bounding_box_crop as src/core/simclr/augment.ts sampleCrop."""
    for _ in range(100):
        area = rng.uniform(min_area, 1)
        aspect = math.exp(rng.uniform(math.log(3 / 4), math.log(4 / 3)))
        w, h = math.sqrt(area * aspect), math.sqrt(area / aspect)
        if w <= 1 and h <= 1:
            return (rng.uniform(0, 1 - w), rng.uniform(0, 1 - h), w, h)
    return (0.0, 0.0, 1.0, 1.0)


def sample_view_params(a, rng):
    """src/core/simclr/augment.ts sampleViewParams (same draws, same probabilities)."""
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
    """src/core/simclr/augment.ts adjustHue: rotate hue in HSV, keeping chroma and min."""
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
    """crop -> flip -> colour jitter -> grayscale -> blur (src/core/simclr/augment.ts applyView)."""
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
