"""The procedural shapes of src/data/shapes.ts, for simclr_mirror.py (see its docstring)."""
import math

import numpy as np

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
