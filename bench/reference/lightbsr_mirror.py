"""PyTorch twin of the playground's LightBSR pipeline (teacher -> distilled student -> SR).

Data, degradations, layers, the MoCo contrast, the |Spearman(sigma, PC1)| grid and the
stage-2 upsamplers come from blindsr_mirror.py (the DASR-style lab's twin); this file adds
what LightBSR (Yuan et al., ICCV 2025) adds on top:

  prior      the blur kernel (21x21, this lab's kernel size, as the paper's) projected onto
             the first P = 15 principal components of 1,000 random kernels from the lab's
             own degradation range, all coefficients divided by PC1's standard deviation
             (one scale: isotropic kernels have ~0 variance past PC5, and a per-component
             scale would blow that up), broadcast to a P-channel map beside the RGB input
  teacher    the lab's encoder (16-16-32-32-64-64) with 3 + P input channels (RGB centred,
             the prior map not: centring would erase a constant map), InfoNCE over a MoCo
             queue, as the DASR-style stage 1
  student    a lighter encoder (8-16(s2)-32(s2)-64), LR only
  distill    KL(p_t || p_s) with p = softmax(h / 0.15) (PyTorch KLDivLoss(log p_s, p_t),
             batch mean) + 0.1 * L1(h_s, h_t) + MSE(maps_s, maps_t), the teacher frozen
  contrast   the same student trained by the MoCo contrast alone, same steps (the control)
  SR         stage-2 upsamplers on the distilled student's h, on the contrast-only
             student's h, and on nothing (same init, same batches)

  joint      --teacher-joint-steps N: the teacher's second phase (LightBSR teacher_trainer.py):
             N steps of a contrast step then L1 of an upsampler on the teacher's h, its
             gradient reaching the teacher at --joint-encoder-lr x lr2. 400 steps at 1.0
             (3 seeds): teacher |rho| 0.085/0.257/0.913 -> 0.84/0.954/0.988; distilled vs
             contrast-only at 400 student steps 0.922/0.939/0.887 vs 0.971/0.927/0.879

Usage: python3 lightbsr_mirror.py --seeds 1 2 3 --teacher-steps 400 --student-steps 400
Prints JSON lines; the last one per seed is the summary row.
"""
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blindsr_mirror as bm  # noqa: E402

torch.set_num_threads(1)

TEACHER_CHANNELS = [16, 16, 32, 32, 64, 64]
TEACHER_STRIDES = [1, 1, 2, 1, 2, 1]
STUDENT_CHANNELS = [8, 16, 32, 64]
STUDENT_STRIDES = [1, 2, 2, 1]


# --------------------------------------------------------------------------------------
# the degradation prior: PCA of kernels
# --------------------------------------------------------------------------------------
def kernel_pca(ranges, ksize, count, dims, seed):
    """Components [dims, k*k], mean [k*k], std of each coefficient [dims], explained ratio."""
    rng = np.random.default_rng(seed)
    kernels = np.stack([bm.blur_kernel(bm.sample_degradation(ranges, rng), ksize).ravel()
                        for _ in range(count)]).astype(np.float64)
    mean = kernels.mean(0)
    _, s, vt = np.linalg.svd(kernels - mean, full_matrices=False)
    var = s ** 2 / count
    explained = np.cumsum(var) / var.sum()
    return vt[:dims], mean, np.sqrt(var[:dims]), explained


class Prior:
    def __init__(self, ranges, ksize, dims, seed, count=1000):
        self.ksize, self.dims = ksize, dims
        self.components, self.mean, self.std, self.explained = kernel_pca(
            ranges, ksize, count, dims, seed)

    def codes(self, degs):
        """[B, P]: each kernel's coefficients in units of PC1's std."""
        k = np.stack([bm.blur_kernel(d, self.ksize).ravel() for d in degs]).astype(np.float64)
        return torch.from_numpy(((k - self.mean) @ self.components.T / self.std[0])
                                .astype(np.float32))

    def maps(self, degs, side):
        c = self.codes(degs)
        return c[:, :, None, None].expand(-1, -1, side, side)


# --------------------------------------------------------------------------------------
# encoders with any input width, returning maps and h
# --------------------------------------------------------------------------------------
class Encoder(nn.Module):
    def __init__(self, cin, channels, strides, centre_channels=3):
        super().__init__()
        convs, norms = [], []
        for c, s in zip(channels, strides):
            convs.append(bm.Conv(cin, c, 3, s, bias=False))
            norms.append(bm.BatchNorm(c))
            cin = c
        self.convs, self.norms = nn.ModuleList(convs), nn.ModuleList(norms)
        self.out_dim = cin
        self.centre_channels = centre_channels

    def maps(self, x, training):
        rgb = x[:, :self.centre_channels]
        x = torch.cat([rgb - rgb.mean((2, 3), keepdim=True), x[:, self.centre_channels:]], 1)
        for conv, norm in zip(self.convs, self.norms):
            x = F.leaky_relu(norm(conv(x), training), 0.1)
        return x

    def forward(self, x, training):
        return self.maps(x, training).mean((2, 3))

    def commit(self):
        for n in self.norms:
            n.commit()

    def drop_pending(self):
        for n in self.norms:
            n.pending = None


def params(module):
    return sum(p.numel() for p in module.parameters())


# --------------------------------------------------------------------------------------
# MoCo contrast for any encoder (teacher with prior, or the student alone)
# --------------------------------------------------------------------------------------
class Contrast:
    def __init__(self, lab, encoder, make_encoder, prior, seed):
        cfg = lab.cfg
        self.lab, self.prior, self.cfg = lab, prior, cfg
        self.encoder, self.head = encoder, bm.Head(encoder.out_dim)
        self.key_encoder, self.key_head = make_encoder(), bm.Head(encoder.out_dim)
        self.key_encoder.load_state_dict(encoder.state_dict())
        self.key_head.load_state_dict(self.head.state_dict())
        for p in list(self.key_encoder.parameters()) + list(self.key_head.parameters()):
            p.requires_grad_(False)
        self.opt = torch.optim.Adam(list(encoder.parameters()) + list(self.head.parameters()),
                                    lr=cfg.lr, eps=1e-7)
        qr = np.random.default_rng(seed + 1)
        keys = qr.standard_normal((cfg.queue, 64)).astype(np.float32)
        self.queue = torch.from_numpy(keys / np.linalg.norm(keys, axis=1, keepdims=True))
        self.entries = [None] * cfg.queue
        self.pointer = 0
        self.rng = np.random.default_rng(seed + 31)

    def inputs(self, patches, degs):
        if self.prior is None:
            return patches
        return torch.cat([patches, self.prior.maps(degs, patches.shape[-1])], 1)

    def step(self):
        lab, cfg, b = self.lab, self.cfg, self.cfg.batch
        hr, _ = lab.sample_hr(2 * b, self.rng)
        degs = [bm.sample_degradation(lab.ranges, self.rng) for _ in range(b)]
        quads = [self.rng.permutation(4)[:1] for _ in range(2 * b)]
        low = lab.degrade(hr, degs + degs, self.rng)
        first = bm.cut(low, [bm.quadrant(q[0]) for q in quads])
        qp, kp = self.inputs(first[:b], degs), self.inputs(first[b:], degs)
        with torch.no_grad():
            keys = self.key_head(self.key_encoder(kp, True))
        self.key_encoder.drop_pending()
        w = (bm.negative_weights_matrix(degs, self.entries, lab.ranges, cfg.weight_width)
             if cfg.weighting else None)
        loss = bm.info_nce(self.head(self.encoder(qp, True)), keys, self.queue, cfg.tau, w)
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        self.encoder.commit()
        with torch.no_grad():
            m = cfg.momentum
            for kq, qq in ((self.key_encoder, self.encoder), (self.key_head, self.head)):
                for t1, t2 in zip(kq.state_dict().values(), qq.state_dict().values()):
                    t1.mul_(m).add_(t2 * (1 - m))
            kn = F.normalize(keys, dim=1, eps=1e-6)
            for i in range(b):
                self.queue[self.pointer] = kn[i]
                self.entries[self.pointer] = degs[i]
                self.pointer = (self.pointer + 1) % cfg.queue
        return float(loss)


# --------------------------------------------------------------------------------------
# distillation (LightBSR student_trainer / distillation_loss, our sizes)
# --------------------------------------------------------------------------------------
def teacher_joint(lab, tc, prior, cfg, steps, seed):
    """The teacher's second phase: each step a contrast step, then L1 of an upsampler
    conditioned on the teacher's h, the gradient reaching the teacher (lr x0.1)."""
    torch.manual_seed(seed + 100)
    net = bm.SrNet(tc.encoder.out_dim, cfg.sr_channels, cfg.sr_blocks, cfg.scale, cfg.cond,
                   cfg.cond_hidden, cfg.kpn_size, cfg.cond_scale, cfg.kpn_where)
    opt = torch.optim.Adam(net.parameters(), lr=cfg.lr2, eps=1e-7)
    enc_opt = torch.optim.Adam(tc.encoder.parameters(), lr=cfg.lr2 * cfg.joint_encoder_lr,
                               eps=1e-7)
    rng = np.random.default_rng(seed + 61)
    for _ in range(steps):
        tc.step()
        hr, _ = lab.sample_hr(cfg.sr_batch, rng)
        degs = [bm.sample_degradation(lab.ranges, rng) for _ in hr]
        low = lab.degrade(hr, degs, rng)
        corners = [bm.quadrant(int(rng.integers(4))) for _ in hr]
        lp, hp = bm.cut(low, corners), bm.cut(hr, corners, cfg.scale)
        h = tc.encoder(torch.cat([low, prior.maps(degs, low.shape[-1])], 1), False)
        loss = (net(lp, h) - hp).abs().mean()
        opt.zero_grad()
        enc_opt.zero_grad()
        loss.backward()
        opt.step()
        enc_opt.step()


def distillation_terms(h_s, h_t, maps_s, maps_t, kd_tau=0.15):
    log_ps = F.log_softmax(h_s / kd_tau, 1)
    pt = F.softmax(h_t / kd_tau, 1)
    kl = F.kl_div(log_ps, pt, reduction='batchmean')
    l1 = (h_s - h_t).abs().mean()
    mse = ((maps_s - maps_t) ** 2).mean()
    return kl, l1, mse


class Distill:
    def __init__(self, lab, teacher, student, prior, seed, weights=(1.0, 0.1, 1.0)):
        self.lab, self.teacher, self.student, self.prior = lab, teacher, student, prior
        self.weights = weights
        self.opt = torch.optim.Adam(student.parameters(), lr=lab.cfg.lr_student, eps=1e-7)
        self.rng = np.random.default_rng(seed + 47)

    def step(self):
        lab, b = self.lab, self.lab.cfg.batch
        hr, _ = lab.sample_hr(b, self.rng)
        degs = [bm.sample_degradation(lab.ranges, self.rng) for _ in range(b)]
        low = lab.degrade(hr, degs, self.rng)
        patches = bm.cut(low, [bm.quadrant(int(self.rng.integers(4))) for _ in range(b)])
        with torch.no_grad():
            maps_t = self.teacher.maps(
                torch.cat([patches, self.prior.maps(degs, patches.shape[-1])], 1), False)
        maps_s = self.student.maps(patches, True)
        kl, l1, mse = distillation_terms(maps_s.mean((2, 3)), maps_t.mean((2, 3)), maps_s, maps_t)
        wk, wl, wm = self.weights
        loss = wk * kl + wl * l1 + wm * mse
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        self.student.commit()
        return float(kl), float(l1), float(mse)


@torch.no_grad()
def rho(lab, encoder, prior=None):
    low, sigma = lab.grid
    x = low if prior is None else torch.cat(
        [low, prior.maps([bm.iso(s) for s in sigma], low.shape[-1])], 1)
    h = encoder(x, False).numpy().astype(np.float64)
    p, _ = bm.pc1(h)
    return abs(bm.spearman(sigma, p))


@torch.no_grad()
def sigma_share(lab, encoder, prior=None, levels=8, contents=6):
    """Share of h's variance over the grid explained by the blur level (eta squared)."""
    low, sigma = lab.grid
    x = low if prior is None else torch.cat(
        [low, prior.maps([bm.iso(s) for s in sigma], low.shape[-1])], 1)
    h = encoder(x, False).numpy().astype(np.float64).reshape(levels, contents, -1)
    total = ((h - h.mean((0, 1))) ** 2).sum()
    between = ((h.mean(1) - h.mean((0, 1))) ** 2).sum() * contents
    return between / max(total, 1e-30)


def timed(fn, steps):
    t0 = time.perf_counter()
    out = [fn() for _ in range(steps)]
    return out, 1000 * (time.perf_counter() - t0) / max(steps, 1)


def sr_gain(lab, encoder, cfg):
    """Stage 2 of blindsr_mirror on this encoder's h: PSNR learned / without / bicubic."""
    saved = lab.encoder
    lab.encoder = encoder
    s2 = bm.Stage2(lab, cfg)
    table, _ = s2.train(cfg.steps2, cfg.steps2, log=lambda s: None)
    lab.encoder = saved
    return table[-1]


def run(seed, cfg, log):
    cfg.seed = seed
    lab = bm.Lab(cfg)
    prior = Prior(lab.ranges, lab.ksize, cfg.prior_dims, seed + 3)
    torch.manual_seed(seed + 11)
    make_teacher = lambda: Encoder(3 + cfg.prior_dims, TEACHER_CHANNELS, TEACHER_STRIDES)
    make_student = lambda: Encoder(3, STUDENT_CHANNELS, STUDENT_STRIDES)
    teacher = make_teacher()
    student = make_student()
    control = make_student()
    control.load_state_dict(student.state_dict())  # one init for both students
    row = dict(seed=seed, prior_explained=round(float(prior.explained[cfg.prior_dims - 1]), 5),
               params_teacher=params(teacher), params_student=params(student))

    tc = Contrast(lab, teacher, make_teacher, prior, seed)
    _, row['ms_teacher'] = timed(tc.step, cfg.teacher_steps)
    row['rho_teacher_contrast'] = round(rho(lab, teacher, prior), 3)
    if cfg.teacher_joint_steps > 0:
        teacher_joint(lab, tc, prior, cfg, cfg.teacher_joint_steps, seed)
    row['rho_teacher'] = round(rho(lab, teacher, prior), 3)
    row['eta2_teacher'] = round(float(sigma_share(lab, teacher, prior)), 3)
    log(json.dumps(dict(seed=seed, stage=1, rho_teacher=row['rho_teacher'])))

    dist = Distill(lab, teacher, student, prior, seed,
                   (cfg.w_kl, cfg.w_l1, cfg.w_mse))
    curve, terms = [], None
    t_total = 0.0
    for s in range(cfg.student_steps):
        t0 = time.perf_counter()
        terms = dist.step()
        t_total += time.perf_counter() - t0
        if (s + 1) % cfg.every == 0:
            curve.append((s + 1, round(rho(lab, student), 3)))
    row['ms_distill'] = round(1000 * t_total / cfg.student_steps, 1)
    row['rho_distilled'] = round(rho(lab, student), 3)
    row['eta2_distilled'] = round(float(sigma_share(lab, student)), 3)
    row['terms_end'] = [round(t, 4) for t in terms]
    row['curve_distilled'] = curve

    cc = Contrast(lab, control, make_student, None, seed + 500)
    curve = []
    t_total = 0.0
    for s in range(cfg.student_steps):
        t0 = time.perf_counter()
        cc.step()
        t_total += time.perf_counter() - t0
        if (s + 1) % cfg.every == 0:
            curve.append((s + 1, round(rho(lab, control), 3)))
    row['ms_contrast_student'] = round(1000 * t_total / cfg.student_steps, 1)
    row['rho_contrast'] = round(rho(lab, control), 3)
    row['eta2_contrast'] = round(float(sigma_share(lab, control)), 3)
    row['curve_contrast'] = curve
    row['ms_teacher'] = round(row['ms_teacher'], 1)
    # forward-only ms of each encoder on a batch of 48x48 LR images (inference cost)
    low = lab.grid[0][:16]
    x_t = torch.cat([low, prior.maps([bm.iso(1.0)] * 16, 48)], 1)
    with torch.no_grad():
        _, row['ms_forward_teacher'] = timed(lambda: teacher(x_t, False), 20)
        _, row['ms_forward_student'] = timed(lambda: student(low, False), 20)
    row['ms_forward_teacher'] = round(row['ms_forward_teacher'], 2)
    row['ms_forward_student'] = round(row['ms_forward_student'], 2)
    if cfg.steps2 > 0:
        d = sr_gain(lab, student, cfg)
        c = sr_gain(lab, control, cfg)
        row['psnr'] = dict(bicubic=round(d['bicubic'], 2), without=round(d['without'], 2),
                           distilled=round(d['learned'], 2), contrast=round(c['learned'], 2),
                           oracle=round(d['oracle'], 2))
    log(json.dumps(row))
    return row


def main(argv=None):
    p = bm.parser()
    p.set_defaults(mode='both', center_input=1, cond='usm', kpn_size=9, rep_norm=1, steps2=0)
    a = p.add_argument
    a('--seeds', type=int, nargs='+', default=[1, 2, 3])
    a('--teacher-steps', type=int, default=400)
    a('--student-steps', type=int, default=400)
    a('--lr-student', type=float, default=2e-3)
    a('--prior-dims', type=int, default=15)
    a('--w-kl', type=float, default=1.0)
    a('--w-l1', type=float, default=0.1)
    a('--w-mse', type=float, default=1.0)
    a('--every', type=int, default=100)
    a('--teacher-joint-steps', type=int, default=0)
    a('--joint-encoder-lr', type=float, default=0.1)
    cfg = p.parse_args(['both'] + (argv if argv is not None else sys.argv[1:]))
    bm.Encoder.center = True
    log = lambda s: print(s, flush=True)
    rows = [run(seed, cfg, log) for seed in cfg.seeds]
    keys = ['rho_teacher', 'rho_distilled', 'rho_contrast']
    log(json.dumps(dict(mean={k: round(float(np.mean([r[k] for r in rows])), 3) for k in keys})))


if __name__ == '__main__':
    main()
