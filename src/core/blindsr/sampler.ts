import * as tf from '@tensorflow/tfjs-core';
import { kernelSizeFor, lowSize, type BlindSrConfig } from './config';
import { blurKernel, type Degradation, type DegradationRanges } from './degrade';
import { degradePixels } from './degrade-separable';
import { cropResize, stackImages, type RgbImage } from '../image';
import type { Random } from '../random';
import type { BlindSrSample } from './types';

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

  /** Random HR crops of the pool, side 32·scale, with a random flip. */
  sampleHr(count: number, random: Random): { images: RgbImage[]; sources: number[] } {
    const size = this.hrSize;
    const images: RgbImage[] = [];
    const sources: number[] = [];
    for (let i = 0; i < count; i++) {
      const source = random.int(this.hrPool.length);
      const image = this.hrPool[source];
      const side = Math.min(1, size / image.size);
      const box = {
        x: random.uniform(0, 1 - side),
        y: random.uniform(0, 1 - side),
        width: side,
        height: side,
      };
      images.push(cropResize(image, box, size));
      sources.push(source);
    }
    return { images, sources };
  }

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

  /** The samples panels show; also used by stage mode to preview a batch (worker/stage-probe.ts). */
  async describeSamples(
    images: RgbImage[],
    low: tf.Tensor4D,
    degradations: Degradation[],
    patches: BlindSrSample['patches'][],
    /** > 0: image i's key patch is the first quadrant of image i + partnerOffset */
    partnerOffset = 0,
  ): Promise<BlindSrSample[]> {
    const count = Math.min(4, degradations.length);
    const lowData = (await low.data()) as Float32Array;
    const stride = lowSize * lowSize * 3;
    const kernelSize = kernelSizeFor(this.config.scale);
    return Array.from({ length: count }, (_, i) => ({
      hrSize: this.hrSize,
      hr: images[i].pixels.slice(),
      low: lowData.slice(i * stride, (i + 1) * stride),
      kernel: blurKernel(degradations[i], kernelSize),
      kernelSize,
      degradation: degradations[i],
      // the query patch is quadrant patches[i][0]; its key: the same image's other
      // quadrant, or the first quadrant of the partner image degraded alike
      patches: partnerOffset > 0 ? [patches[i][0], patches[i + partnerOffset][0]] : patches[i],
      partnerLow:
        partnerOffset > 0
          ? lowData.slice((i + partnerOffset) * stride, (i + partnerOffset + 1) * stride)
          : null,
    }));
  }
}
