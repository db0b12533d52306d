import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { patchSize } from './config';
import { cutPatches, samplePatches } from './patches';
import { Random } from '../random';

/** A pixel's value says where it is: image b, row y, column x, channel c. */
const valueAt = (b: number, y: number, x: number, c: number) => b * 100_000 + y * 1000 + x * 10 + c;

/** [count, side, side, 3] of valueAt. */
function positionImages(count: number, side: number): tf.Tensor4D {
  const values = new Float32Array(count * side * side * 3);
  for (let b = 0; b < count; b++)
    for (let y = 0; y < side; y++)
      for (let x = 0; x < side; x++)
        for (let c = 0; c < 3; c++)
          values[((b * side + y) * side + x) * 3 + c] = valueAt(b, y, x, c);
  return tf.tensor4d(values, [count, side, side, 3]);
}

/** The pixels of image b from (top, left), side × side, computed by hand. */
function expectedPatch(b: number, top: number, left: number, side: number): number[] {
  const out: number[] = [];
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++)
      for (let c = 0; c < 3; c++) out.push(valueAt(b, top + y, left + x, c));
  return out;
}

/** Largest difference from the hand-computed pixels of each image of a patch batch. */
function maxError(patch: tf.Tensor4D, expected: number[][]): number {
  const values = patch.dataSync();
  return Math.max(...expected.flat().map((v, i) => Math.abs(values[i] - v)));
}

describe('cutPatches', () => {
  it('cuts two LR quadrants pixel for pixel: top-right and bottom-left of a 48² image', () => {
    const low = positionImages(1, 2 * patchSize);
    const [first, second] = cutPatches(low, [
      [
        { x: 24, y: 0 },
        { x: 0, y: 24 },
      ],
    ]);
    expect(first.shape).toEqual([1, 24, 24, 3]);
    expect(second.shape).toEqual([1, 24, 24, 3]);
    const a = first.dataSync();
    const b = second.dataSync();
    // corners by hand: row 0 column 24; row 23 column 47; row 24 column 0
    expect(Array.from(a.subarray(0, 3)).map(Math.round)).toEqual([240, 241, 242]);
    expect(Math.round(a[(23 * 24 + 23) * 3])).toBe(23_470);
    expect(Math.round(b[0])).toBe(24_000);
    expect(Math.round(b[(23 * 24 + 23) * 3 + 2])).toBe(47_232);
    // every pixel: a crop on the grid, no resampling (float32 box error only)
    expect(maxError(first, [expectedPatch(0, 0, 24, 24)])).toBeLessThan(0.01);
    expect(maxError(second, [expectedPatch(0, 24, 0, 24)])).toBeLessThan(0.01);
    tf.dispose([low, first, second]);
  });

  it('cuts each image with its own pair of corners', () => {
    const low = positionImages(2, 2 * patchSize);
    const [first, second] = cutPatches(low, [
      [
        { x: 0, y: 0 },
        { x: 24, y: 24 },
      ],
      [
        { x: 24, y: 24 },
        { x: 24, y: 0 },
      ],
    ]);
    expect(first.shape).toEqual([2, 24, 24, 3]);
    expect(
      maxError(first, [expectedPatch(0, 0, 0, 24), expectedPatch(1, 24, 24, 24)]),
    ).toBeLessThan(0.01);
    expect(
      maxError(second, [expectedPatch(0, 24, 24, 24), expectedPatch(1, 0, 24, 24)]),
    ).toBeLessThan(0.01);
    tf.dispose([low, first, second]);
  });

  it('scales corners and side by the factor for the HR image (×2: 48² of 96²)', () => {
    const high = positionImages(1, 4 * patchSize);
    const [first, second] = cutPatches(
      high,
      [
        [
          { x: 24, y: 0 },
          { x: 24, y: 24 },
        ],
      ],
      2,
    );
    expect(first.shape).toEqual([1, 48, 48, 3]);
    const a = first.dataSync();
    expect(Math.round(a[0])).toBe(480);
    expect(Math.round(a[(47 * 48 + 47) * 3])).toBe(47_950);
    expect(maxError(first, [expectedPatch(0, 0, 48, 48)])).toBeLessThan(0.01);
    expect(maxError(second, [expectedPatch(0, 48, 48, 48)])).toBeLessThan(0.01);
    tf.dispose([high, first, second]);
  });
});

describe('samplePatches', () => {
  it('draws two different quadrant corners of the 48² LR image', () => {
    const random = new Random(3);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const [a, b] = samplePatches(random);
      for (const corner of [a, b]) {
        expect([0, patchSize]).toContain(corner.x);
        expect([0, patchSize]).toContain(corner.y);
      }
      expect(a.x !== b.x || a.y !== b.y).toBe(true);
      seen.add(`${a.x},${a.y}`);
    }
    expect(seen.size).toBe(4);
  });
});
