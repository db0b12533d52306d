import { plain } from 'virtual:simd-kernels';
import type { PixelRegion } from '../image';

/**
 * blurResizeRegion of assembly/degrade.ts, on a WebAssembly.Memory of its own (not tfjs'),
 * so the data preparation runs it under any backend: f32 SIMD, ~5× the plain-JS loops.
 */

/**
 * One axis of blur-then-resize as a sparse matrix [outSize, inSize] in compressed rows:
 * row o's nonzeros are index/weight[start[o] … start[o + 1]), columns ascending. ≤ taps
 * of the bicubic + blur size − 1 nonzeros per row.
 */
export interface AxisWeights {
  start: Int32Array; // [outSize + 1]
  index: Int32Array;
  weight: Float64Array;
}

/** A rectangle of LR pixels: rows [top, top + height), columns [left, left + width). */
export type LowRegion = PixelRegion;

/** One LR region of one HR image of the batch, written to out at outOffset as [h, w, 3]. */
export interface BlurResizeJob {
  image: number;
  rows: AxisWeights;
  columns: AxisWeights;
  region: LowRegion;
  out: Float32Array;
  outOffset: number;
}

interface Kernel {
  memory: WebAssembly.Memory;
  blurResizeRegion(...args: number[]): void;
}

/** undefined: not tried yet; null: this engine has no wasm SIMD (the JS loops run) */
let compiled: WebAssembly.Module | null | undefined;

/**
 * The kernels (assembly/kernels.ts, plain-memory build) on a WebAssembly.Memory of their
 * own, one per caller (each lays its memory out as it likes); null where the engine has no
 * wasm SIMD. The module is compiled once.
 */
export function ownMemoryKernels(
  initialPages: number,
): { memory: WebAssembly.Memory; exports: WebAssembly.Exports } | null {
  if (compiled === undefined) {
    compiled = null;
    try {
      const text = atob(plain);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
    } catch {
      compiled = null;
    }
  }
  if (!compiled) return null;
  try {
    const memory = new WebAssembly.Memory({ initial: initialPages });
    const { exports } = new WebAssembly.Instance(compiled, { env: { memory } });
    return { memory, exports };
  } catch {
    return null;
  }
}

/** undefined: not tried yet; null: this engine has no wasm SIMD (the JS loops run) */
let kernel: Kernel | null | undefined;
export const wasmDegradation = { enabled: true };

function instantiate(): Kernel | null {
  if (kernel !== undefined) return kernel;
  const instance = ownMemoryKernels(80);
  kernel = instance && {
    memory: instance.memory,
    blurResizeRegion: instance.exports.blurResizeRegion as Kernel['blurResizeRegion'],
  };
  return kernel;
}

/** Whether this engine runs the wasm kernel (else the JS loops of degrade-separable.ts). */
export function wasmDegradationReady(): boolean {
  return instantiate() !== null;
}

export const align = (bytes: number) => (bytes + 15) & ~15;

/** Grows a kernel's memory to at least `bytes` (views of its buffer made before are detached). */
export function reserve(memory: WebAssembly.Memory, bytes: number): void {
  const missing = bytes - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / 65536));
}

/** A job whose source image [size, size, 3] is already in the kernel's memory at byte `at`. */
interface PlacedJob extends Omit<BlurResizeJob, 'image'> {
  at: number;
  size: number;
}

type RegionKernel = { memory: WebAssembly.Memory; blurResizeRegion(...args: number[]): void };

/** A region of an image in the kernel's memory whose weights are there too: byte offsets. */
export interface PointerJob {
  at: number;
  size: number;
  /** start, index, weight (f32) of each axis */
  rows: number[];
  columns: number[];
  region: LowRegion;
  out: Float32Array;
  outOffset: number;
}

/**
 * Runs blurResizeRegion for each job; memory from byte `free` on is scratch (the pass
 * along H, the region's output, copied to job.out).
 */
export function runRegions(k: RegionKernel, free: number, jobs: PointerJob[]): void {
  const alongAt = free;
  const maxAlong = Math.max(...jobs.map((j) => j.region.height * j.size * 12));
  const maxPixels = Math.max(...jobs.map((j) => j.region.height * j.region.width * 3));
  const outAt = alongAt + align(maxAlong + 16);
  reserve(k.memory, outAt + align(maxPixels * 4));
  const buffer = k.memory.buffer;
  for (const { at, size, rows, columns, region, out, outOffset } of jobs) {
    k.blurResizeRegion(
      at,
      size,
      rows[0],
      rows[1],
      rows[2],
      columns[0],
      columns[1],
      columns[2],
      region.top,
      region.left,
      region.height,
      region.width,
      alongAt,
      outAt,
    );
    const count = region.height * region.width * 3;
    out.set(new Float32Array(buffer, outAt, count), outOffset);
  }
}

/**
 * Runs blurResizeRegion for each job on images already in the kernel's memory; memory from
 * byte `free` on is scratch: each distinct axis's start | index | weight, then runRegions'.
 */
function runPlacedJobs(k: RegionKernel, free: number, jobs: PlacedJob[]): void {
  const axes = new Map<AxisWeights, number>();
  let bytes = free;
  for (const job of jobs)
    for (const axis of [job.rows, job.columns])
      if (!axes.has(axis)) {
        axes.set(axis, bytes);
        bytes += align(axis.start.length * 4) + 2 * align(axis.index.length * 4);
      }
  reserve(k.memory, bytes);
  const buffer = k.memory.buffer;
  // one view of each type over the axes' bytes, written at element offsets
  const ints = new Int32Array(buffer, free, (bytes - free) >> 2);
  const floats = new Float32Array(buffer, free, (bytes - free) >> 2);
  const pointers = new Map<AxisWeights, number[]>();
  for (const [axis, at] of axes) {
    const indexAt = at + align(axis.start.length * 4);
    const weightAt = indexAt + align(axis.index.length * 4);
    ints.set(axis.start, (at - free) >> 2);
    ints.set(axis.index, (indexAt - free) >> 2);
    floats.set(axis.weight, (weightAt - free) >> 2);
    pointers.set(axis, [at, indexAt, weightAt]);
  }
  runRegions(
    k,
    bytes,
    jobs.map((job) => ({
      ...job,
      rows: pointers.get(job.rows)!,
      columns: pointers.get(job.columns)!,
    })),
  );
}

/**
 * Runs the jobs on the HR batch [images, size, size, 3]; false when wasm SIMD is not there
 * (or switched off), and the caller runs the JS loops.
 */
export function blurResizeWasm(hr: Float32Array, size: number, jobs: BlurResizeJob[]): boolean {
  const k = wasmDegradation.enabled ? instantiate() : null;
  if (!k || jobs.length === 0) return k !== null;
  reserve(k.memory, align(hr.length * 4));
  new Float32Array(k.memory.buffer, 0, hr.length).set(hr);
  const imageBytes = size * size * 12;
  runPlacedJobs(
    k,
    align(hr.length * 4),
    jobs.map(({ image, ...job }) => ({ ...job, at: image * imageBytes, size })),
  );
  return true;
}
