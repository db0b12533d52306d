"""PyTorch reference for the playground's default SimCLR step (bench/run.mjs runs it).

The same model and step as src/core/simclr/trainer.ts with the default config: 3x3 convs
16(s1)-32(s2)-64(s2)-64(s2) without bias, each followed by batch norm and ReLU, global
average pooling (h: 64), projection head 64-64-32, NT-Xent (mean over 2N anchors, tau 0.2),
Adam lr 3e-3, N = 16 images -> 32 views of 16x16 (src/core/simclr/config.ts). Inputs are random (augmentation is
timed separately in the browser). Prints one JSON line.
"""
import json
import os
import statistics
import sys
import time

import torch
import torch.nn as nn

# the shared module of the exported scripts (src/export/python/playground.py)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'export', 'python'))
from playground import nt_xent  # noqa: E402 (the path first)


def encoder():
    layers, cin = [], 3
    for cout, stride in [(16, 1), (32, 2), (64, 2), (64, 2)]:
        layers += [nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU()]
        cin = cout
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten())


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    model = nn.Sequential(encoder(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 32))
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    n = 16
    views = torch.rand(2 * n, 3, 16, 16)
    times = []
    for step in range(60):
        start, cpu = time.perf_counter(), time.process_time()
        z = model(views)
        loss = nt_xent(z[:n], z[n:], 0.2)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        loss.item()
        times.append(((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000))
    wall, cpu = zip(*times[10:])
    # cpuMsPerStep: CPU time of this process, the fair figure on a shared machine
    print(json.dumps({"msPerStep": statistics.median(wall), "cpuMsPerStep": statistics.median(cpu), "threads": threads, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
