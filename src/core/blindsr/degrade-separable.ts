import * as tf from '@tensorflow/tfjs-core';
import { blurCovariance, degradeBatch, type Degradation } from './degrade';
import type { Random } from '../random';
import {
  blurResizeWasm,
  type AxisWeights,
  type BlurResizeJob,
  type LowRegion,
} from './degrade-wasm';
import {
  blurResizeAxis,
  cropAxis,
  jobAxes,
  throughCrop,
  type PoolImageJob,
} from './sparse-weights';

export type { AxisWeights, LowRegion } from './degrade-wasm';

/**
 * The fast path of the degradation for separable blur kernels: blur + bicubic ↓ as one
 * sparse matrix per axis, in plain JS, computed only where the LR pixels are needed
 * (same numbers as degradeBatch).
 */

/**
 * The 1-D factors of a blur kernel that is separable — isotropic, or anisotropic with its
 * axes on the pixel grid (no xy term in Σ⁻¹) — each normalised to sum 1, so that
 * blurKernel = y ⊗ x; null otherwise. [size] each
 */
export function separableBlur(
  degradation: Degradation,
  size: number,
): { x: Float64Array; y: Float64Array } | null {
  const [a, b, d] = blurCovariance(degradation);
  if (b !== 0) return null;
  // same Σ⁻¹ as blurKernel: exp(−½ (u²/a + v²/d)) = exp(−½u²/a) · exp(−½v²/d)
  const factor = (variance: number) => {
    const centre = (size - 1) / 2;
    const values = new Float64Array(size);
    let sum = 0;
    for (let t = 0; t < size; t++) {
      values[t] = Math.exp((-0.5 * (t - centre) ** 2) / variance);
      sum += values[t];
    }
    return values.map((v) => v / sum);
  };
  return { x: factor(a), y: factor(d) };
}

/**
 * The LR regions of HR crops `hrSize`² of the pool — blur ∘ bicubic ↓ to `lowSize`², before
 * noise — from the pool images, in JS: each distinct factor's weights (blurResizeAxis), each
 * crop's axes folded in (throughCrop, only the rows and columns its regions need), then
 * blurResizeRegion. pool-wasm.ts' degradeFromPool is the same in wasm.
 */
export function degradeFromPoolJs(
  pool: { size: number; pixels: Float32Array }[],
  hrSize: number,
  lowSize: number,
  images: PoolImageJob[],
): void {
  const built = new Map<Float64Array, AxisWeights>();
  const weightsOf = (factor: Float64Array) => {
    if (!built.has(factor)) built.set(factor, blurResizeAxis(factor, hrSize, lowSize));
    return built.get(factor)!;
  };
  for (const job of images) {
    const { source } = job.draw;
    const { size, pixels } = pool[source];
    const { rows, columns } = jobAxes(job, (factor, position, extent, from, to) =>
      throughCrop(weightsOf(factor), cropAxis(position, extent, size, hrSize), size, from, to),
    );
    const { regions, outs } = job;
    regions.forEach((region, r) =>
      blurResizeRegion(pixels, 0, size, rows, columns, region, outs[r].data, outs[r].offset),
    );
  }
}

/** Scratch for the pass along H, grown on demand (one step degrades many images). */
let alongHeight = new Float64Array(0);

/**
 * Blur + bicubic ↓ of one image's region with separable weights: both are linear and
 * separable, so LR = Mᵧ · X · Mₓᵀ per channel — ~30 taps per output instead of a 21×21
 * convolution at full HR resolution. Only the HR columns the region's LR columns reach
 * are read. pixels: [size, size, 3] at `offset` → out: [region.height, region.width, 3]
 * at `outOffset`, before noise.
 */
export function blurResizeRegion(
  pixels: Float32Array,
  offset: number,
  size: number,
  rows: AxisWeights,
  columns: AxisWeights,
  region: LowRegion,
  out: Float32Array,
  outOffset: number,
): void {
  const { top, left, height, width } = region;
  const rowStride = size * 3;
  const first = columns.index[columns.start[left]];
  const last = columns.index[columns.start[left + width] - 1];
  const from = first * 3;
  const to = (last + 1) * 3;
  if (alongHeight.length < height * rowStride) alongHeight = new Float64Array(height * rowStride);
  const along = alongHeight;
  along.fill(0, 0, height * rowStride);
  // along H: row o of the region is Σ_k w_k · HR row index_k (HR columns first…last only)
  for (let o = 0; o < height; o++) {
    const target = o * rowStride;
    for (let k = rows.start[top + o]; k < rows.start[top + o + 1]; k++) {
      const source = offset + rows.index[k] * rowStride;
      const w = rows.weight[k];
      for (let p = from; p < to; p++) along[target + p] += w * pixels[source + p];
    }
  }
  // along W
  const { start, index, weight } = columns;
  for (let o = 0; o < height; o++) {
    const rowStart = o * rowStride;
    let target = outOffset + o * width * 3;
    for (let q = left; q < left + width; q++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let k = start[q]; k < start[q + 1]; k++) {
        const source = rowStart + index[k] * 3;
        const w = weight[k];
        r += w * along[source];
        g += w * along[source + 1];
        b += w * along[source + 2];
      }
      out[target] = r;
      out[target + 1] = g;
      out[target + 2] = b;
      target += 3;
    }
  }
}

/**
 * Each degradation's 1-D blur factors along H (`rows`) and W (`columns`), made once per
 * distinct degradation (paired images share theirs; an isotropic kernel's two axes are one
 * array); null for a kernel that is not separable (or larger than the image reflects).
 */
export function separableFactorsFor(
  degradations: Degradation[],
  size: number,
  kernelSize: number,
): ({ rows: Float64Array; columns: Float64Array } | null)[] {
  const built = new Map<Degradation, { rows: Float64Array; columns: Float64Array } | null>();
  return degradations.map((d) => {
    if (built.has(d)) return built.get(d)!;
    const factors = kernelSize > 2 * size - 1 ? null : separableBlur(d, kernelSize);
    const same = factors?.x.every((v, t) => v === factors.y[t]);
    const axes = factors && { rows: factors.y, columns: same ? factors.y : factors.x };
    built.set(d, axes);
    return axes;
  });
}

/**
 * The blur-resize weights of each degradation, built once per distinct degradation (paired
 * images share theirs; an isotropic kernel's two axes are one); null for a kernel that is
 * not separable.
 */
export function axisWeightsFor(
  degradations: Degradation[],
  size: number,
  lowSize: number,
  kernelSize: number,
): ({ rows: AxisWeights; columns: AxisWeights } | null)[] {
  const built = new Map<Float64Array, AxisWeights>();
  const weightsOf = (factor: Float64Array) => {
    if (!built.has(factor)) built.set(factor, blurResizeAxis(factor, size, lowSize));
    return built.get(factor)!;
  };
  const shared = new Map<object, { rows: AxisWeights; columns: AxisWeights }>();
  return separableFactorsFor(degradations, size, kernelSize).map((factors) => {
    if (!factors) return null;
    if (!shared.has(factors))
      shared.set(factors, { rows: weightsOf(factors.rows), columns: weightsOf(factors.columns) });
    return shared.get(factors)!;
  });
}

/**
 * Gaussian noise of the degradation's level (0–255 units) added to an LR image's regions,
 * then clamped to [0, 1]. The seeded stream is drawn for every pixel of the whole image in
 * row-major order — a region-only image takes the same draws as a whole one, so that which
 * pixels a step needs never changes the run. regions[r] is stored at outs[r] as
 * [height, width, 3].
 */
export function addNoise(
  degradation: Degradation,
  lowSize: number,
  regions: LowRegion[],
  outs: { data: Float32Array; offset: number }[],
  random: Random,
): void {
  const level = degradation.noise / 255;
  if (level > 0) {
    for (let y = 0; y < lowSize; y++)
      for (let x = 0; x < lowSize; x++) {
        const r = regions.findIndex(
          (g) => y >= g.top && y < g.top + g.height && x >= g.left && x < g.left + g.width,
        );
        if (r < 0) {
          // the draws of Random.normal(), unused
          for (let c = 0; c < 3; c++) {
            while (random.next() === 0);
            random.next();
          }
          continue;
        }
        const { top, left, width } = regions[r];
        const at = outs[r].offset + ((y - top) * width + (x - left)) * 3;
        for (let c = 0; c < 3; c++) outs[r].data[at + c] += Math.fround(random.normal() * level);
      }
  }
  regions.forEach(({ height, width }, r) => {
    const { data, offset } = outs[r];
    for (let p = offset; p < offset + height * width * 3; p++)
      data[p] = Math.min(Math.max(data[p], 0), 1);
  });
}

/**
 * The same degradation as degradeBatch for HR images given as pixels ([B, H, W, 3]
 * row-major, square): separable kernels (every isotropic one) take the sparse JS path
 * above; any other batch goes through degradeBatch. Noise is drawn in the same order.
 * → LR [B, H/s, W/s, 3]
 */
export function degradePixels(
  pixels: Float32Array,
  count: number,
  size: number,
  degradations: Degradation[],
  scale: number,
  kernelSize: number,
  random: Random,
): tf.Tensor4D {
  const lowSize = Math.round(size / scale);
  const weights = axisWeightsFor(degradations, size, lowSize, kernelSize);
  if (weights.some((w) => w === null))
    return tf.tidy(() =>
      degradeBatch(
        tf.tensor4d(pixels, [count, size, size, 3]),
        degradations,
        scale,
        kernelSize,
        random,
      ),
    );
  const stride = lowSize * lowSize * 3;
  const low = new Float32Array(count * stride);
  const whole = { top: 0, left: 0, height: lowSize, width: lowSize };
  const jobs = weights.map((w, i) => ({
    image: i,
    rows: w!.rows,
    columns: w!.columns,
    region: whole,
    out: low,
    outOffset: i * stride,
  }));
  runBlurResizeJobs(pixels, size, jobs);
  degradations.forEach((d, i) =>
    addNoise(d, lowSize, [whole], [{ data: low, offset: i * stride }], random),
  );
  return tf.tensor4d(low, [count, lowSize, lowSize, 3]);
}

/** The jobs on images [B, size, size, 3]: the wasm kernel, or the JS loops without wasm SIMD. */
export function runBlurResizeJobs(pixels: Float32Array, size: number, jobs: BlurResizeJob[]): void {
  if (blurResizeWasm(pixels, size, jobs)) return;
  for (const job of jobs)
    blurResizeRegion(
      pixels,
      job.image * size * size * 3,
      size,
      job.rows,
      job.columns,
      job.region,
      job.out,
      job.outOffset,
    );
}
