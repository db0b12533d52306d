"""The Blind-SR lab's LightBSR pipeline in torch (src/core/blindsr/lightbsr.ts; the twin
bench/reference/lightbsr_mirror.py): stage 1 trains a teacher that sees the LR patch and the
blur kernel's PCA code (src/core/blindsr/kernel-prior.ts) by the MoCo-queue InfoNCE; stage 2
distils a light student from it (src/core/blindsr/distill.ts: KL of the softmax at τ 0.15 +
0.1 · L1 of h + MSE of the last maps), and trains a control (same student, same init) by the
contrast alone; stage 3 trains the upsamplers on each student (blindsr_stage2.py). Prints
|Spearman(σ, PC1 of h)| of teacher and students, and the PSNRs."""
import argparse
import json
import math
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from blindsr_data import (LOW, blur_kernel, cut, degradation, degrade_batch, hr_pool, negative_weights,
                          quadrant_pair, sample_degradation, sample_hr)
from blindsr_models import Encoder, Head, pc1, spearman
from blindsr_settings import CONFIG, DEFAULT_STEPS, EVALUATE_EVERY, KERNEL_SIZE
from blindsr_stage2 import stage2
from playground import info_nce

# src/core/blindsr/kernel-prior.ts priorDims, priorSamples
PRIOR_DIMS = 15
PRIOR_SAMPLES = 600
# src/core/blindsr/lightbsr.ts studentLearningRate; src/core/blindsr/distill.ts
STUDENT_LEARNING_RATE = 0.002
DISTILL_TEMPERATURE = 0.15
DISTILL_WEIGHTS = {"kl": 1, "l1": 0.1, "mse": 1}
# src/core/blindsr/lightbsr-models.ts: a third of the teacher's weights, its last maps' shape
STUDENT_CHANNELS, STUDENT_STRIDES = (8, 16, 32, 64), (1, 2, 2, 1)


class KernelPrior:
    """The first PRIOR_DIMS principal components of random kernels from the lab's range; a
    kernel's code is its projection in units of PC1's standard deviation (one scale for all:
    isotropic kernels have almost no variance past the fifth component)."""

    def __init__(self, c, seed):
        rng = np.random.default_rng(seed)
        kernels = np.stack([blur_kernel(sample_degradation(c, rng), KERNEL_SIZE).ravel()
                            for _ in range(PRIOR_SAMPLES)]).astype(np.float64)
        self.mean = kernels.mean(0)
        _, s, vt = np.linalg.svd(kernels - self.mean, full_matrices=False)
        self.components = vt[:PRIOR_DIMS]
        self.scale = max(float(s[0]) / math.sqrt(PRIOR_SAMPLES), 1e-15)

    def maps(self, degradations, side, device):
        """[B, P, side, side]: each kernel's code, broadcast to a constant map."""
        k = np.stack([blur_kernel(d, KERNEL_SIZE).ravel() for d in degradations]).astype(np.float64)
        codes = torch.tensor((k - self.mean) @ self.components.T / self.scale, dtype=torch.float32, device=device)
        return codes[:, :, None, None].expand(-1, -1, side, side)


class Contrast:
    """One encoder trained by the MoCo contrast of the DASR stage 1 (blindsr_train.py):
    momentum key encoder, a queue of keys with their degradations, optional prior weights."""

    def __init__(self, c, pool, hr_size, make_encoder, inputs, seed, device):
        self.c, self.pool, self.hr_size, self.inputs = c, pool, hr_size, inputs
        self.encoder, self.head = make_encoder().to(device), Head(64).to(device)
        self.key_encoder, self.key_head = make_encoder().to(device), Head(64).to(device)
        self.key_encoder.load_state_dict(self.encoder.state_dict())
        self.key_head.load_state_dict(self.head.state_dict())
        for p in list(self.key_encoder.parameters()) + list(self.key_head.parameters()):
            p.requires_grad_(False)
        self.optimizer = torch.optim.Adam(list(self.encoder.parameters()) + list(self.head.parameters()),
                                          lr=c["learningRate"], eps=1e-7)
        keys0 = np.random.default_rng(seed + 1).standard_normal((c["queueSize"], 64)).astype(np.float32)
        self.queue = torch.from_numpy(keys0 / np.linalg.norm(keys0, axis=1, keepdims=True)).to(device)
        self.entries, self.pointer = [None] * c["queueSize"], 0
        self.rng, self.device = np.random.default_rng(seed), device

    def step(self):
        c, rng, b = self.c, self.rng, self.c["batchSize"]
        by_degradation = c["pairing"] == "degradation"
        hr = sample_hr(self.pool, 2 * b if by_degradation else b, self.hr_size, rng).to(self.device)
        degradations = [sample_degradation(c, rng) for _ in range(b)]
        corners = [quadrant_pair(rng) for _ in range(hr.shape[0])]
        low = degrade_batch(hr, degradations + degradations if by_degradation else degradations, c, rng)
        first = cut(low, [p[0] for p in corners])
        query, key = (first[:b], first[b:]) if by_degradation else (first, cut(low, [p[1] for p in corners]))
        query, key = self.inputs(query, degradations), self.inputs(key, degradations)
        with torch.no_grad():
            keys = self.key_head(self.key_encoder(key, True))
        self.key_encoder.commit(keep=False)
        weights = None
        if c["weighting"]:
            weights = torch.tensor(np.stack([negative_weights(d, self.entries, c) for d in degradations]),
                                   dtype=torch.float32, device=self.device)
        loss = info_nce(self.head(self.encoder(query, True)), keys, self.queue, c["temperature"], weights)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        self.encoder.commit()
        with torch.no_grad():
            m = c["momentum"]
            for key_net, net in ((self.key_encoder, self.encoder), (self.key_head, self.head)):
                for k_value, q_value in zip(key_net.state_dict().values(), net.state_dict().values()):
                    k_value.mul_(m).add_(q_value * (1 - m))
            for i, row in enumerate(F.normalize(keys, dim=1, eps=1e-6)):
                self.queue[self.pointer] = row
                self.entries[self.pointer] = degradations[i]
                self.pointer = (self.pointer + 1) % self.queue.shape[0]
        return loss.item()


def distillation_terms(h_student, h_teacher, maps_student, maps_teacher):
    """KL(p_t ‖ p_s) with p = softmax(h / τ), batch mean (PyTorch's KLDivLoss(log p_s, p_t));
    L1 of the representations; MSE of the last feature maps."""
    log_student = F.log_softmax(h_student / DISTILL_TEMPERATURE, 1)
    log_teacher = F.log_softmax(h_teacher / DISTILL_TEMPERATURE, 1)
    kl = (log_teacher.exp() * (log_teacher - log_student)).sum(1).mean()
    return kl, (h_student - h_teacher).abs().mean(), ((maps_student - maps_teacher) ** 2).mean()


def main():
    parser = argparse.ArgumentParser(description="Contrastive Playground: Blind-SR, LightBSR teacher → student → SR")
    parser.add_argument("--steps", type=int, default=DEFAULT_STEPS, help="steps of each stage")
    for stage, what in ((1, "teacher contrast"), (2, "distillation"), (3, "SR")):
        parser.add_argument(f"--steps{stage}", type=int, default=None, help=f"{what} steps (default --steps)")
    parser.add_argument("--log-every", type=int, default=25)
    parser.add_argument("--eval-every", type=int, default=EVALUATE_EVERY)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's choice)")
    parser.add_argument("--check-data", action="store_true", help="print a checksum of the HR pool and exit")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    steps1, steps2, steps3 = (args.steps if s is None else s for s in (args.steps1, args.steps2, args.steps3))
    device = torch.device(args.device)
    c = CONFIG
    torch.manual_seed(c["seed"])
    pool = hr_pool()
    if args.check_data:
        print("POOL", len(pool), f"{float(sum(p.astype(np.float64).sum() for p in pool)):.4f}")
        return
    hr_size = LOW * c["scale"]
    prior = KernelPrior(c, c["seed"] + 3)
    with_prior = lambda patches, degradations: torch.cat([patches, prior.maps(degradations, patches.shape[-1], device)], 1)
    teacher = Contrast(c, pool, hr_size, lambda: Encoder(inputs=3 + PRIOR_DIMS), with_prior, c["seed"], device)
    control = Contrast(c, pool, hr_size, lambda: Encoder(STUDENT_CHANNELS, STUDENT_STRIDES), lambda x, _: x,
                       c["seed"] + 500, device)
    student = Encoder(STUDENT_CHANNELS, STUDENT_STRIDES).to(device)
    student.load_state_dict(control.encoder.state_dict())  # one init for both students
    student_optimizer = torch.optim.Adam(student.parameters(), lr=STUDENT_LEARNING_RATE, eps=1e-7)
    distill_rng = np.random.default_rng(c["seed"] + 47)
    count = lambda net: sum(p.numel() for p in net.parameters())
    print(f"Blind-SR {c['pipeline']} x{c['scale']}  {c['blurKind']} sigma {c['sigmaMin']}-{c['sigmaMax']}  "
          f"noise <= {c['noiseMax']}  N {c['batchSize']}  K {c['queueSize']}  tau {c['temperature']}  "
          f"pairing {c['pairing']}  weighting {c['weighting']}  prior {PRIOR_DIMS} PCs  "
          f"params teacher {count(teacher.encoder)} student {count(student)}  device {device}")

    # the embedding grid of src/core/blindsr/eval.ts: 8 blur levels x 6 contents, no noise
    eval_rng = np.random.default_rng(c["seed"] + 7919)
    grid_hr = sample_hr(pool, 6, hr_size, eval_rng).to(device)
    levels = [c["sigmaMin"] + (c["sigmaMax"] - c["sigmaMin"]) * l / 7 for l in range(8)]
    grid_sigma = np.repeat(levels, 6)
    grid_degradations = [degradation("isotropic", s, s, 0.0, 0.0) for s in grid_sigma]
    grid_low = degrade_batch(grid_hr.repeat(8, 1, 1, 1), grid_degradations, c, eval_rng)

    def rho(encoder, inputs=lambda x, _: x):
        with torch.no_grad():
            h = encoder(inputs(grid_low, grid_degradations), False).double().cpu().numpy()
        return abs(spearman(grid_sigma, pc1(h)[0]))

    def distill_step():
        b = c["batchSize"]
        hr = sample_hr(pool, b, hr_size, distill_rng).to(device)
        degradations = [sample_degradation(c, distill_rng) for _ in range(b)]
        low = degrade_batch(hr, degradations, c, distill_rng)
        patches = cut(low, [quadrant_pair(distill_rng)[0] for _ in range(b)])
        with torch.no_grad():  # the teacher is frozen
            maps_teacher = teacher.encoder.maps(with_prior(patches, degradations), False)
        maps_student = student.maps(patches, True)
        terms = distillation_terms(maps_student.mean((2, 3)), maps_teacher.mean((2, 3)), maps_student, maps_teacher)
        loss = sum(w * t for w, t in zip((DISTILL_WEIGHTS["kl"], DISTILL_WEIGHTS["l1"], DISTILL_WEIGHTS["mse"]), terms))
        student_optimizer.zero_grad()
        loss.backward()
        student_optimizer.step()
        student.commit()
        return loss.item(), [t.item() for t in terms]

    def check(stage, step, loss):
        if not math.isfinite(loss):
            print(f"stage {stage} step {step} loss {loss}: not finite")
            sys.exit(1)
        return step % args.log_every == 0 or step % args.eval_every == 0

    started = time.time()
    loss = float("nan")
    print(f"stage 1 step 0 rho_teacher {rho(teacher.encoder, with_prior):.4f}")
    for step in range(1, steps1 + 1):
        loss = teacher.step()
        if check(1, step, loss) or step == steps1:
            print(f"stage 1 step {step} loss {loss:.4f} rho_teacher {rho(teacher.encoder, with_prior):.4f}", flush=True)
    result = dict(stage1_steps=steps1, stage1_loss=loss, rho_teacher=rho(teacher.encoder, with_prior))

    distill, terms, contrast = float("nan"), [float("nan")] * 3, float("nan")
    print(f"stage 2 step 0 rho_student {rho(student):.4f} rho_contrast {rho(control.encoder):.4f}")
    for step in range(1, steps2 + 1):
        distill, terms = distill_step()
        contrast = control.step()  # the control: the same student, the contrast alone
        check(2, step, contrast)
        if check(2, step, distill) or step == steps2:
            print(f"stage 2 step {step} distill {distill:.4f} kl {terms[0]:.4f} l1 {terms[1]:.4f} mse {terms[2]:.4f} "
                  f"contrast {contrast:.4f} rho_student {rho(student):.4f} rho_contrast {rho(control.encoder):.4f}",
                  flush=True)
    result.update(stage2_steps=steps2, distill_loss=distill, kl=terms[0], l1=terms[1], mse=terms[2],
                  contrast_loss=contrast, rho_student=rho(student), rho_contrast=rho(control.encoder))

    # stage 3: upsamplers on each student, one init and the same batches (src/core/blindsr/lightbsr.ts srRandoms)
    sr = stage2(c, args, steps3, pool, hr_size, student, np.random.default_rng(c["seed"] + 77), device,
                label="stage 3 student")
    sr_control = stage2(c, args, steps3, pool, hr_size, control.encoder, np.random.default_rng(c["seed"] + 77),
                        device, label="stage 3 contrast-only student")
    result.update(stage3_steps=steps3, stage3_loss=sr["stage2_loss"], psnr_bicubic=sr["psnr_bicubic"],
                  psnr_without=sr["psnr_without"], psnr_student=sr["psnr_learned"],
                  psnr_contrast=sr_control["psnr_learned"], psnr_oracle=sr["psnr_oracle"])
    result["seconds"] = round(time.time() - started, 1)
    print(f"teacher |rho| {result['rho_teacher']:.3f}  student |rho| {result['rho_student']:.3f}  "
          f"contrast-only student |rho| {result['rho_contrast']:.3f}")
    print(f"PSNR bicubic {result['psnr_bicubic']:.2f}  without {result['psnr_without']:.2f}  "
          f"student {result['psnr_student']:.2f}  contrast-only {result['psnr_contrast']:.2f}  "
          f"oracle {result['psnr_oracle']:.2f}")
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
