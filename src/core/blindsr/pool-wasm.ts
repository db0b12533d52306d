import type { PixelRegion, RgbImage } from '../image';
import {
  align,
  ownMemoryKernels,
  reserve,
  runRegions,
  wasmDegradation,
  type PointerJob,
} from './degrade-wasm';
import { bicubicRows, jobAxes, type PoolImageJob } from './sparse-weights';

/**
 * The kernels that read the Blind-SR pool (assembly/crop.ts, assembly/degrade.ts) on a
 * memory of their own that holds the pool: copied in once (kept while the same pool array
 * comes back), then each batch's HR crops and LR regions are computed from it in place.
 */
interface PoolKernel {
  memory: WebAssembly.Memory;
  cropBilinear(...args: number[]): void;
  blurResizeRegion(...args: number[]): void;
  blurResizeWeights(...args: number[]): number;
  throughCropWeights(...args: number[]): number;
  /** the pool now in memory, its images' byte offsets, and where free memory starts */
  pool: RgbImage[] | null;
  offsets: number[];
  free: number;
}

let kernel: PoolKernel | null | undefined;

function instantiate(): PoolKernel | null {
  if (kernel !== undefined) return kernel;
  const instance = ownMemoryKernels(1);
  kernel = instance && {
    memory: instance.memory,
    cropBilinear: instance.exports.cropBilinear as PoolKernel['cropBilinear'],
    blurResizeRegion: instance.exports.blurResizeRegion as PoolKernel['blurResizeRegion'],
    blurResizeWeights: instance.exports.blurResizeWeights as PoolKernel['blurResizeWeights'],
    throughCropWeights: instance.exports.throughCropWeights as PoolKernel['throughCropWeights'],
    pool: null,
    offsets: [],
    free: 0,
  };
  return kernel;
}

/** The kernel with `pool` in its memory; null without wasm SIMD (or switched off). */
function withPool(pool: RgbImage[]): PoolKernel | null {
  const k = wasmDegradation.enabled ? instantiate() : null;
  if (!k) return null;
  if (k.pool === pool && k.offsets.length === pool.length) return k;
  let bytes = 0;
  k.offsets = pool.map((image) => {
    const at = bytes;
    bytes += align(image.pixels.length * 4);
    return at;
  });
  reserve(k.memory, bytes);
  pool.forEach((image, i) =>
    new Float32Array(k.memory.buffer, k.offsets[i], image.pixels.length).set(image.pixels),
  );
  k.pool = pool;
  k.free = bytes;
  return k;
}

export interface CropDraw {
  source: number;
  box: { x: number; y: number; width: number; height: number };
}

/**
 * Region i of the crop of draws[i] (side `outSize`) for every draw, one after the other
 * ([height, width, 3] each), the same to the last bit as cropResizeInto's JS loop (the same
 * f64 sums); null without wasm SIMD.
 */
export function cropHrWasm(
  pool: RgbImage[],
  draws: CropDraw[],
  outSize: number,
  regions: PixelRegion[],
): Float32Array | null {
  const k = withPool(pool);
  if (!k) return null;
  const columns = k.free;
  const outAt = columns + align(outSize * 16);
  const counts = regions.map(({ height, width }) => height * width * 3);
  const total = counts.reduce((sum, count) => sum + count, 0);
  reserve(k.memory, outAt + total * 4);
  let at = outAt;
  draws.forEach(({ source, box }, i) => {
    const size = pool[source].size;
    const region = regions[i];
    k.cropBilinear(
      k.offsets[source],
      size,
      box.x,
      box.y,
      (box.width * size) / outSize,
      (box.height * size) / outSize,
      region.top,
      region.left,
      region.height,
      region.width,
      columns,
      at,
    );
    at += counts[i] * 4;
  });
  return new Float32Array(k.memory.buffer, outAt, total).slice();
}

/**
 * The LR regions of HR crops `hrSize`² of the pool — blur ∘ bicubic ↓ to `lowSize`², before
 * noise — computed from the pool images in the kernel's memory: each distinct blur factor's
 * weights (assembly/weights.ts blurResizeWeights), each crop's axes folded in
 * (throughCropWeights, only the LR rows and columns its regions need), then blurResizeRegion.
 * The same weights to the bit as sparse-weights.ts' blurResizeAxis and throughCrop; false
 * without wasm SIMD, and the caller runs those.
 */
export function degradeFromPool(
  pool: RgbImage[],
  hrSize: number,
  lowSize: number,
  images: PoolImageJob[],
): boolean {
  const k = withPool(pool);
  if (!k || images.length === 0) return k !== null;
  const bicubic = bicubicRows(hrSize, lowSize);
  let widest = 0;
  for (let o = 0; o < lowSize; o++)
    widest = Math.max(widest, bicubic.last[o] - bicubic.first[o] + 1);
  const factors = [...new Set(images.flatMap(({ blur }) => [blur.rows, blur.columns]))];
  const taps = Math.max(...factors.map((f) => f.length));
  const largest = Math.max(hrSize, ...images.map(({ draw }) => pool[draw.source].size));
  // scratch: the bicubic matrix, its rows' ranges, a dense row, a blur factor
  const bicubicAt = k.free;
  const firstAt = bicubicAt + align(bicubic.matrix.length * 4);
  const lastAt = firstAt + align(lowSize * 4);
  const denseAt = lastAt + align(lowSize * 4);
  const blurAt = denseAt + align(largest * 8);
  let at = blurAt + align(taps * 8);
  // each factor's weights [lowSize, hrSize]: ≤ widest + taps − 1 entries a row
  const perRow = widest + taps;
  const weightBytes = align((lowSize + 1) * 4) + align(lowSize * perRow * 4) + lowSize * perRow * 8;
  reserve(k.memory, at + factors.length * weightBytes);
  const buffer = k.memory.buffer;
  new Float32Array(buffer, bicubicAt, bicubic.matrix.length).set(bicubic.matrix);
  new Int32Array(buffer, firstAt, lowSize).set(bicubic.first);
  new Int32Array(buffer, lastAt, lowSize).set(bicubic.last);
  new Float64Array(buffer, denseAt, largest).fill(0);
  const hrWeights = new Map<Float64Array, number[]>();
  for (const factor of factors) {
    new Float64Array(buffer, blurAt, factor.length).set(factor);
    const start = at;
    const index = start + align((lowSize + 1) * 4);
    const weight = index + align(lowSize * perRow * 4);
    k.blurResizeWeights(
      blurAt,
      factor.length,
      bicubicAt,
      firstAt,
      lastAt,
      hrSize,
      lowSize,
      denseAt,
      start,
      index,
      weight,
    );
    hrWeights.set(factor, [start, index, weight]);
    at += weightBytes;
  }
  // each image's axes through its crop: a row reaches ≤ perRow HR pixels, each ≤ 2 + scale sources
  const jobs: PointerJob[] = [];
  for (const job of images) {
    const { source } = job.draw;
    const size = pool[source].size;
    const { rows, columns } = jobAxes(job, (factor, position, extent, from, to) => {
      const sources = Math.ceil(perRow * ((extent * size) / hrSize)) + 2;
      const start = at;
      const index = start + align((lowSize + 1) * 4);
      const weight = index + align((to - from) * sources * 4);
      at = weight + align((to - from) * sources * 4);
      reserve(k.memory, at);
      const [hrStart, hrIndex, hrWeight] = hrWeights.get(factor)!;
      k.throughCropWeights(
        hrStart,
        hrIndex,
        hrWeight,
        lowSize,
        position,
        extent,
        size,
        hrSize,
        from,
        to,
        denseAt,
        start,
        index,
        weight,
      );
      return [start, index, weight];
    });
    job.regions.forEach((region, r) =>
      jobs.push({
        at: k.offsets[source],
        size,
        rows,
        columns,
        region,
        out: job.outs[r].data,
        outOffset: job.outs[r].offset,
      }),
    );
  }
  runRegions(k, at, jobs);
  return true;
}
