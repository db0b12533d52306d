"""The settings the page writes into the SimCLR lab's exported script.

In the download this module is replaced by the page's values (src/export/pytorch.ts); the
defaults here only let the lab's modules be read, linted and imported on their own.
"""
CONFIG: dict = {}  # the lab's SimclrConfig (src/core/simclr/config.ts), as JSON
SHAPES: dict = {}  # the shapes generator's constants (src/data/shapes.ts shapeGenerator)
DATA: dict = {}  # {"kind": "shapes", seed, size} or the embedded images (src/export/pytorch.ts)
DEFAULT_STEPS = 300
EVALUATE_EVERY = 25
