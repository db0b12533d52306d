/**
 * The body of the exported PyTorch script (see pytorch.ts, which puts the configuration
 * and the data in front of it). Python, kept verbatim: every number it uses comes from
 * CONFIG / SHAPES / DATA, written from the app's own constants at export time.
 *
 * It ports, one for one: src/core/random.ts (sfc32, so the same seed draws the same
 * numbers), src/data/shapes.ts, src/core/augment.ts (as torch ops), src/core/models.ts
 * and layers.ts (tfjs 'same' padding, batch norm with biased variance), the losses of
 * src/core/losses.ts, FlatAdam (= torch Adam with eps 1e-7) and the kNN monitor.
 */
export const pytorchBody = String.raw`
M32 = 0xFFFFFFFF


class Random:
    """src/core/random.ts: sfc32 seeded by splitmix32 — the same draws as the page."""

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


# ---------------------------------------------------- augmentations (src/core/augment.ts)

def sample_crop(random, min_area):
    for _ in range(100):
        area = random.uniform(min_area, 1)
        log_ratio = random.uniform(math.log(3 / 4), math.log(4 / 3))
        aspect = math.exp(log_ratio)
        width = math.sqrt(area * aspect)
        height = math.sqrt(area / aspect)
        if width <= 1 and height <= 1:
            return (random.uniform(0, 1 - width), random.uniform(0, 1 - height), width, height)
    return (0.0, 0.0, 1.0, 1.0)


def sample_view_params(a, random):
    crop = sample_crop(random, a["cropMinArea"]) if a["crop"] else (0.0, 0.0, 1.0, 1.0)
    flip = a["flip"] and random.bernoulli(0.5)
    jitter = None
    if a["colorJitter"] and random.bernoulli(0.8):
        s = a["colorStrength"]
        delta = 0.8 * s
        order = random.shuffle(["brightness", "contrast", "saturation", "hue"])
        jitter = dict(
            brightness=random.uniform(max(0, 1 - delta), 1 + delta),
            contrast=random.uniform(max(0, 1 - delta), 1 + delta),
            saturation=random.uniform(max(0, 1 - delta), 1 + delta),
            hue=random.uniform(-0.2 * s, 0.2 * s),
            order=order,
        )
    grayscale = a["grayscale"] and random.bernoulli(0.2)
    blur = random.uniform(0.1, 2.0) if a["blur"] and random.bernoulli(0.5) else None
    return crop, flip, jitter, grayscale, blur


def crop_resize(image, box, out_size):
    """image.ts cropResize: bilinear at output pixel centres, clamped. [S, S, 3] → [O, O, 3]"""
    size = image.shape[0]
    x, y, width, height = box
    o = torch.arange(out_size, dtype=torch.float64)
    sx = (x * size + (o + 0.5) * (width * size / out_size) - 0.5).clamp(0, size - 1)
    sy = (y * size + (o + 0.5) * (height * size / out_size) - 0.5).clamp(0, size - 1)
    x0, y0 = sx.floor().long(), sy.floor().long()
    x1, y1 = (x0 + 1).clamp(max=size - 1), (y0 + 1).clamp(max=size - 1)
    fx, fy = (sx - x0).float()[None, :, None], (sy - y0).float()[:, None, None]
    top = image[y0][:, x0] * (1 - fx) + image[y0][:, x1] * fx
    bottom = image[y1][:, x0] * (1 - fx) + image[y1][:, x1] * fx
    return top * (1 - fy) + bottom * fy


def luma(image):
    return 0.2989 * image[..., 0] + 0.587 * image[..., 1] + 0.114 * image[..., 2]


def adjust_hue(image, shift):
    r, g, b = image[..., 0], image[..., 1], image[..., 2]
    high = image.max(-1).values
    low = image.min(-1).values
    chroma = high - low
    safe = torch.where(chroma == 0, torch.ones_like(chroma), chroma)
    hue = torch.where(high == r, torch.fmod((g - b) / safe + 6, 6),
                      torch.where(high == g, (b - r) / safe + 2, (r - g) / safe + 4))
    hue = torch.fmod(torch.fmod(hue / 6 + shift, 1) + 1, 1)
    h6 = hue * 6
    x = chroma * (1 - (torch.fmod(h6, 2) - 1).abs())
    sector = torch.fmod(h6.floor(), 6)
    zero = torch.zeros_like(chroma)
    choose = lambda values: sum(torch.where(sector == k, v, zero) for k, v in enumerate(values))
    out = torch.stack([
        choose([chroma, x, zero, zero, x, chroma]),
        choose([x, chroma, chroma, x, zero, zero]),
        choose([zero, zero, x, chroma, chroma, x]),
    ], -1) + low[..., None]
    return torch.where((chroma == 0)[..., None], image, out)


def color_jitter(image, jitter):
    for op in jitter["order"]:
        if op == "brightness":
            image = (image * jitter["brightness"]).clamp(0, 1)
        elif op == "contrast":
            mean = image.reshape(-1, 3).mean(0)
            image = ((image - mean) * jitter["contrast"] + mean).clamp(0, 1)
        elif op == "saturation":
            grey = luma(image)[..., None]
            image = (grey + (image - grey) * jitter["saturation"]).clamp(0, 1)
        else:
            image = adjust_hue(image, jitter["hue"])
    return image


def gaussian_blur(image, sigma):
    size = image.shape[0]
    radius = max(1, size // 20)
    taps = torch.tensor([math.exp(-(i * i) / (2 * sigma * sigma)) for i in range(-radius, radius + 1)])
    taps = (taps / taps.sum()).float()
    x = image.permute(2, 0, 1)[:, None]  # [3, 1, S, S]
    x = F.conv2d(F.pad(x, (radius, radius, 0, 0), mode="reflect"), taps.view(1, 1, 1, -1))
    x = F.conv2d(F.pad(x, (0, 0, radius, radius), mode="reflect"), taps.view(1, 1, -1, 1))
    return x[:, 0].permute(1, 2, 0)


def apply_view(image, params, out_size):
    """crop → flip → colour jitter → grayscale → blur, as augment.ts applyView."""
    crop, flip, jitter, grayscale, blur = params
    view = crop_resize(image, crop, out_size)
    if flip:
        view = view.flip(1)
    if jitter is not None:
        view = color_jitter(view, jitter)
    if grayscale:
        view = luma(view)[..., None].expand(-1, -1, 3).contiguous()
    if blur is not None:
        view = gaussian_blur(view, blur)
    return view


# ------------------------------------------ model (src/core/models.ts, layers.ts)

def he_normal(shape, fan_in, random):
    std = math.sqrt(2 / fan_in)
    count = int(np.prod(shape))
    return torch.tensor([random.normal() * std for _ in range(count)], dtype=torch.float32).view(*shape)


def parameter(tensor, device):
    return tensor.to(device).requires_grad_(True)


def make_batch_norm(channels, device):
    return dict(gamma=parameter(torch.ones(channels), device), beta=parameter(torch.zeros(channels), device),
                mean=torch.zeros(channels, device=device), var=torch.ones(channels, device=device))


def make_dense(fan_in, fan_out, random, device):
    return dict(kernel=parameter(he_normal([fan_in, fan_out], fan_in, random), device),
                bias=parameter(torch.zeros(fan_out), device))


def make_encoder(c, random, device):
    convs, norms, channels = [], [], 3
    for out_channels, stride in zip(c["channels"], c["strides"]):
        # tfjs filters are [K, K, Cin, Cout], drawn in that order; torch wants [Cout, Cin, K, K]
        hwio = he_normal([3, 3, channels, out_channels], 9 * channels, random)
        convs.append(dict(filter=parameter(hwio.permute(3, 2, 0, 1).contiguous(), device), stride=stride))
        norms.append(make_batch_norm(out_channels, device))
        channels = out_channels
    return dict(convs=convs, norms=norms, out_dim=channels)


def same_pad(x, stride, kernel=3):
    """tfjs 'same': total = max((out − 1)·s + k − in, 0), top = ⌊total/2⌋, the rest after."""
    size = x.shape[-1]
    out = -(-size // stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return F.pad(x, (total // 2, total - total // 2, total // 2, total - total // 2))


def batch_norm_relu(norm, x, training, stats):
    """Batch norm over every axis but channels (biased variance, ε 1e-5), then ReLU."""
    axes = [0] + list(range(2, x.dim()))
    shape = [1, -1] + [1] * (x.dim() - 2)
    if training:
        mean = x.mean(axes)
        var = (x - mean.view(shape)).square().mean(axes)
        if stats is not None:
            stats.append((norm, mean.detach(), var.detach()))
    else:
        mean, var = norm["mean"], norm["var"]
    y = (x - mean.view(shape)) * torch.rsqrt(var.view(shape) + 1e-5) * norm["gamma"].view(shape) + norm["beta"].view(shape)
    return y.relu()


def update_running_stats(stats, momentum=0.9):
    with torch.no_grad():
        for norm, mean, var in stats:
            norm["mean"].mul_(momentum).add_(mean * (1 - momentum))
            norm["var"].mul_(momentum).add_(var * (1 - momentum))
    stats.clear()


def encode(encoder, x, training, stats=None):
    """h: [B, 3, S, S] → [B, C] (conv → BN → ReLU per layer, global average pool)."""
    for conv, norm in zip(encoder["convs"], encoder["norms"]):
        x = F.conv2d(same_pad(x, conv["stride"]), conv["filter"], stride=conv["stride"])
        x = batch_norm_relu(norm, x, training, stats)
    return x.mean((2, 3))


def dense(p, x):
    return x @ p["kernel"] + p["bias"]


def project(head, h):
    """SimCLR's head g: z = W2 ReLU(W1 h). [B, C] → [B, P]"""
    return dense(head["out"], dense(head["hidden"], h).relu())


def predict(predictor, z, training, stats=None):
    """SimSiam / BYOL predictor: Linear → BN → ReLU → Linear. [B, P] → [B, P]"""
    return dense(predictor["out"], batch_norm_relu(predictor["norm"], dense(predictor["hidden"], z), training, stats))


def trainables_of(encoder=None, head=None, predictor=None):
    out = []
    if encoder:
        out += [c["filter"] for c in encoder["convs"]] + [t for n in encoder["norms"] for t in (n["gamma"], n["beta"])]
    if head:
        out += [head["hidden"]["kernel"], head["hidden"]["bias"], head["out"]["kernel"], head["out"]["bias"]]
    if predictor:
        out += [predictor["hidden"]["kernel"], predictor["hidden"]["bias"], predictor["norm"]["gamma"],
                predictor["norm"]["beta"], predictor["out"]["kernel"], predictor["out"]["bias"]]
    return out


def all_state(encoder, head):
    """Every tensor the momentum update moves, BN running statistics included."""
    return trainables_of(encoder, head) + [t for n in encoder["norms"] for t in (n["mean"], n["var"])]


# ------------------------------------------------------------ losses (src/core/losses.ts)

def l2_normalize(x):
    return x / (x.square().sum(1, keepdim=True) + 1e-12).sqrt()


def nt_xent(z1, z2, temperature):
    """SimCLR eq. 1, mean over all 2N anchors."""
    n = z1.shape[0]
    a, b = l2_normalize(z1), l2_normalize(z2)
    views = torch.cat([a, b])
    logits = views @ views.T / temperature
    logits = logits - torch.eye(2 * n, device=z1.device) * 1e9
    positive = (a * b).sum(1) / temperature
    return (torch.logsumexp(logits, 1) - torch.cat([positive, positive])).mean()


def positive_only(z1, z2, temperature):
    return -((l2_normalize(z1) * l2_normalize(z2)).sum(1) / temperature).mean()


def info_nce(query, key, queue, temperature):
    """MoCo Algorithm 1: logits [q·k⁺, q·queueᵀ] / τ, label 0."""
    q, k, bank = l2_normalize(query), l2_normalize(key), l2_normalize(queue)
    positive = (q * k).sum(1, keepdim=True) / temperature
    negatives = q @ bank.T / temperature
    return (torch.logsumexp(torch.cat([positive, negatives], 1), 1) - positive[:, 0]).mean()


def negative_cosine(p, z):
    """SimSiam's D(p, z) = −cos(p, z), mean over the batch."""
    return -(l2_normalize(p) * l2_normalize(z)).sum(1).mean()


def method_loss(c, z, p, targets, queue):
    n = z.shape[0] // 2
    z1, z2 = z[:n], z[n:]
    method = c["method"]
    if method == "moco":
        k1, k2 = targets[:n], targets[n:]
        return 0.5 * (info_nce(z1, k2, queue, c["temperature"]) + info_nce(z2, k1, queue, c["temperature"]))
    if method == "simsiam":
        p1, p2 = p[:n], p[n:]
        t1, t2 = (z1.detach(), z2.detach()) if c["stopGradient"] else (z1, z2)
        return 0.5 * (negative_cosine(p1, t2) + negative_cosine(p2, t1))
    if method == "byol":
        p1, p2 = p[:n], p[n:]
        t1, t2 = targets[:n].detach(), targets[n:].detach()
        return 2 + negative_cosine(p1, t2) + negative_cosine(p2, t1)
    if c["noNegatives"]:
        return positive_only(z1, z2, c["temperature"])
    return nt_xent(z1, z2, c["temperature"])


# ------------------------------------------------------------ metrics (src/core/metrics.ts)

def positive_top1(z):
    n2 = z.shape[0]
    zn = l2_normalize(z)
    similarity = zn @ zn.T
    similarity.fill_diagonal_(-float("inf"))
    positive = (torch.arange(n2, device=z.device) + n2 // 2) % n2
    return (similarity.argmax(1) == positive).float().mean().item()


def uniformity(z, t=2):
    zn = l2_normalize(z)
    d2 = torch.cdist(zn.double(), zn.double()).square()
    rows = z.shape[0]
    upper = torch.triu_indices(rows, rows, 1)
    return torch.logsumexp(-t * d2[upper[0], upper[1]], 0).item() - math.log(upper.shape[1])


def knn_accuracy(bank, bank_labels, queries, query_labels, k=5):
    """Cosine kNN, majority of the k nearest, ties → the nearest (metrics.ts knnAccuracy)."""
    similarity = l2_normalize(queries) @ l2_normalize(bank).T
    top = similarity.topk(k, 1).indices.cpu().numpy()
    correct = 0
    for i, row in enumerate(top):
        labels = [int(bank_labels[j]) for j in row]
        best, best_votes = labels[0], 0
        for label in labels:
            votes = labels.count(label)
            if votes > best_votes:
                best, best_votes = label, votes
        correct += best == int(query_labels[i])
    return correct / len(query_labels)


# ------------------------------------------------------------ training (src/core/simclr.ts)

def main():
    parser = argparse.ArgumentParser(description="Contrastive Playground: " + CONFIG["method"])
    parser.add_argument("--steps", type=int, default=DEFAULT_STEPS)
    parser.add_argument("--log-every", type=int, default=25)
    parser.add_argument("--eval-every", type=int, default=EVALUATE_EVERY)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's choice)")
    parser.add_argument("--check-data", action="store_true", help="print a checksum of the data and exit")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    c = CONFIG
    if DATA["kind"] == "shapes":
        images, labels, held, held_labels = make_shapes_dataset(DATA["seed"], DATA["size"])
    else:
        images, labels, held, held_labels = embedded_dataset()
    if args.check_data:
        print("DATA", len(images), f"{float(images.astype(np.float64).sum()):.4f}",
              f"{float(held.astype(np.float64).sum()) if held is not None else 0:.4f}")
        return
    source = [torch.from_numpy(np.ascontiguousarray(i)) for i in images]

    random = Random(c["seed"])
    model_random = random.fork()
    encoder = make_encoder(c, model_random, device)
    head = dict(hidden=make_dense(encoder["out_dim"], c["hiddenDim"], model_random, device),
                out=make_dense(c["hiddenDim"], c["projectionDim"], model_random, device))
    predictor = None
    if c["method"] in ("simsiam", "byol"):
        predictor = dict(hidden=make_dense(c["projectionDim"], c["predictorHiddenDim"], model_random, device),
                         norm=make_batch_norm(c["predictorHiddenDim"], device),
                         out=make_dense(c["predictorHiddenDim"], c["projectionDim"], model_random, device))
    key_encoder = key_head = None
    if c["method"] in ("moco", "byol"):
        # the momentum copy starts equal to the online network (MoCo builder.py, BYOL §3.1)
        key_encoder = dict(convs=[dict(filter=conv["filter"].detach().clone(), stride=conv["stride"]) for conv in encoder["convs"]],
                           norms=[{k: v.detach().clone() for k, v in n.items()} for n in encoder["norms"]],
                           out_dim=encoder["out_dim"])
        key_head = {layer: {k: v.detach().clone() for k, v in p.items()} for layer, p in head.items()}
    queue = None
    if c["method"] == "moco":
        queue_random = random.fork()
        queue = torch.tensor([[queue_random.normal() for _ in range(c["projectionDim"])]
                              for _ in range(c["queueSize"])], dtype=torch.float32)
        queue = (queue / queue.norm(dim=1, keepdim=True)).to(device)
        queue_pointer = 0

    parameters = trainables_of(encoder, head, predictor)
    # FlatAdam (optimizer.ts) is Kingma & Ba's Adam with ε = 1e-7, the same numbers as torch's
    optimizer = torch.optim.Adam(parameters, lr=c["learningRate"], betas=(0.9, 0.999), eps=1e-7)
    size = c["imageSize"]
    n = min(c["batchSize"], len(images))
    order, cursor = [], 0

    def next_batch():
        nonlocal order, cursor
        indices = []
        for _ in range(n):
            if cursor >= len(order):
                order = random.shuffle(list(range(len(images))))
                cursor = 0
            indices.append(order[cursor])
            cursor += 1
        first, second = [], []
        for index in indices:
            a = sample_view_params(c["augment"], random)
            b = sample_view_params(c["augment"], random)
            first.append(apply_view(source[index], a, size))
            second.append(apply_view(source[index], b, size))
        return torch.stack(first + second).permute(0, 3, 1, 2).contiguous().to(device)

    def representations(array):
        out = []
        with torch.no_grad():
            for start in range(0, len(array), 128):
                chunk = [torch.from_numpy(np.ascontiguousarray(i)) for i in array[start:start + 128]]
                chunk = [i if i.shape[0] == size else crop_resize(i, (0.0, 0.0, 1.0, 1.0), size) for i in chunk]
                out.append(encode(encoder, torch.stack(chunk).permute(0, 3, 1, 2).to(device), False))
        return torch.cat(out)

    def knn():
        if held is None or labels is None:
            return None
        return knn_accuracy(representations(images), labels, representations(held), held_labels, 5)

    reference = {"simclr": "log(2N-1) = %.3f" % math.log(2 * n - 1),
                 "moco": "log(K+1) = %.3f" % math.log(c["queueSize"] + 1),
                 "simsiam": "minimum -1", "byol": "minimum 0"}[c["method"]]
    if c["method"] == "simclr" and c["noNegatives"]:
        reference = "minimum -1/tau = %.3f" % (-1 / c["temperature"])
    print(f"method {c['method']}  N {n}  views {size}px  device {device}  reference {reference}")
    initial = knn()
    print(f"step 0 knn {initial:.4f}" if initial is not None else "step 0 knn n/a")
    started = time.time()
    losses = []
    for step in range(1, args.steps + 1):
        x = next_batch()
        stats = []
        targets = None
        if key_encoder is not None:
            with torch.no_grad():
                targets = project(key_head, encode(key_encoder, x, True))
        z = project(head, encode(encoder, x, True, stats))
        p = predict(predictor, z, True, stats) if predictor is not None else None
        loss = method_loss(c, z, p, targets, queue)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        update_running_stats(stats)
        if key_encoder is not None:
            m = c["momentum"]
            with torch.no_grad():
                for target, online in zip(all_state(key_encoder, key_head), all_state(encoder, head)):
                    target.mul_(m).add_(online.detach() * (1 - m))
        if queue is not None:
            # MoCo builder.py: enqueue after the loss — the second views' keys, one per image
            with torch.no_grad():
                keys = l2_normalize(targets[n:])
                for row in keys:
                    queue[queue_pointer] = row
                    queue_pointer = (queue_pointer + 1) % queue.shape[0]
        value = loss.item()
        losses.append(value)
        if not math.isfinite(value):
            print(f"step {step} loss {value}: not finite (a too-high learning rate is the usual cause)")
            sys.exit(1)
        line = None
        if step % args.log_every == 0 or step == args.steps:
            zd = z.detach()
            line = f"step {step} loss {value:.4f} top1 {positive_top1(zd):.4f} uniformity {uniformity(zd):.4f}"
        if step % args.eval_every == 0 or step == args.steps:
            accuracy = knn()
            if accuracy is not None:
                line = (line or f"step {step} loss {value:.4f}") + f" knn {accuracy:.4f}"
        if line:
            print(line, flush=True)
    elapsed = time.time() - started
    final = knn()
    zd = z.detach()
    result = dict(method=c["method"], steps=args.steps, loss=losses[-1] if losses else None,
                  top1=positive_top1(zd) if losses else None, uniformity=uniformity(zd) if losses else None,
                  knn_initial=initial, knn=final, ms_per_step=1000 * elapsed / max(1, args.steps))
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
`;
