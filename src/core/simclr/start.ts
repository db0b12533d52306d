import type { SimclrConfig } from './config';
import type { SimclrData } from './types';
import { ViewBatches } from './view-batches';
import { NegativeQueue } from '../queue';
import { Random } from '../random';

/**
 * What a trainer draws before it needs tfjs, in its constructor's order: the seeded streams,
 * the MoCo queue's first keys, the batch sampler. `drawFirstBatch` also draws the first
 * batch (its images drawn and augmented): the worker does this while the backend still
 * starts, and the trainer built on it trains the same numbers as one built without.
 */
export interface SimclrStart {
  modelRandom: Random;
  batches: ViewBatches;
  queue: NegativeQueue | null;
}

export function startSimclr(
  config: SimclrConfig,
  data: SimclrData,
  { drawFirstBatch = false } = {},
): SimclrStart {
  const random = new Random(config.seed);
  const modelRandom = random.fork();
  const batches = new ViewBatches(data.images, random);
  const queue =
    config.method === 'moco'
      ? new NegativeQueue(config.queueSize, config.projectionDim, random.fork())
      : null;
  if (drawFirstBatch) batches.drawAhead(config.batchSize, config.augment, config.imageSize);
  return { modelRandom, batches, queue };
}
