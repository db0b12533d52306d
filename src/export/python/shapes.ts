/** Python for the exported script — src/data/shapes.ts: the procedural shapes, regenerated from the same seed; or the embedded pixels. */
export const pyShapes = String.raw`
# ---------------------------------------------------------------- data (src/data/shapes.ts)

SHAPE_CLASSES = ["circle", "square", "triangle", "ring", "cross", "star"]


def hsv_to_rgb(h, s, v):
    def f(n):
        k = (n + h * 6) % 6
        return v - v * s * max(0, min(k, 4 - k, 1))

    return [f(5), f(3), f(1)]


def inside(shape, x, y):
    g = SHAPES
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


def sample_shape_spec(shape, random):
    g = SHAPES
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


def render_shape(spec, size):
    samples = SHAPES["samples"]
    offsets = (np.arange(samples) + 0.5) / samples
    pixel = np.arange(size)
    u = ((pixel[None, :, None, None] + offsets[None, None, None, :]) / size - spec["cx"])
    v = ((pixel[:, None, None, None] + offsets[None, None, :, None]) / size - spec["cy"])
    u, v = np.broadcast_arrays(u, v)  # [y, x, sy, sx]
    cos, sin = math.cos(spec["rotation"]), math.sin(spec["rotation"])
    x = (cos * u + sin * v) / spec["radius"]
    y = (-sin * u + cos * v) / spec["radius"]
    cover = inside(spec["shape"], x, y).sum(axis=(2, 3)) / (samples * samples)
    a = cover[:, :, None]
    image = np.array(spec["color"])[None, None, :] * a + np.array(spec["background"])[None, None, :] * (1 - a)
    return image.astype(np.float32)


def make_shapes_dataset(seed, size):
    random = Random(seed)

    def build(count):
        items = []
        for label, shape in enumerate(SHAPE_CLASSES):
            for _ in range(count):
                items.append((render_shape(sample_shape_spec(shape, random), size), label))
        random.shuffle(items)
        return np.stack([i for i, _ in items]), np.array([l for _, l in items], dtype=np.int64)

    train = build(SHAPES["perClass"])
    held_out = build(SHAPES["heldOutPerClass"])
    return train[0], train[1], held_out[0], held_out[1]


def embedded_dataset():
    def decode(text, count):
        raw = np.frombuffer(base64.b64decode(text), dtype=np.uint8).astype(np.float32) / 255
        return raw.reshape(count, DATA["size"], DATA["size"], 3)

    images = decode(DATA["images"], DATA["count"])
    labels = np.array(DATA["labels"], dtype=np.int64) if DATA["labels"] is not None else None
    if DATA["heldOutCount"]:
        held = decode(DATA["heldOut"], DATA["heldOutCount"])
        return images, labels, held, np.array(DATA["heldOutLabels"], dtype=np.int64)
    return images, labels, None, None
`;
