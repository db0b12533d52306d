"""The SimCLR lab's networks and readouts in torch: the encoder, projection head and predictor
of src/core/nn/models.ts and layers.ts (weights drawn from the page's Random stream, tfjs
'same' padding, batch norm with biased variance), and the metrics of src/core/metrics.ts and
src/core/simclr/similarity.ts (positive top-1, uniformity, kNN)."""
import math

import numpy as np
import torch
import torch.nn.functional as F

from playground import l2_normalize, same_pad


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


# BN in the projector per method (src/core/simclr/family.ts projectorNormOf): SimSiam after the hidden layer,
# BYOL after both (the output one without γ, β); SimCLR and MoCo none
PROJECTOR_NORM = {"simclr": "none", "moco": "none", "simsiam": "hidden", "byol": "all"}


def make_head(c, in_dim, random, device):
    # the lab's switch "batch norm in the projector" (projectorBatchNorm) removes it for every method
    norm = PROJECTOR_NORM[c["method"]] if c["projectorBatchNorm"] else "none"
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


# ------------------------------------------------------------ metrics

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
    """Cosine kNN, majority of the k nearest, ties → the nearest (src/core/metrics.ts knnAccuracy)."""
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
