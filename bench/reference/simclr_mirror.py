"""PyTorch mirror of the playground's SimCLR lab (src/core/simclr/trainer.ts and what it uses).

torch and numpy; split by idea into mirror_shapes.py (data), mirror_views.py
(augmentations), mirror_model.py (model, metrics) and the losses of the exported scripts
(src/export/python/playground.py); this file trains. The random
streams differ from the TypeScript sfc32 stream; every distribution is the same:

  data      src/data/shapes.ts       procedural labelled shapes, rendered at 40 px with
                                     3x3 super-sampling; colour and background independent
                                     of the class; 48 train + 16 held-out per class
  views     src/core/simclr/augment.ts   crop (area in [min, 1], aspect in [3/4, 4/3]) -> flip
            src/core/image.ts        (p .5) -> colour jitter (p .8, random order) ->
                                     grayscale (p .2) -> blur (p .5, off by default);
                                     cropResize = bilinear at output pixel centres, clamped
  model     src/core/nn/models.ts     3x3 conv without bias (tf 'same' padding) -> batch norm
            src/core/nn/layers.ts     (batch statistics in training, biased variance, eps
            src/core/nn/batchnorm.ts  1e-5; running averages momentum .9) -> ReLU; global
                                     average pool = h; head z = W2 relu(W1 h + b1) + b2;
                                     He-normal initial weights (std sqrt(2 / fan_in)),
                                     zero biases
  loss      src/core/nn/losses.ts     NT-Xent, mean over the 2N anchors (or positive-only)
  optimizer src/core/nn/optimizer.ts  Adam, betas .9/.999, eps 1e-7 (same update as
                                     torch.optim.Adam with eps 1e-7)
  metrics   src/core/simclr/similarity.ts positive top-1 on the trained batch's cosine matrix of z
            src/core/metrics.ts      (the z of the training forward pass); kNN (k 5, cosine,
                                     majority, ties -> nearest) of h on the held-out split,
                                     images resized to the view size, BN running averages;
                                     uniformity (t 2) of the batch's normalised z

Beyond the app's options, the CLI exposes the data-design and schedule levers that the
defaults experiment tried (shape size, rotation, placement, class set, warm-up, cosine
decay, weight decay). Their defaults are the app's defaults (issue #11); the app's
earlier defaults were --size 32 --batch 32 --tau 0.5 --crop-min 0.35 --rotation 1.

  /usr/bin/python3 bench/reference/simclr_mirror.py --steps 600 --eval-every 50
  /usr/bin/python3 bench/reference/simclr_mirror.py --time-only      # ms/step, 1 thread
  # the app's earlier defaults (slow learners):
  /usr/bin/python3 bench/reference/simclr_mirror.py --size 32 --batch 32 --tau 0.5 \
      --crop-min 0.35 --rotation 1 --steps 600

The family (issue #16, src/core/simclr/family.ts): --method moco|simsiam|byol with --queue,
--momentum, --pred-hidden, --proj-bn none|hidden|all, --no-stopgrad, --pred-lr, --optimizer.
The lab's recommended settings per method:

  /usr/bin/python3 bench/reference/simclr_mirror.py --method moco --steps 300
  /usr/bin/python3 bench/reference/simclr_mirror.py --method simsiam --proj-bn hidden \
      --pred-hidden 64 --batch 32 --steps 600
  /usr/bin/python3 bench/reference/simclr_mirror.py --method byol --proj-bn all \
      --pred-hidden 64 --batch 32 --momentum 0.9 --steps 600

Prints one line per report (step, loss, top-1, kNN, uniformity, ms/step) and a final
JSON line.
"""
import argparse
import copy
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from mirror_model import Predictor, SimclrModel, knn_accuracy, positive_top1, uniformity
from mirror_shapes import SHAPES, make_shapes_dataset
from mirror_views import crop_resize, make_views, sample_view_params

# the losses of the exported scripts (src/export/python/playground.py)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'export', 'python'))
from playground import info_nce, negative_cosine, nt_xent, positive_only  # noqa: E402 (the path first)

# ----------------------------------------------------------------------------- training

def parse_ints(s):
    return [int(v) for v in s.split(',') if v]


def build_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--steps', type=int, default=600)
    p.add_argument('--batch', type=int, default=16, help='N images -> 2N views')
    p.add_argument('--size', type=int, default=16, help='view side (app: 16,24,32,48,64)')
    p.add_argument('--tau', type=float, default=0.2)
    p.add_argument('--lr', type=float, default=3e-3)
    p.add_argument('--channels', type=parse_ints, default=[16, 32, 64, 64])
    p.add_argument('--strides', type=parse_ints, default=[1, 2, 2, 2])
    p.add_argument('--hidden', type=int, default=64)
    p.add_argument('--proj', type=int, default=32)
    p.add_argument('--warmup', type=int, default=0, help='linear lr warm-up steps')
    p.add_argument('--cosine', type=int, default=0, help='cosine decay to 0 over this many steps (0: constant)')
    p.add_argument('--wd', type=float, default=0.0, help='decoupled weight decay (AdamW), 0: plain Adam')
    p.add_argument('--no-negatives', action='store_true', help='positive-only loss')
    # the family (src/core/simclr/config.ts method, queueSize, momentum, stopGradient, predictorHiddenDim)
    p.add_argument('--method', default='simclr', choices=['simclr', 'moco', 'simsiam', 'byol'])
    p.add_argument('--queue', type=int, default=256, help='MoCo: K keys')
    p.add_argument('--momentum', type=float, default=0.99, help='MoCo / BYOL target momentum')
    p.add_argument('--momentum-cosine', action='store_true', help='BYOL: m -> 1 by a cosine over --steps')
    p.add_argument('--pred-hidden', type=int, default=16, help='SimSiam / BYOL predictor width')
    p.add_argument('--pred-no-bn', action='store_true', help='predictor hidden layer without BN')
    p.add_argument('--pred-lr', type=float, default=None, help='predictor lr (default: --lr)')
    p.add_argument('--proj-bn', default='none', choices=['none', 'hidden', 'all'])
    p.add_argument('--no-stopgrad', action='store_true', help='SimSiam without stop-gradient')
    p.add_argument('--optimizer', default='adam', choices=['adam', 'sgd'])
    # augmentations (src/core/simclr/config.ts)
    p.add_argument('--crop-min', type=float, default=0.75)
    p.add_argument('--no-crop', action='store_true')
    p.add_argument('--no-flip', action='store_true')
    p.add_argument('--no-jitter', action='store_true')
    p.add_argument('--color-strength', type=float, default=0.5)
    p.add_argument('--no-grayscale', action='store_true')
    p.add_argument('--gray-p', type=float, default=0.2)
    p.add_argument('--blur', action='store_true')
    # data design (src/data/shapes.ts); defaults = the app today
    p.add_argument('--source-size', type=int, default=40)
    p.add_argument('--per-class', type=int, default=48)
    p.add_argument('--held-out', type=int, default=16)
    p.add_argument('--radius-min', type=float, default=0.3)
    p.add_argument('--radius-max', type=float, default=0.45)
    p.add_argument('--rotation', type=float, default=0.0, help='rotation range in turns (0: upright, the app; 1: full)')
    p.add_argument('--center-jitter', type=float, default=-1.0,
                   help='<0: anywhere it fits (app); else centre +- this fraction')
    p.add_argument('--copies', type=int, default=1, help='copies of the shape per image (app: 1)')
    p.add_argument('--classes', type=lambda s: s.split(','), default=list(SHAPES))
    # run
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--data-seed', type=int, default=None, help='default: --seed')
    p.add_argument('--eval-every', type=int, default=50)
    p.add_argument('--threads', type=int, default=1)
    p.add_argument('--time-only', action='store_true', help='time 60 steps, no evaluation')
    p.add_argument('--quiet', action='store_true', help='final JSON line only')
    a = p.parse_args(argv)
    a.crop, a.flip, a.jitter, a.grayscale = not a.no_crop, not a.no_flip, not a.no_jitter, not a.no_grayscale
    return a


def run(a):
    torch.set_num_threads(a.threads)
    gen = torch.Generator().manual_seed(a.seed)
    rng = np.random.default_rng(a.seed + 1000)
    (train_x, train_y), (held_x, held_y) = make_shapes_dataset(
        a.seed if a.data_seed is None else a.data_seed, a.source_size, a, a.per_class, a.held_out)
    model = SimclrModel(a.channels, a.strides, a.hidden, a.proj, gen, a.proj_bn)
    predictor = Predictor(a.proj, a.pred_hidden, gen, not a.pred_no_bn) if a.method in ('simsiam', 'byol') else None
    target = None
    if a.method in ('moco', 'byol'):  # the momentum copy starts equal to the online network
        target = copy.deepcopy(model)
        for t in target.parameters():
            t.requires_grad_(False)
    queue = None
    if a.method == 'moco':
        queue = F.normalize(torch.randn(a.queue, a.proj, generator=gen), dim=1)
        queue_ptr = 0
    groups = [dict(params=list(model.parameters()), fixed=False)]
    if predictor is not None:
        groups.append(dict(params=list(predictor.parameters()), fixed=a.pred_lr is not None,
                           lr=a.pred_lr if a.pred_lr is not None else a.lr))
    groups = [dict(g, params=[q for q in g['params'] if q.requires_grad]) for g in groups]
    if a.optimizer == 'sgd':
        opt = torch.optim.SGD(groups, lr=a.lr, momentum=0.9, weight_decay=a.wd)
    elif a.wd > 0:
        opt = torch.optim.AdamW(groups, lr=a.lr, eps=1e-7, weight_decay=a.wd)
    else:
        opt = torch.optim.Adam(groups, lr=a.lr, eps=1e-7)

    def lr_at(step):  # step counts from 1
        f = 1.0
        if a.warmup > 0:
            f = min(1.0, step / a.warmup)
        if a.cosine > 0:
            t = min(1.0, max(0, step - a.warmup) / max(1, a.cosine - a.warmup))
            f *= 0.5 * (1 + math.cos(math.pi * t))
        return a.lr * f

    def as_tensor(x):
        return torch.from_numpy(np.ascontiguousarray(x)).permute(0, 3, 1, 2).contiguous()

    full = [(0.0, 0.0, 1.0, 1.0)]
    eval_train = as_tensor(crop_resize(train_x, full * len(train_x), a.size))
    eval_held = as_tensor(crop_resize(held_x, full * len(held_x), a.size))

    @torch.no_grad()
    def knn():
        return knn_accuracy(model.encode(eval_train, False), torch.from_numpy(train_y),
                            model.encode(eval_held, False), torch.from_numpy(held_y))

    n = min(a.batch, len(train_x))
    order, cursor = [], 0
    history = []
    train_ms, aug_ms = [], []
    window = []
    steps = 60 if a.time_only else a.steps
    first_knn = None if a.time_only else knn()
    if not a.quiet and not a.time_only:
        print(f'step    0  knn {first_knn:.3f}', flush=True)
    for step in range(1, steps + 1):
        t0 = time.perf_counter()
        idx = []
        for _ in range(n):  # epoch by epoch without replacement
            if cursor >= len(order):
                order, cursor = list(rng.permutation(len(train_x))), 0
            idx.append(order[cursor])
            cursor += 1
        imgs = train_x[idx]
        params = [sample_view_params(a, rng) for _ in range(2 * n)]
        pa = [params[2 * i] for i in range(n)]  # a and b drawn per image, as in makeViews
        pb = [params[2 * i + 1] for i in range(n)]
        views = np.concatenate([make_views(imgs, pa, a.size), make_views(imgs, pb, a.size)])
        x = as_tensor(views)
        t1 = time.perf_counter()
        for g in opt.param_groups:
            if not g.get('fixed'):
                g['lr'] = lr_at(step)
        if target is not None:
            with torch.no_grad():
                keys = target.project(target.encode(x, True))
        z = model.project(model.encode(x, True))
        if a.method == 'moco':
            loss = 0.5 * (info_nce(z[:n], keys[n:], queue, a.tau) + info_nce(z[n:], keys[:n], queue, a.tau))
        elif a.method in ('simsiam', 'byol'):
            p_ = predictor(z, True)
            t_ = keys if a.method == 'byol' else (z if a.no_stopgrad else z.detach())
            loss = 0.5 * (negative_cosine(p_[:n], t_[n:]) + negative_cosine(p_[n:], t_[:n]))
            if a.method == 'byol':
                loss = 2 + 2 * loss
        else:
            loss = positive_only(z[:n], z[n:], a.tau) if a.no_negatives else nt_xent(z[:n], z[n:], a.tau)
        opt.zero_grad()
        loss.backward()
        opt.step()
        model.update_running()
        if predictor is not None:
            predictor.update_running()
        if target is not None:
            m = a.momentum
            if a.momentum_cosine:  # BYOL eq. (schedule): 1 - (1 - m0)(cos(pi k / K) + 1) / 2
                m = 1 - (1 - a.momentum) * (math.cos(math.pi * step / steps) + 1) / 2
            with torch.no_grad():
                for t, o in zip(target.state_dict().values(), model.state_dict().values()):
                    t.mul_(m).add_(o.detach() * (1 - m))
            if queue is not None:  # MoCo builder.py: enqueue after the loss, the second views' keys
                for row in F.normalize(keys[n:], dim=1):
                    queue[queue_ptr] = row
                    queue_ptr = (queue_ptr + 1) % queue.shape[0]
        t2 = time.perf_counter()
        aug_ms.append((t1 - t0) * 1000)
        train_ms.append((t2 - t1) * 1000)
        if a.time_only:
            continue
        with torch.no_grad():
            zn = F.normalize(z.detach(), dim=1, eps=1e-12)
            top1 = positive_top1(zn @ zn.t())
            window.append(top1)
        if step % a.eval_every == 0 or step == steps:
            acc = knn()
            unif = uniformity(zn)
            rec = dict(step=step, loss=round(loss.item(), 4), top1=round(top1, 3),
                       top1_avg=round(float(np.mean(window)), 3), knn=round(acc, 4),
                       uniformity=round(unif, 3), ms=round(float(np.median(train_ms)), 2))
            history.append(rec)
            window = []
            if not a.quiet:
                print(f"step {step:4d}  loss {rec['loss']:.3f}  top1 {top1:.3f} (avg {rec['top1_avg']:.3f})  "
                      f"knn {acc:.3f}  unif {unif:.2f}  {rec['ms']:.1f} ms/step (+{np.median(aug_ms):.1f} aug)",
                      flush=True)
    result = dict(ms_per_step=round(float(np.median(train_ms[5:] or train_ms)), 2),
                  aug_ms=round(float(np.median(aug_ms)), 2), knn0=first_knn, history=history)
    print(json.dumps(result), flush=True)
    return result


if __name__ == '__main__':
    run(build_args())
