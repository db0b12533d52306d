import { kernelSizeFor } from './config';
import { blurKernel } from './degrade';
import { cropDraws } from './crops';
import type { BlindSrBatch } from './batch';
import type { BlindSrSample } from './types';

/** What the panels show of a batch: its first images' HR crop, kernel, LR image and patches. */

/** Image i's HR crop [hrSize, hrSize, 3]: the batch's, or made now from its draw. */
export function hrCrop(batch: BlindSrBatch, i: number): Float32Array {
  return batch.hr[i]?.slice() ?? cropDraws(batch.pool, [batch.draws[i]], batch.hrSize);
}

/**
 * batchSamples(batch) made when first read — a snapshot for the page, a few times a second —
 * not at every step. A snapshot hands the samples' buffers over to the page (transferred, not
 * copied: worker/blindsr-runners.ts); read again after that (a paused run's next snapshot), they are made anew.
 */
export function samplesWhenRead(batch: BlindSrBatch): () => BlindSrSample[] {
  let samples: BlindSrSample[] | null = null;
  return () => {
    if (!samples || samples.some(handedOver)) samples = batchSamples(batch);
    return samples;
  };
}

/** A buffer transferred to another thread is detached: no bytes left here. */
const handedOver = (sample: BlindSrSample) =>
  [sample.hr, sample.low, sample.kernel, sample.partnerLow].some(
    (array) => array !== null && array.buffer.byteLength === 0,
  );

/**
 * The samples the panels show: HR crop, LR image, kernel and quadrants of the first
 * `spec.shown` images; paired, the query patch is quadrant 0 of image i and its key the
 * first quadrant of image i + images/2.
 */
export function batchSamples(batch: BlindSrBatch): BlindSrSample[] {
  const { spec, hrSize } = batch;
  const partnerOffset = spec.pairing === 'degradation' ? spec.images / 2 : 0;
  const kernelSize = kernelSizeFor(spec.scale);
  const count = Math.min(spec.shown, partnerOffset || spec.images);
  return Array.from({ length: count }, (_, i) => ({
    hrSize,
    hr: hrCrop(batch, i),
    low: batch.low[i]!.slice(),
    kernel: blurKernel(batch.degradations[i], kernelSize),
    kernelSize,
    degradation: batch.degradations[i],
    patches:
      partnerOffset > 0
        ? [batch.patches[i][0], batch.patches[i + partnerOffset][0]]
        : batch.patches[i],
    partnerLow: partnerOffset > 0 ? batch.low[i + partnerOffset]!.slice() : null,
  }));
}
