"""The settings the page writes into the Blind-SR lab's exported script.

In the download this module is replaced by the page's values (src/export/blindsr-pytorch.ts);
the defaults here only let the lab's modules be read, linted and imported on their own.
"""
CONFIG: dict = {}  # the lab's BlindSrConfig (src/core/blindsr/config.ts), as JSON
POOL: dict = {}  # {"kind": "textures", seed, size, count} or the embedded HR images
KERNEL_SIZE = 21  # blurKernelSize (src/core/blindsr/config.ts)
DEFAULT_STEPS = 300
EVALUATE_EVERY = 50
