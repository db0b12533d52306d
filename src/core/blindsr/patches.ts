import * as tf from '@tensorflow/tfjs-core';
import { patchSize } from './config';
import type { BlindSrSample } from './types';
import type { Random } from '../random';

/** Two different quadrants of the 48² LR image (top-left corners). */
export function samplePatches(random: Random): BlindSrSample['patches'] {
  const [a, b] = random.shuffle([0, 1, 2, 3]);
  const corner = (q: number) => ({ x: (q % 2) * patchSize, y: Math.floor(q / 2) * patchSize });
  return [corner(a), corner(b)];
}

/**
 * [B, L, L, 3] → two [B, p·f, p·f, 3] patch batches (f: 1 for LR, the scale for HR),
 * exact pixels: crop boxes on the pixel grid, no resampling.
 */
export function cutPatches(
  images: tf.Tensor4D,
  patches: BlindSrSample['patches'][],
  factor = 1,
): [tf.Tensor4D, tf.Tensor4D] {
  const n = images.shape[1] - 1;
  const side = patchSize * factor;
  const boxes = (which: 0 | 1) =>
    patches.map((p) => {
      const x = p[which].x * factor;
      const y = p[which].y * factor;
      return [y / n, x / n, (y + side - 1) / n, (x + side - 1) / n];
    });
  const index = patches.map((_, i) => i);
  return [
    tf.image.cropAndResize(images, boxes(0), index, [side, side]),
    tf.image.cropAndResize(images, boxes(1), index, [side, side]),
  ];
}

/** Rows of equal length into one row-major array. */
export function concatRows(rows: Float32Array[]): Float32Array {
  const width = rows[0]?.length ?? 0;
  const out = new Float32Array(rows.length * width);
  rows.forEach((row, i) => out.set(row, i * width));
  return out;
}
