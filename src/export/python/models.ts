/** Python for the exported script — src/core/models.ts and layers.ts: tfjs 'same' padding, batch norm with biased variance. */
export const pyModels = String.raw`
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


def batch_norm_relu(norm, x, training, stats, relu=True):
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
    return y.relu() if relu else y


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


# BN in the projector per method (family.ts projectorNormOf): SimSiam after the hidden layer,
# BYOL after both (the output one without γ, β); SimCLR and MoCo none
PROJECTOR_NORM = {"simclr": "none", "moco": "none", "simsiam": "hidden", "byol": "all"}


def make_head(c, in_dim, random, device):
    norm = PROJECTOR_NORM[c["method"]]
    head = dict(hidden=make_dense(in_dim, c["hiddenDim"], random, device),
                out=make_dense(c["hiddenDim"], c["projectionDim"], random, device))
    if norm != "none":
        head["hidden_norm"] = make_batch_norm(c["hiddenDim"], device)
    if norm == "all":
        head["out_norm"] = make_batch_norm(c["projectionDim"], device)
        head["out_norm"]["gamma"].requires_grad_(False)
        head["out_norm"]["beta"].requires_grad_(False)
    return head


def project(head, h, training=True, stats=None):
    """The projection head g: z = W2 ReLU(W1 h), with BN where the method has it. [B, C] → [B, P]"""
    hidden = dense(head["hidden"], h)
    if "hidden_norm" in head:
        hidden = batch_norm_relu(head["hidden_norm"], hidden, training, stats)
    else:
        hidden = hidden.relu()
    z = dense(head["out"], hidden)
    if "out_norm" in head:
        z = batch_norm_relu(head["out_norm"], z, training, stats, relu=False)
    return z


def predict(predictor, z, training, stats=None):
    """SimSiam / BYOL predictor: Linear → BN → ReLU → Linear. [B, P] → [B, P]"""
    return dense(predictor["out"], batch_norm_relu(predictor["norm"], dense(predictor["hidden"], z), training, stats))


def trainables_of(encoder=None, head=None, predictor=None):
    out = []
    if encoder:
        out += [c["filter"] for c in encoder["convs"]] + [t for n in encoder["norms"] for t in (n["gamma"], n["beta"])]
    if head:
        out += [head["hidden"]["kernel"], head["hidden"]["bias"]]
        if "hidden_norm" in head:
            out += [head["hidden_norm"]["gamma"], head["hidden_norm"]["beta"]]
        out += [head["out"]["kernel"], head["out"]["bias"]]
    if predictor:
        out += [predictor["hidden"]["kernel"], predictor["hidden"]["bias"], predictor["norm"]["gamma"],
                predictor["norm"]["beta"], predictor["out"]["kernel"], predictor["out"]["bias"]]
    return out


def all_state(encoder, head):
    """Every tensor the momentum update moves, BN running statistics included."""
    norms = encoder["norms"] + [head[k] for k in ("hidden_norm", "out_norm") if k in head]
    return trainables_of(encoder, head) + [t for n in norms for t in (n["mean"], n["var"])]
`;
