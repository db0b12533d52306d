import * as tf from '@tensorflow/tfjs-core';
import { kernelSizeFor, lowSize, patchSize } from './config';
import {
  bicubicResize,
  blurBatch,
  blurKernel,
  sampleDegradation,
  type Degradation,
  type DegradationRanges,
} from './degrade';
import {
  addNoise,
  degradeFromPoolJs,
  separableFactorsFor,
  type LowRegion,
} from './degrade-separable';
import type { PoolImageJob } from './sparse-weights';
import { samplePatches } from './patches';
import type { RgbImage } from '../image';
import { cropDraws, drawBox } from './crops';
import { degradeFromPool, type CropDraw } from './pool-wasm';
import type { Random } from '../random';
import type { BlindSrSample } from './types';

/**
 * One Blind-SR batch as plain arrays — HR crops, their degradations, the degraded LR
 * images or only the LR patches a step trains on, and the panels' samples — for stage 1,
 * stage 2, the evaluator and any other pipeline on the same degradation model. Pure JS
 * except for kernels that are not separable (rotated anisotropic), which blur on tfjs.
 */
export interface BlindSrBatchSpec {
  /** HR crops to draw */
  images: number;
  /** HR side: 48 · scale */
  scale: number;
  ranges: DegradationRanges;
  /**
   * 'image': a degradation per image; 'degradation': images/2 degradations, image i and
   * image i + images/2 share one (positives of different content, degraded alike)
   */
  pairing: 'image' | 'degradation';
  /** LR quadrants cut per image (two different ones are drawn for each image either way when > 0) */
  patches: 0 | 1 | 2;
  /** whole LR images for every image, or only for the `shown` samples (and their partners) */
  wholeLow: 'all' | 'shown';
  /** samples for the panels (≤ 4 is what they draw) */
  shown: number;
  /** the HR patch under LR quadrant 0, for an upsampler's target */
  hrPatches: boolean;
}

export interface BlindSrBatch {
  spec: BlindSrBatchSpec;
  hrSize: number;
  /** pool index of each crop */
  sources: number[];
  /** the pool, and where each crop is in it */
  pool: RgbImage[];
  draws: CropDraw[];
  /**
   * HR crop [hrSize, hrSize, 3] of each image whose kernel is not separable, else null: the
   * LR pixels of an image with a separable kernel are computed from its pool image directly
   * (crop ∘ blur ∘ bicubic ↓ as one sparse matrix per axis), HR patches are cropped alone,
   * and the panels' samples crop theirs when asked for (hrCrop)
   */
  hr: (Float32Array | null)[];
  /** per image; paired, image i + images/2 holds image i's */
  degradations: Degradation[];
  /** two different LR quadrants per image (empty when spec.patches is 0) */
  patches: BlindSrSample['patches'][];
  /** whole LR image [48, 48, 3] per image, null where the spec did not ask for it */
  low: (Float32Array | null)[];
  /** per patch slot k < spec.patches: quadrant patches[i][k] of each image, [images, 24, 24, 3] */
  lowPatches: Float32Array[];
  /** [images, 24·s, 24·s, 3] under quadrant 0, when spec.hrPatches */
  hrPatches: Float32Array | null;
  /** drawn ahead on the data thread (HrSampler.batch) */
  drawnAhead?: boolean;
}

const quadrant = (corner: { x: number; y: number }): LowRegion => ({
  top: corner.y,
  left: corner.x,
  height: patchSize,
  width: patchSize,
});

/** Pixels [side, side, 3] at (x, y) of an image [size, size, 3] into out at `offset`. */
function copyPatch(
  image: Float32Array,
  imageOffset: number,
  size: number,
  corner: { x: number; y: number },
  side: number,
  out: Float32Array,
  offset: number,
): void {
  for (let y = 0; y < side; y++) {
    const from = imageOffset + ((corner.y + y) * size + corner.x) * 3;
    out.set(image.subarray(from, from + side * 3), offset + y * side * 3);
  }
}

/**
 * Blur + bicubic ↓ on tfjs, no noise, for HR crops whose kernel is not separable.
 * → whole LR [48, 48, 3] per crop
 */
async function blurResizeOnTensors(
  crops: Float32Array[],
  hrSize: number,
  scale: number,
  degradations: Degradation[],
): Promise<Float32Array[]> {
  const stride = hrSize * hrSize * 3;
  const kernelSize = kernelSizeFor(scale);
  const selected = new Float32Array(crops.length * stride);
  crops.forEach((crop, j) => selected.set(crop, j * stride));
  const low = tf.tidy(() => {
    const images = tf.tensor4d(selected, [crops.length, hrSize, hrSize, 3]);
    const kernels = degradations.map((d) => blurKernel(d, kernelSize));
    return bicubicResize(blurBatch(images, kernels, kernelSize), lowSize);
  });
  const data = (await low.data()) as Float32Array;
  low.dispose();
  const lowStride = lowSize * lowSize * 3;
  return crops.map((_, j) => data.slice(j * lowStride, (j + 1) * lowStride));
}

/**
 * Draws and degrades one batch. The seeded stream is read in one order — crops,
 * degradations, quadrants, then each image's noise in image order — whatever the spec
 * computes, so a seed gives the same run. Only the HR crops something reads are made
 * (batch.hr); every separable kernel's LR pixels come from the pool image directly.
 */
export async function prepareBlindSrBatch(
  spec: BlindSrBatchSpec,
  pool: RgbImage[],
  random: Random,
): Promise<BlindSrBatch> {
  const hrSize = lowSize * spec.scale;
  const draws = Array.from({ length: spec.images }, () => drawBox(pool, hrSize, random));
  const sources = draws.map((draw) => draw.source);
  const paired = spec.pairing === 'degradation';
  const drawn = Array.from({ length: paired ? spec.images / 2 : spec.images }, () =>
    sampleDegradation(spec.ranges, random),
  );
  const degradations = paired ? [...drawn, ...drawn] : drawn;
  const patches = spec.patches > 0 ? degradations.map(() => samplePatches(random)) : [];
  const partnerOffset = paired ? spec.images / 2 : 0;
  const wholeWanted = (i: number) =>
    spec.wholeLow === 'all' ||
    i < spec.shown ||
    (partnerOffset > 0 && i >= partnerOffset && i < partnerOffset + spec.shown);

  const factors = separableFactorsFor(degradations, hrSize, kernelSizeFor(spec.scale));
  // whole HR crops only for kernels that are not separable (the tensor path)
  const hrWanted = (i: number) => factors[i] === null;
  const cropped = draws.flatMap((draw, i) => (hrWanted(i) ? [draw] : []));
  const hrStride = hrSize * hrSize * 3;
  const crops = cropDraws(pool, cropped, hrSize);
  let next = 0;
  const hr = draws.map((_, i) =>
    hrWanted(i) ? crops.subarray(next * hrStride, ++next * hrStride) : null,
  );
  const notSeparable = factors.flatMap((f, i) => (f === null ? [i] : []));
  const onTensors = notSeparable.length
    ? await blurResizeOnTensors(
        notSeparable.map((i) => hr[i]!),
        hrSize,
        spec.scale,
        notSeparable.map((i) => degradations[i]),
      )
    : [];

  const patchStride = patchSize * patchSize * 3;
  const low: (Float32Array | null)[] = [];
  const lowPatches = Array.from(
    { length: spec.patches },
    () => new Float32Array(spec.images * patchStride),
  );
  const whole: LowRegion = { top: 0, left: 0, height: lowSize, width: lowSize };
  // per image: its regions and where each goes (a whole image, or only its quadrants)
  const onPool: PoolImageJob[] = [];
  const regionsOf = Array.from({ length: spec.images }, (_, i) => {
    const blur = factors[i];
    let regions: LowRegion[];
    let outs: { data: Float32Array; offset: number }[];
    if (wholeWanted(i) || !blur) {
      const image = blur ? new Float32Array(lowSize * lowSize * 3) : onTensors.shift()!;
      low.push(wholeWanted(i) ? image : null);
      regions = [whole];
      outs = [{ data: image, offset: 0 }];
    } else {
      low.push(null);
      regions = lowPatches.map((_, k) => quadrant(patches[i][k]));
      outs = lowPatches.map((data) => ({ data, offset: i * patchStride }));
    }
    // a separable kernel: LR pixels straight from the pool image, the crop's axes folded in
    if (blur) onPool.push({ draw: draws[i], blur, regions, outs });
    return { regions, outs };
  });
  if (!degradeFromPool(pool, hrSize, lowSize, onPool))
    degradeFromPoolJs(pool, hrSize, lowSize, onPool);
  regionsOf.forEach(({ regions, outs }, i) => {
    addNoise(degradations[i], lowSize, regions, outs, random);
    // a whole image gives its quadrants after its noise
    if (regions[0] === whole)
      lowPatches.forEach((out, k) =>
        copyPatch(outs[0].data, 0, lowSize, patches[i][k], patchSize, out, i * patchStride),
      );
  });

  // HR patches: only the patch's pixels of each crop, as in the whole crop to the bit
  const hrSide = patchSize * spec.scale;
  const hrPatches = spec.hrPatches
    ? cropDraws(
        pool,
        draws,
        hrSize,
        patches.map(([corner]) => ({
          top: corner.y * spec.scale,
          left: corner.x * spec.scale,
          height: hrSide,
          width: hrSide,
        })),
      )
    : null;
  return {
    spec,
    hrSize,
    sources,
    pool,
    draws,
    hr,
    degradations,
    patches,
    low,
    lowPatches,
    hrPatches,
  };
}

/** The whole LR images of a batch stacked, [images, 48, 48, 3] (spec.wholeLow 'all'). */
export function stackedLow(batch: BlindSrBatch): Float32Array {
  const stride = lowSize * lowSize * 3;
  const out = new Float32Array(batch.low.length * stride);
  batch.low.forEach((image, i) => {
    if (!image) throw new Error(`LR image ${i} was not computed (wholeLow: 'shown')`);
    out.set(image, i * stride);
  });
  return out;
}
