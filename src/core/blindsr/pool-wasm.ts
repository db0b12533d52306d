import type { RgbImage } from '../image';
import {
  align,
  ownMemoryKernels,
  reserve,
  runPlacedJobs,
  wasmDegradation,
  type BlurResizeJob,
} from './degrade-wasm';

/**
 * The kernels that read the Blind-SR pool (assembly/crop.ts, assembly/degrade.ts) on a
 * memory of their own that holds the pool: copied in once (kept while the same pool array
 * comes back), then each batch's HR crops and LR regions are computed from it in place.
 */
interface PoolKernel {
  memory: WebAssembly.Memory;
  cropBilinear(...args: number[]): void;
  blurResizeRegion(...args: number[]): void;
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
 * `draws` as crops of side `outSize`, → [draws, outSize, outSize, 3], the same to the last
 * bit as cropResizeInto's JS loop (the same f64 sums); null without wasm SIMD.
 */
export function cropHrWasm(
  pool: RgbImage[],
  draws: CropDraw[],
  outSize: number,
): Float32Array | null {
  const k = withPool(pool);
  if (!k) return null;
  const columns = k.free;
  const outAt = columns + align(outSize * 16);
  const stride = outSize * outSize * 3;
  reserve(k.memory, outAt + draws.length * stride * 4);
  draws.forEach(({ source, box }, i) => {
    const size = pool[source].size;
    k.cropBilinear(
      k.offsets[source],
      size,
      box.x,
      box.y,
      (box.width * size) / outSize,
      (box.height * size) / outSize,
      outSize,
      columns,
      outAt + i * stride * 4,
    );
  });
  return new Float32Array(k.memory.buffer, outAt, draws.length * stride).slice();
}

/**
 * blurResizeRegion on pool images (job.image is a pool index, the weights index its pixels);
 * false without wasm SIMD, and the caller runs the JS loops.
 */
export function blurResizeFromPool(pool: RgbImage[], jobs: BlurResizeJob[]): boolean {
  const k = withPool(pool);
  if (!k || jobs.length === 0) return k !== null;
  runPlacedJobs(
    k,
    k.free,
    jobs.map(({ image, ...job }) => ({ ...job, at: k.offsets[image], size: pool[image].size })),
  );
  return true;
}
