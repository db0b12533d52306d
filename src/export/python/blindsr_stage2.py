"""Stage 2 of the Blind-SR lab in torch (src/core/blindsr/upsamplers.ts, sr-stage.ts): three
upsamplers from one init on the same batches, conditioned on the frozen encoder's
standardised representation, on zeros, and on the true degradation; PSNR on held-out crops."""
import math
import sys

import numpy as np
import torch

from blindsr_data import (bicubic_resize, cut, degrade_batch, degradation, oracle_features, quadrant_pair,
                          sample_degradation, sample_hr)
from blindsr_models import SrNet, psnr

SR_BATCH = 8


def stage2(c, args, steps, pool, hr_size, encoder, rng, device, contrast_step=None, label="stage 2"):
    """label: how the lines are labelled (SR is stage 3 of the LightBSR pipeline)."""
    torch.manual_seed(c["seed"] + 100)
    nets = {"without": SrNet(64, c["scale"]), "learned": SrNet(64, c["scale"]), "oracle": SrNet(4, c["scale"])}
    base = nets["learned"].state_dict()
    nets["without"].load_state_dict(base)
    oracle_state = nets["oracle"].state_dict()
    for name, value in base.items():  # one init: all but the oracle's condition layer
        if oracle_state[name].shape == value.shape:
            oracle_state[name].copy_(value)
    for net in nets.values():
        net.to(device)
    parameters = [p for net in nets.values() for p in net.parameters()]
    optimizer = torch.optim.Adam(parameters, lr=c["srLearningRate"], eps=1e-7)
    finetune = c["finetune"] and contrast_step is not None
    encoder_optimizer = torch.optim.Adam(encoder.parameters(), lr=c["learningRate"], eps=1e-7) if finetune else None

    # c = (h − mean) / std per dimension, over 128 random LR images taken when stage 2 starts
    stats_rng = np.random.default_rng(c["seed"] + 104729)
    sample = degrade_batch(sample_hr(pool, 128, hr_size, stats_rng).to(device),
                           [sample_degradation(c, stats_rng) for _ in range(128)], c, stats_rng)
    with torch.no_grad():
        h = encoder(sample, False)
    mean, std = h.mean(0, keepdim=True), h.std(0, keepdim=True) + 1e-3

    def conditions(low, degradations, grad=False):
        with torch.set_grad_enabled(grad):
            learned = (encoder(low, False) - mean) / std
        return {"learned": learned, "without": torch.zeros_like(learned),
                "oracle": torch.tensor([oracle_features(d, c) for d in degradations], dtype=torch.float32, device=device)}

    # held-out: 8 blur levels over the range x 8 crops, kernels drawn like training's
    held_rng = np.random.default_rng(c["seed"] + 31337)
    held_degradations = []
    for i in range(64):
        s = c["sigmaMin"] + (c["sigmaMax"] - c["sigmaMin"]) * (i // 8) / 7
        noise = held_rng.uniform(0, c["noiseMax"])
        if c["blurKind"] == "isotropic":
            held_degradations.append(degradation("isotropic", s, s, 0.0, noise))
        else:
            e = math.sqrt(held_rng.uniform(1, 2))
            held_degradations.append(degradation("anisotropic", s * e, s / e, held_rng.uniform(0, math.pi), noise))
    held_hr = sample_hr(pool, 64, hr_size, held_rng).to(device)
    held_low = degrade_batch(held_hr, held_degradations, c, held_rng)
    corner = [(0, 0)] * 64

    def evaluate():
        low, hr = cut(held_low, corner), cut(held_hr, corner, c["scale"])
        with torch.no_grad():
            outputs = {"bicubic": bicubic_resize(low, hr.shape[-1])}
            for name, cond in conditions(held_low, held_degradations).items():
                outputs[name] = nets[name](low, cond)
        return {name: psnr(out.clamp(0, 1).cpu().numpy(), hr.cpu().numpy()) for name, out in outputs.items()}

    def show(step, loss):
        p = evaluate()
        print(f"{label} step {step} loss {loss:.4f} psnr bicubic {p['bicubic']:.3f} without {p['without']:.3f} "
              f"learned {p['learned']:.3f} oracle {p['oracle']:.3f}", flush=True)
        return p

    show(0, float("nan"))
    loss = float("nan")
    for step in range(1, steps + 1):
        if finetune:
            contrast_step()
        hr = sample_hr(pool, SR_BATCH, hr_size, rng).to(device)
        degradations = [sample_degradation(c, rng) for _ in range(SR_BATCH)]
        low = degrade_batch(hr, degradations, c, rng)
        corners = [quadrant_pair(rng)[0] for _ in range(SR_BATCH)]
        low_patch, hr_patch = cut(low, corners), cut(hr, corners, c["scale"])
        conds = conditions(low, degradations, grad=finetune)
        losses = {name: (net(low_patch, conds[name]) - hr_patch).abs().mean() for name, net in nets.items()}
        optimizer.zero_grad()
        if encoder_optimizer:
            encoder_optimizer.zero_grad()
        sum(losses.values()).backward()
        optimizer.step()
        if encoder_optimizer:
            encoder_optimizer.step()
        loss = losses["learned"].item()  # the page's loss readout: the learned net's L1
        if not math.isfinite(loss):
            print(f"{label} step {step} loss {loss}: not finite")
            sys.exit(1)
        if step % args.eval_every == 0 or step == steps:
            p = show(step, loss)
        elif step % args.log_every == 0:
            print(f"{label} step {step} loss {loss:.4f}", flush=True)
    p = evaluate()
    return dict(stage2_steps=steps, stage2_loss=loss, psnr_bicubic=p["bicubic"], psnr_without=p["without"],
                psnr_learned=p["learned"], psnr_oracle=p["oracle"])
