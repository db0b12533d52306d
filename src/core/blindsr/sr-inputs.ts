import * as tf from '@tensorflow/tfjs-core';
import { runBlurResizeJobs } from './degrade-separable';
import type { AxisWeights } from './degrade-wasm';
import { blurResizeAxis } from './sparse-weights';

/**
 * What every upsampler (srnet.ts) needs of an LR batch besides the LR pixels: their bicubic
 * up-sampling, and the up-sampled unsharp-mask bands up(δ − G_s) ∗ LR (s = 0.5, 1, 2 LR
 * pixels, 9 × 9, symmetric padding). Both are linear and separable, so they are computed on
 * the pixels with the degradation's sparse-matrix kernel, no tensors until the end:
 * up(LR) = U·LR·Uᵀ and up(G_s ∗ LR) = (U·g_s)·LR·(U·g_s)ᵀ, g_s the padded 1-D Gaussian; a
 * band is their difference.
 */

/** σ of the Gaussians of the unsharp-mask bands, in LR pixels; their kernel side. */
export const sharpenSigmas = [0.5, 1, 2];
export const sharpenSize = 9;

/** What every upsampler needs of an LR batch, computed once and shared (no gradient). */
export interface SrInputs {
  /** [B, h, w, 3] */
  low: tf.Tensor4D;
  /** bicubic up-sampling [B, H, W, 3] */
  upsampled: tf.Tensor4D;
  /** up-sampled unsharp-mask bands, [B, bands, H·W·3] */
  bands: tf.Tensor3D;
}

/** The normalised 1-D Gaussian of σ: the 2-D kernel G_s / ΣG_s is its outer product. */
export function gaussianFactor(sigma: number, size = sharpenSize): Float64Array {
  const centre = (size - 1) / 2;
  const factor = Float64Array.from({ length: size }, (_, t) =>
    Math.exp(-((t - centre) ** 2) / (2 * sigma ** 2)),
  );
  const sum = factor.reduce((a, b) => a + b, 0);
  return factor.map((v) => v / sum);
}

const axesCache = new Map<string, AxisWeights[]>();

/** One axis of up(·) and of each band's up(G_s ∗ ·), side → side·scale; made once per pair. */
function inputAxes(side: number, scale: number): AxisWeights[] {
  const key = `${side}×${scale}`;
  let axes = axesCache.get(key);
  if (!axes) {
    const high = side * scale;
    axes = [
      blurResizeAxis(Float64Array.of(1), side, high),
      ...sharpenSigmas.map((sigma) =>
        blurResizeAxis(gaussianFactor(sigma), side, high, 'symmetric'),
      ),
    ];
    axesCache.set(key, axes);
  }
  return axes;
}

/**
 * The pixels' array, reused from call to call: a fresh megabyte costs Chromium's worker a
 * page fault per 4 kB written (measured: 3.7 ms a step for these 1.1 MB, against 1 ms for
 * the computing). Reused only once the tensor made from it last time is disposed: a backend
 * may keep the array itself as the tensor's data (tfjs' CPU backend does).
 */
let scratch: { pixels: Float32Array; madeFrom: tf.Tensor | null } = {
  pixels: new Float32Array(0),
  madeFrom: null,
};

function scratchPixels(length: number): Float32Array {
  if (scratch.madeFrom?.isDisposed === false || scratch.pixels.length < length)
    scratch = { pixels: new Float32Array(length), madeFrom: null };
  return scratch.pixels.subarray(0, length);
}

/**
 * low: LR pixels [count, side, side, 3] → the shared inputs at scale s, as tensors: up(LR) =
 * U·LR·Uᵀ, and each band up(LR) − up(G_s ∗ LR), up(G_s ∗ LR) = (U·g_s)·LR·(U·g_s)ᵀ on the
 * degradation's sparse-matrix kernel.
 */
export function prepareSrInputs(
  low: Float32Array,
  count: number,
  side: number,
  scale: number,
): SrInputs {
  const high = side * scale;
  const stride = high * high * 3;
  const [up, ...bandAxes] = inputAxes(side, scale);
  const bandCount = bandAxes.length;
  // the up-sampling [count, H, H, 3], then each image's bands' blurred parts [count, bands, H·H·3]
  const pixels = scratchPixels(count * (1 + bandCount) * stride);
  const upsampled = pixels.subarray(0, count * stride);
  const blurred = pixels.subarray(count * stride);
  const region = { top: 0, left: 0, height: high, width: high };
  const job = (image: number, axis: AxisWeights, out: Float32Array, outOffset: number) => ({
    image,
    rows: axis,
    columns: axis,
    region,
    out,
    outOffset,
  });
  runBlurResizeJobs(low, side, [
    ...Array.from({ length: count }, (_, i) => job(i, up, upsampled, i * stride)),
    ...Array.from({ length: count }, (_, i) =>
      bandAxes.map((axis, j) => job(i, axis, blurred, (i * bandCount + j) * stride)),
    ).flat(),
  ]);
  const inputs = tf.tidy(() => {
    const upTensor = tf.tensor4d(upsampled, [count, high, high, 3]);
    return {
      low: tf.tensor4d(low, [count, side, side, 3]),
      upsampled: upTensor,
      // band j = up(LR) − up(G_j ∗ LR)
      bands: upTensor
        .reshape([count, 1, stride])
        .sub(tf.tensor3d(blurred, [count, bandCount, stride])) as tf.Tensor3D,
    };
  });
  scratch.madeFrom = inputs.upsampled;
  return inputs;
}

export function disposeSrInputs(inputs: SrInputs): void {
  tf.dispose([inputs.low, inputs.upsampled, inputs.bands]);
}
