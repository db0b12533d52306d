"""The Blind-SR lab's training in torch (src/core/blindsr/trainer.ts, eval.ts): stage 1 (a
momentum key encoder, a queue of K keys with their degradations, InfoNCE weighted by the
degradation prior), then stage 2 (blindsr_stage2.py), printing the page's readouts: loss,
|Spearman(σ, PC1 of h)| on the 8 σ × 6 contents grid, PSNR."""
import argparse
import json
import math
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from blindsr_data import (LOW, cut, degradation, degrade_batch, hr_pool, negative_weights, quadrant_pair,
                          sample_degradation, sample_hr)
from blindsr_models import Encoder, Head, pc1, spearman
from blindsr_settings import CONFIG, DEFAULT_STEPS, EVALUATE_EVERY
from blindsr_stage2 import stage2
from playground import info_nce

def main():
    parser = argparse.ArgumentParser(description="Contrastive Playground: Blind-SR, stage 1 then stage 2")
    parser.add_argument("--steps", type=int, default=DEFAULT_STEPS, help="steps of each stage")
    parser.add_argument("--steps1", type=int, default=None, help="stage-1 steps (default --steps)")
    parser.add_argument("--steps2", type=int, default=None, help="stage-2 steps (default --steps)")
    parser.add_argument("--log-every", type=int, default=25)
    parser.add_argument("--eval-every", type=int, default=EVALUATE_EVERY)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's choice)")
    parser.add_argument("--check-data", action="store_true", help="print a checksum of the HR pool and exit")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    steps1 = args.steps if args.steps1 is None else args.steps1
    steps2 = args.steps if args.steps2 is None else args.steps2
    device = torch.device(args.device)
    c = CONFIG
    torch.manual_seed(c["seed"])
    rng = np.random.default_rng(c["seed"])
    pool = hr_pool()
    if args.check_data:
        print("POOL", len(pool), f"{float(sum(p.astype(np.float64).sum() for p in pool)):.4f}")
        return
    hr_size = LOW * c["scale"]
    encoder, head = Encoder().to(device), Head(64).to(device)
    key_encoder, key_head = Encoder().to(device), Head(64).to(device)
    key_encoder.load_state_dict(encoder.state_dict())  # the key encoder starts as a copy (MoCo)
    key_head.load_state_dict(head.state_dict())
    for p in list(key_encoder.parameters()) + list(key_head.parameters()):
        p.requires_grad_(False)
    optimizer = torch.optim.Adam(list(encoder.parameters()) + list(head.parameters()), lr=c["learningRate"], eps=1e-7)
    keys0 = np.random.default_rng(c["seed"] + 1).standard_normal((c["queueSize"], 64)).astype(np.float32)
    queue = torch.from_numpy(keys0 / np.linalg.norm(keys0, axis=1, keepdims=True)).to(device)
    entries, pointer = [None] * c["queueSize"], 0
    print(f"Blind-SR {c['pipeline']} x{c['scale']}  {c['blurKind']} sigma {c['sigmaMin']}-{c['sigmaMax']}  noise <= {c['noiseMax']}  "
          f"N {c['batchSize']}  K {c['queueSize']}  tau {c['temperature']}  pairing {c['pairing']}  "
          f"weighting {c['weighting']}  device {device}")

    # the embedding grid of src/core/blindsr/eval.ts: 8 blur levels x 6 contents, no noise
    eval_rng = np.random.default_rng(c["seed"] + 7919)
    grid_hr = sample_hr(pool, 6, hr_size, eval_rng).to(device)
    levels = [c["sigmaMin"] + (c["sigmaMax"] - c["sigmaMin"]) * l / 7 for l in range(8)]
    grid_sigma = np.repeat(levels, 6)
    grid_low = degrade_batch(grid_hr.repeat(8, 1, 1, 1), [degradation("isotropic", s, s, 0.0, 0.0) for s in grid_sigma], c, eval_rng)

    def rho():
        with torch.no_grad():
            h = encoder(grid_low, False).double().cpu().numpy()
        return abs(spearman(grid_sigma, pc1(h)[0]))

    def contrast_step():
        nonlocal pointer
        b = c["batchSize"]
        by_degradation = c["pairing"] == "degradation"
        hr = sample_hr(pool, 2 * b if by_degradation else b, hr_size, rng).to(device)
        degradations = [sample_degradation(c, rng) for _ in range(b)]
        corners = [quadrant_pair(rng) for _ in range(hr.shape[0])]
        low = degrade_batch(hr, degradations + degradations if by_degradation else degradations, c, rng)
        first = cut(low, [p[0] for p in corners])
        # positives: two images degraded alike ('degradation'), or two quadrants of one image
        query, key = (first[:b], first[b:]) if by_degradation else (first, cut(low, [p[1] for p in corners]))
        with torch.no_grad():
            keys = key_head(key_encoder(key, True))
        key_encoder.commit(keep=False)
        weights = None
        if c["weighting"]:
            weights = torch.tensor(np.stack([negative_weights(d, entries, c) for d in degradations]),
                                   dtype=torch.float32, device=device)
        loss = info_nce(head(encoder(query, True)), keys, queue, c["temperature"], weights)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        encoder.commit()
        with torch.no_grad():
            m = c["momentum"]
            for key_net, net in ((key_encoder, encoder), (key_head, head)):
                for k_value, q_value in zip(key_net.state_dict().values(), net.state_dict().values()):
                    k_value.mul_(m).add_(q_value * (1 - m))
            # MoCo builder.py: enqueue after the loss, each key with its degradation
            for i, row in enumerate(F.normalize(keys, dim=1, eps=1e-6)):
                queue[pointer] = row
                entries[pointer] = degradations[i]
                pointer = (pointer + 1) % queue.shape[0]
        return loss.item()

    started = time.time()
    loss = float("nan")
    print(f"stage 1 step 0 rho {rho():.4f}")
    for step in range(1, steps1 + 1):
        loss = contrast_step()
        if not math.isfinite(loss):
            print(f"stage 1 step {step} loss {loss}: not finite")
            sys.exit(1)
        if step % args.log_every == 0 or step % args.eval_every == 0 or step == steps1:
            print(f"stage 1 step {step} loss {loss:.4f} rho {rho():.4f}", flush=True)
    result = dict(stage1_steps=steps1, stage1_loss=loss, rho=rho())
    result.update(stage2(c, args, steps2, pool, hr_size, encoder, rng, device, contrast_step))
    result["seconds"] = round(time.time() - started, 1)
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
