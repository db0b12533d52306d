import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { pixelShuffle } from './srnet';
import { Random } from '../random';

/** [B, H, W, C] of seeded values in [−1, 1). */
function randomTensor(shape: [number, number, number, number], seed: number): tf.Tensor4D {
  const random = new Random(seed);
  const count = shape.reduce((a, b) => a * b, 1);
  return tf.tensor4d(
    Float32Array.from({ length: count }, () => random.uniform(-1, 1)),
    shape,
  );
}

describe('pixelShuffle', () => {
  it('puts the four channels of a pixel on its 2×2 block: row offset, then column offset', () => {
    // two pixels side by side, channels [1 2 3 4] and [5 6 7 8]
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [1, 1, 2, 4]);
    const y = pixelShuffle(x, 2);
    expect(y.shape).toEqual([1, 2, 4, 1]);
    expect(Array.from(y.dataSync())).toEqual([1, 2, 5, 6, 3, 4, 7, 8]);
    tf.dispose([x, y]);
  });

  // non-square maps and more than one image, so a swapped axis cannot go unnoticed
  for (const { scale, shape } of [
    { scale: 2, shape: [2, 3, 5, 3 * 4] as [number, number, number, number] },
    { scale: 4, shape: [2, 2, 3, 3 * 16] as [number, number, number, number] },
    { scale: 3, shape: [1, 4, 2, 2 * 9] as [number, number, number, number] },
  ]) {
    it(`equals tf.depthToSpace (NHWC) at scale ${scale}, shape ${shape.join('×')}`, () => {
      const x = randomTensor(shape, 11 + scale);
      const ours = pixelShuffle(x, scale);
      const reference = tf.depthToSpace(x, scale, 'NHWC');
      const [b, h, w, cs] = shape;
      expect(ours.shape).toEqual([b, h * scale, w * scale, cs / (scale * scale)]);
      expect(reference.shape).toEqual(ours.shape);
      // a permutation: the values must be identical, not merely close
      expect(Array.from(ours.dataSync())).toEqual(Array.from(reference.dataSync()));
      tf.dispose([x, ours, reference]);
    });
  }

  it('has the gradient of a permutation (tfjs depthToSpace has none)', () => {
    const shape: [number, number, number, number] = [1, 2, 3, 12];
    const x = randomTensor(shape, 5);
    const weights = randomTensor([1, 4, 6, 3], 6);
    const gradient = tf.grad((input) =>
      pixelShuffle(input as tf.Tensor4D, 2)
        .mul(weights)
        .sum(),
    )(x);
    // d/dx_k Σ w_j · x_{π(j)} = w_{π⁻¹(k)}: where each input value lands, read back
    const positions = tf.tensor4d(
      Float32Array.from({ length: 72 }, (_, i) => i),
      shape,
    );
    const landed = tf.depthToSpace(positions, 2, 'NHWC').dataSync();
    const w = weights.dataSync();
    const expected = new Float32Array(72);
    landed.forEach((source, j) => (expected[source] = w[j]));
    expect(Array.from(gradient.dataSync())).toEqual(Array.from(expected));
    tf.dispose([x, weights, gradient, positions]);
  });
});
