import * as tf from '@tensorflow/tfjs-core';
import { kernelSizeFor, lowSize, patchSize, type BlindSrConfig } from './config';
import { prepareBlindSrBatch, type BlindSrBatch, type BlindSrBatchSpec } from './batch';
import { drawCrop } from './crops';
import type { Degradation, DegradationRanges } from './degrade';
import { degradePixels } from './degrade-separable';
import { stackImages, type RgbImage } from '../image';
import type { Random } from '../random';
import type { BatchesAhead } from './batch-ahead';

/** A batch spec without what the lab's live config decides (scale, degradation ranges). */
export type BatchRequest = Omit<BlindSrBatchSpec, 'scale' | 'ranges'>;

/**
 * The Blind-SR lab's data: random HR crops of the pool and their degraded LR images, for
 * the trainer, the evaluator and stage mode alike. `config` is the trainer's live config
 * (the degradation ranges change between steps).
 */
export class HrSampler {
  constructor(
    readonly config: BlindSrConfig,
    private readonly hrPool: RgbImage[],
  ) {}

  get ranges(): DegradationRanges {
    const c = this.config;
    return { kind: c.blurKind, sigmaMin: c.sigmaMin, sigmaMax: c.sigmaMax, noiseMax: c.noiseMax };
  }

  get hrSize(): number {
    return lowSize * this.config.scale;
  }

  /**
   * One step's batch as arrays (./batch.ts), with the live scale and degradation ranges.
   * With `ahead` (the trainer's stream only): the batch drawn ahead on another thread when it
   * is the one `random` would draw now, and the next one started from where `random` is left.
   */
  async batch(
    request: BatchRequest,
    random: Random,
    ahead: BatchesAhead | null = null,
  ): Promise<BlindSrBatch> {
    const spec = { ...request, scale: this.config.scale, ranges: this.ranges };
    const prepared = ahead && (await ahead.take(spec, random.state(), this.hrPool));
    let batch: BlindSrBatch;
    if (prepared) {
      random.moveTo(prepared.state);
      batch = { ...prepared.batch, drawnAhead: true };
    } else batch = await prepareBlindSrBatch(spec, this.hrPool, random);
    ahead?.start(spec, random.state(), this.hrPool);
    return batch;
  }

  /**
   * A contrastive step's batch and its query and key patches [batchSize, 24, 24, 3]. Positives:
   * paired by degradation, quadrant 0 of image i and of image batchSize + i (other content,
   * same degradation); else two quadrants of image i (DASR). `shown` samples for the panels.
   */
  async contrastPairs(
    shown: number,
    random: Random,
    ahead: BatchesAhead | null = null,
  ): Promise<{ batch: BlindSrBatch; query: tf.Tensor4D; key: tf.Tensor4D }> {
    const b = this.config.batchSize;
    const byDegradation = this.config.pairing === 'degradation';
    const batch = await this.batch(
      {
        images: byDegradation ? 2 * b : b,
        pairing: this.config.pairing,
        patches: byDegradation ? 1 : 2,
        wholeLow: 'shown',
        shown,
        hrPatches: false,
      },
      random,
      ahead,
    );
    const stride = patchSize * patchSize * 3;
    const patches = (data: Float32Array) => tf.tensor4d(data, [b, patchSize, patchSize, 3]);
    const [first, second] = batch.lowPatches;
    const [query, key] = byDegradation
      ? [patches(first.subarray(0, b * stride)), patches(first.subarray(b * stride))]
      : [patches(first), patches(second)];
    return { batch, query, key };
  }

  /** Random HR crops of the pool, side 48·scale (the draws of a batch's crops). */
  sampleHr(count: number, random: Random): { images: RgbImage[]; sources: number[] } {
    const crops = Array.from({ length: count }, () => drawCrop(this.hrPool, this.hrSize, random));
    return { images: crops.map((c) => c.image), sources: crops.map((c) => c.source) };
  }

  /** Whole LR images of HR crops. → [B, 48, 48, 3] */
  degrade(hr: RgbImage[], degradations: Degradation[], random: Random): tf.Tensor4D {
    return degradePixels(
      stackImages(hr),
      hr.length,
      this.hrSize,
      degradations,
      this.config.scale,
      kernelSizeFor(this.config.scale),
      random,
    );
  }
}
