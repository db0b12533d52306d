import { bicubicMatrix } from './degrade';
import type { AxisWeights, LowRegion } from './degrade-wasm';

/**
 * The sparse weights of the separable degradation path, one axis at a time: blur ∘ bicubic ↓
 * as a sparse matrix [LR, HR] (blurResizeAxis), a bilinear crop's axis (cropAxis) and the
 * two composed (throughCrop: [LR, source], LR pixels straight from the image the crop is
 * cut from). assembly/weights.ts builds the same weights in wasm.
 */

/** A bicubic matrix [outSize, inSize] with each row's nonzero columns [first, last]. */
export interface BicubicRows {
  matrix: Float32Array;
  first: Int32Array;
  last: Int32Array;
}

const bicubicCache = new Map<string, BicubicRows>();

/** bicubicMatrix(inSize, outSize) and its rows' nonzero ranges, made once per pair of sizes. */
export function bicubicRows(inSize: number, outSize: number): BicubicRows {
  const key = `${inSize}→${outSize}`;
  let rows = bicubicCache.get(key);
  if (!rows) {
    const matrix = bicubicMatrix(inSize, outSize);
    const first = new Int32Array(outSize).fill(inSize);
    const last = new Int32Array(outSize).fill(-1);
    for (let o = 0; o < outSize; o++)
      for (let i = 0; i < inSize; i++)
        if (matrix[o * inSize + i] !== 0) {
          first[o] = Math.min(first[o], i);
          last[o] = i;
        }
    rows = { matrix, first, last };
    bicubicCache.set(key, rows);
  }
  return rows;
}

/** Scratch of blurResizeAxis and throughCrop: one dense row, and the entries so far. */
let denseRow = new Float64Array(0);
let entryIndex = new Int32Array(0);
let entryWeight = new Float64Array(0);

/** Room for `needed` entries in the scratch, the first `kept` kept. */
function entryRoom(kept: number, needed: number): void {
  if (entryIndex.length >= needed) return;
  const index = new Int32Array(2 * needed);
  const weight = new Float64Array(2 * needed);
  index.set(entryIndex.subarray(0, kept));
  weight.set(entryWeight.subarray(0, kept));
  entryIndex = index;
  entryWeight = weight;
}

/**
 * Appends the nonzeros of denseRow[lowest … highest] to the entries from `count` on, and
 * clears them. → the new count
 */
function emitRow(count: number, lowest: number, highest: number): number {
  entryRoom(count, count + highest - lowest + 1);
  const dense = denseRow;
  for (let j = lowest; j <= highest; j++)
    if (dense[j] !== 0) {
      entryIndex[count] = j;
      entryWeight[count++] = dense[j];
      dense[j] = 0;
    }
  return count;
}

const entries = (start: Int32Array, count: number): AxisWeights => ({
  start,
  index: entryIndex.slice(0, count),
  weight: entryWeight.slice(0, count),
});

/**
 * The 1-D blur, padded by reflection (mirrorPad 'reflect', as blurBatch; 'symmetric' repeats
 * the edge pixel), followed by the bicubic matrix [outSize, inSize], as one sparse matrix.
 */
export function blurResizeAxis(
  blur: Float64Array,
  inSize: number,
  outSize: number,
  padding: 'reflect' | 'symmetric' = 'reflect',
): AxisWeights {
  const edge = padding === 'symmetric' ? 1 : 0;
  const bicubic = bicubicRows(inSize, outSize);
  const half = Math.floor(blur.length / 2);
  if (denseRow.length < inSize) denseRow = new Float64Array(inSize);
  const dense = denseRow;
  const start = new Int32Array(outSize + 1);
  let count = 0;
  for (let o = 0; o < outSize; o++) {
    let lowest = inSize;
    let highest = -1;
    for (let i = bicubic.first[o]; i <= bicubic.last[o]; i++) {
      const r = bicubic.matrix[o * inSize + i];
      if (r === 0) continue;
      for (let t = 0; t < blur.length; t++) {
        let j = i + t - half;
        j = j < 0 ? -j - edge : j >= inSize ? 2 * (inSize - 1) - j + edge : j;
        dense[j] += r * blur[t];
        if (j < lowest) lowest = j;
        if (j > highest) highest = j;
      }
    }
    count = emitRow(count, lowest, highest);
    start[o + 1] = count;
  }
  return entries(start, count);
}

/**
 * Where one axis of a bilinear crop reads its source, with cropResizeInto's arithmetic:
 * output index h is (1 − fraction[h]) · source[low[h]] + fraction[h] · source[high[h]].
 * position and extent are the box's, in fractions of the source's side.
 */
export interface CropAxis {
  low: Int32Array;
  high: Int32Array;
  fraction: Float64Array;
}

export function cropAxis(
  position: number,
  extent: number,
  sourceSize: number,
  outSize: number,
): CropAxis {
  const scale = (extent * sourceSize) / outSize;
  const low = new Int32Array(outSize);
  const high = new Int32Array(outSize);
  const fraction = new Float64Array(outSize);
  for (let h = 0; h < outSize; h++) {
    const c = Math.min(
      Math.max(position * sourceSize + (h + 0.5) * scale - 0.5, 0),
      sourceSize - 1,
    );
    low[h] = Math.floor(c);
    high[h] = Math.min(low[h] + 1, sourceSize - 1);
    fraction[h] = c - low[h];
  }
  return { low, high, fraction };
}

/**
 * Blur-resize weights [LR, HR] after a crop's axis [HR, source]: the weights [LR, source]
 * that give the LR pixels from the source image itself, with no HR crop in between (the
 * same sums but for the crop's rounding to f32). Only LR indices [from, to) get entries;
 * the others are empty.
 */
export function throughCrop(
  weights: AxisWeights,
  crop: CropAxis,
  sourceSize: number,
  from: number,
  to: number,
): AxisWeights {
  const outSize = weights.start.length - 1;
  if (denseRow.length < sourceSize) denseRow = new Float64Array(sourceSize);
  const dense = denseRow;
  const start = new Int32Array(outSize + 1);
  let count = 0;
  for (let o = 0; o < outSize; o++) {
    if (o >= from && o < to) {
      let lowest = sourceSize;
      let highest = -1;
      for (let k = weights.start[o]; k < weights.start[o + 1]; k++) {
        const h = weights.index[k];
        const w = weights.weight[k];
        const f = crop.fraction[h];
        dense[crop.low[h]] += w * (1 - f);
        dense[crop.high[h]] += w * f;
        if (crop.low[h] < lowest) lowest = crop.low[h];
        if (crop.high[h] > highest) highest = crop.high[h];
      }
      count = emitRow(count, lowest, highest);
    }
    start[o + 1] = count;
  }
  return entries(start, count);
}

/** One image of a batch whose LR regions come straight from its pool image. */
export interface PoolImageJob {
  /** the crop: its pool image and box */
  draw: { source: number; box: { x: number; y: number; width: number; height: number } };
  /** its blur's 1-D factors (separableFactorsFor); images sharing an array share its weights */
  blur: { rows: Float64Array; columns: Float64Array };
  regions: LowRegion[];
  outs: { data: Float32Array; offset: number }[];
}

/**
 * A job's two axes made by `axis(factor, position, extent, from, to)`: rows along its crop's
 * y, columns along its x, each over the LR indices [from, to) its regions reach.
 */
export function jobAxes<T>(
  { draw: { box }, blur, regions }: PoolImageJob,
  axis: (factor: Float64Array, position: number, extent: number, from: number, to: number) => T,
): { rows: T; columns: T } {
  const reach = (first: 'top' | 'left', extent: 'height' | 'width') => [
    Math.min(...regions.map((r) => r[first])),
    Math.max(...regions.map((r) => r[first] + r[extent])),
  ];
  return {
    rows: axis(blur.rows, box.y, box.height, ...(reach('top', 'height') as [number, number])),
    columns: axis(blur.columns, box.x, box.width, ...(reach('left', 'width') as [number, number])),
  };
}
