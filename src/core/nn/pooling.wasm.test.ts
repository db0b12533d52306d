import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { centerImages, globalAveragePool } from './pooling';
import { simdKernelsActive } from './simd-kernels';

/**
 * Global average pooling and centred images on tfjs-wasm (our kernels, assembly/filters.ts)
 * against tfjs' cpu mean: values, the pooling's gradient, channels by fours and not.
 */
const shapes: [number, number, number, number][] = [
  [16, 6, 6, 64], // the encoder's last maps
  [3, 5, 7, 3], // RGB patches
];

function pooled(shape: [number, number, number, number]): {
  y: number[];
  dx: number[];
  centred: number[];
} {
  return tf.tidy(() => {
    const x = tf.randomNormal(shape, 0.5, 1, 'float32', 1) as tf.Tensor4D;
    const weights = tf.randomNormal([shape[0], shape[3]], 0, 1, 'float32', 2);
    const y = globalAveragePool(x);
    const dx = tf.grad((a: tf.Tensor) =>
      globalAveragePool(a as tf.Tensor4D)
        .mul(weights)
        .sum(),
    )(x);
    return {
      y: Array.from(y.dataSync()),
      dx: Array.from(dx.dataSync()),
      centred: Array.from(centerImages(x).dataSync()),
    };
  });
}

const worst = (a: number[], b: number[]) => {
  expect(a.length).toBe(b.length);
  return Math.max(...a.map((v, i) => Math.abs(v - b[i])));
};

describe('pooling on tfjs-wasm', () => {
  afterAll(() => tf.setBackend('wasm'));

  for (const shape of shapes)
    it(`matches tfjs' cpu mean, its gradient and centring: [${shape}]`, async () => {
      await tf.setBackend('cpu');
      expect(simdKernelsActive()).toBe(false);
      const expected = pooled(shape);
      await tf.setBackend('wasm');
      expect(simdKernelsActive()).toBe(true);
      const ours = pooled(shape);
      expect(worst(ours.y, expected.y)).toBeLessThan(1e-5);
      expect(worst(ours.dx, expected.dx)).toBeLessThan(1e-6);
      expect(worst(ours.centred, expected.centred)).toBeLessThan(1e-5);
    });

  it('runs our kernels, not Mean', async () => {
    await tf.setBackend('wasm');
    const x = tf.randomNormal([2, 4, 4, 8]) as tf.Tensor4D;
    const info = await tf.profile(() => [
      centerImages(x),
      tf.grad((a: tf.Tensor) => globalAveragePool(a as tf.Tensor4D).sum())(x),
    ]);
    expect(info.kernelNames).toEqual(
      expect.arrayContaining([
        'PlaygroundCenterImages',
        'PlaygroundImageMeans',
        'PlaygroundSpreadMeans',
      ]),
    );
    expect(info.kernelNames).not.toContain('Mean');
    x.dispose();
  });
});
