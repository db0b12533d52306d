import { pyRandom } from './python/random';
import { pyShapes } from './python/shapes';
import { pyAugment } from './python/augment';
import { pyModels } from './python/models';
import { pyLosses } from './python/losses';
import { pyMetrics } from './python/metrics';
import { pySimclrTrain } from './python/simclr-train';

/**
 * The body of the exported PyTorch script (see pytorch.ts, which puts the configuration
 * and the data in front of it). Python, kept verbatim: every number it uses comes from
 * CONFIG / SHAPES / DATA, written from the app's own constants at export time.
 *
 * It ports, one for one: src/core/random.ts (sfc32, so the same seed draws the same
 * numbers), src/data/shapes.ts, src/core/augment.ts (as torch ops), src/core/models.ts
 * and layers.ts (tfjs 'same' padding, batch norm with biased variance), the losses of
 * src/core/losses.ts, FlatAdam (= torch Adam with eps 1e-7) and the kNN monitor.
 */
export const pytorchBody = [
  pyRandom,
  pyShapes,
  pyAugment,
  pyModels,
  pyLosses,
  pyMetrics,
  pySimclrTrain,
].join('\n\n\n');
