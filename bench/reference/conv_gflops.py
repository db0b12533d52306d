"""PyTorch's forward convolution at the shapes of bench/micro.wasm.ts, in GFLOP/s.

The ceiling the Blind-SR ratios meet: our wasm kernels run 128-bit SIMD (micro.wasm.ts prints
their GFLOP/s at these shapes); PyTorch's CPU convolutions run oneDNN at the machine's full
vector width. On the 2-core VM of docs/PERFORMANCE.md a fresh memory page costs ~12 µs, and
glibc maps each large output afresh: some shapes then read 8–15 GFLOP/s instead of 90–150.
Keep malloc off mmap to measure the convolution itself:
  MALLOC_MMAP_THRESHOLD_=268435456 MALLOC_TRIM_THRESHOLD_=268435456 \
    /usr/bin/python3 bench/reference/conv_gflops.py
"""

import time

import torch

# batch, size, in channels, out channels, kernel, stride (as micro.wasm.ts)
SHAPES = [
    (16, 24, 16, 16, 3, 1),
    (16, 12, 32, 32, 3, 1),
    (16, 24, 16, 32, 3, 2),
    (8, 24, 24, 24, 3, 1),
    (8, 24, 24, 12, 3, 1),
    (8, 48, 16, 16, 3, 1),
    (32, 16, 3, 16, 3, 1),
    (32, 8, 32, 64, 3, 2),
    (32, 4, 64, 64, 3, 1),
]


def gflops(batch, size, cin, cout, k, stride, repeats=200):
    x = torch.randn(batch, cin, size, size)
    conv = torch.nn.Conv2d(cin, cout, k, stride=stride, padding=k // 2, bias=False)
    with torch.no_grad():
        out = conv(x)
        for _ in range(10):
            conv(x)
        start = time.perf_counter()
        for _ in range(repeats):
            conv(x)
        seconds = (time.perf_counter() - start) / repeats
    flops = 2 * out.numel() * cin * k * k
    return flops / seconds / 1e9, seconds * 1e3


if __name__ == "__main__":
    for threads in (1, 2):
        torch.set_num_threads(threads)
        for shape in SHAPES:
            rate, ms = gflops(*shape)
            b, s, ci, co, k, st = shape
            print(f"TORCH {threads} thread(s) [{b},{s},{s},{ci}]→{co} k{k} s{st}: {ms:.2f} ms ({rate:.1f} GF/s)")
