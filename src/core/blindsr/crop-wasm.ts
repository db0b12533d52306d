import type { RgbImage } from '../image';
import { ownMemoryKernels, wasmDegradation } from './degrade-wasm';

/**
 * The batch's HR crops with assembly/crop.ts: the same values as cropResizeInto's JS loop
 * (the same f64 sums), at one speed from the first batch. The pool is copied into the
 * kernel's memory once (kept while the same pool array comes back), then each batch writes
 * its crops there and copies them out.
 */
interface CropKernel {
  memory: WebAssembly.Memory;
  cropBilinear(...args: number[]): void;
  /** the pool now in memory, its images' byte offsets, and where free memory starts */
  pool: RgbImage[] | null;
  offsets: number[];
  free: number;
}

let kernel: CropKernel | null | undefined;

function instantiate(): CropKernel | null {
  if (kernel !== undefined) return kernel;
  const instance = ownMemoryKernels(1);
  kernel = instance && {
    memory: instance.memory,
    cropBilinear: instance.exports.cropBilinear as CropKernel['cropBilinear'],
    pool: null,
    offsets: [],
    free: 0,
  };
  return kernel;
}

const align = (bytes: number) => (bytes + 15) & ~15;

function reserve(k: CropKernel, bytes: number): void {
  const missing = bytes - k.memory.buffer.byteLength;
  if (missing > 0) k.memory.grow(Math.ceil(missing / 65536));
}

function loadPool(k: CropKernel, pool: RgbImage[]): void {
  if (k.pool === pool && k.offsets.length === pool.length) return;
  let bytes = 0;
  k.offsets = pool.map((image) => {
    const at = bytes;
    bytes += align(image.pixels.length * 4);
    return at;
  });
  reserve(k, bytes);
  pool.forEach((image, i) =>
    new Float32Array(k.memory.buffer, k.offsets[i], image.pixels.length).set(image.pixels),
  );
  k.pool = pool;
  k.free = bytes;
}

export interface CropDraw {
  source: number;
  box: { x: number; y: number; width: number; height: number };
}

/** `draws` as crops of side `outSize`, → [draws, outSize, outSize, 3]; null without wasm SIMD. */
export function cropHrWasm(
  pool: RgbImage[],
  draws: CropDraw[],
  outSize: number,
): Float32Array | null {
  const k = wasmDegradation.enabled ? instantiate() : null;
  if (!k) return null;
  loadPool(k, pool);
  const columns = k.free;
  const outAt = columns + align(outSize * 16);
  const stride = outSize * outSize * 3;
  reserve(k, outAt + draws.length * stride * 4);
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
