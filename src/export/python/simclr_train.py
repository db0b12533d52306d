"""The SimCLR lab's training loop in torch (src/core/simclr/trainer.ts): the same method,
model, views, loss and optimiser from the same seed, printing the page's readouts."""
import argparse
import base64
import json
import math
import sys
import time

import numpy as np
import torch

from playground import Random, l2_normalize, make_shapes_dataset, negative_cosine, nt_xent, info_nce, positive_only
from simclr_model import (all_state, encode, knn_accuracy, make_batch_norm, make_dense, make_encoder,
                          make_head, positive_top1, predict, project, trainables_of, uniformity,
                          update_running_stats)
from simclr_settings import CONFIG, DATA, DEFAULT_STEPS, EVALUATE_EVERY, SHAPES
from simclr_views import apply_view, crop_resize, sample_view_params


def embedded_dataset():
    """The photos or uploads the page embedded: (images, labels, held-out, labels)."""
    def decode(text, count):
        raw = np.frombuffer(base64.b64decode(text), dtype=np.uint8).astype(np.float32) / 255
        return raw.reshape(count, DATA["size"], DATA["size"], 3)

    images = decode(DATA["images"], DATA["count"])
    labels = np.array(DATA["labels"], dtype=np.int64) if DATA["labels"] is not None else None
    if DATA["heldOutCount"]:
        held = decode(DATA["heldOut"], DATA["heldOutCount"])
        return images, labels, held, np.array(DATA["heldOutLabels"], dtype=np.int64)
    return images, labels, None, None


def method_loss(c, z, p, targets, queue):
    """Each method's loss (src/core/simclr/family.ts): z [2N, P] as [z1; z2], p the predictor's
    output, targets the momentum network's z, queue MoCo's [K, P] negatives."""
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
        images, labels, held, held_labels = make_shapes_dataset(DATA["seed"], DATA["size"], SHAPES)
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
    head = make_head(c, encoder["out_dim"], model_random, device)
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
    # FlatAdam (src/core/nn/optimizer.ts) is Kingma & Ba's Adam with ε = 1e-7, the same numbers as torch's
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
        z = project(head, encode(encoder, x, True, stats), True, stats)
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
