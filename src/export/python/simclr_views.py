"""The SimCLR lab's views in torch (src/core/simclr/augment.ts, src/core/image.ts): the same
parameters drawn from the same Random stream, then crop → flip → colour jitter → grayscale → blur."""
import math

import torch
import torch.nn.functional as F


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
    """src/core/image.ts cropResize: bilinear at output pixel centres, clamped. [S, S, 3] → [O, O, 3]"""
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
    """crop → flip → colour jitter → grayscale → blur, as src/core/simclr/augment.ts applyView."""
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
