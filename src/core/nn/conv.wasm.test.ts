import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { conv2d, type Padding } from './conv';

/**
 * The same gradients on the wasm backend (XNNPACK convolutions, its own gather, pad and
 * transpose) against tfjs' own conv gradients computed on the cpu backend.
 */
const cases: { h: number; w: number; k: number; stride: number; pad: Padding }[] = [
  { h: 16, w: 16, k: 3, stride: 1, pad: 'same' },
  { h: 16, w: 16, k: 3, stride: 2, pad: 'same' },
  { h: 11, w: 13, k: 3, stride: 2, pad: 'same' },
  { h: 10, w: 7, k: 3, stride: 2, pad: 'valid' },
  { h: 9, w: 10, k: 4, stride: 2, pad: 'same' },
  { h: 10, w: 11, k: 3, stride: 3, pad: 'same' },
];

type Loss = (...inputs: tf.Tensor[]) => tf.Tensor;

function gradients(c: (typeof cases)[number], ours: boolean): number[][] {
  return tf.tidy(() => {
    const x = tf.randomNormal([3, c.h, c.w, 4], 0, 1, 'float32', 1) as tf.Tensor4D;
    const w = tf.randomNormal([c.k, c.k, 4, 6], 0, 1, 'float32', 2) as tf.Tensor4D;
    const shape = tf.conv2d(x, w, c.stride, c.pad).shape;
    const weights = tf.randomNormal(shape, 0, 1, 'float32', 3);
    const loss = (a: tf.Tensor4D, b: tf.Tensor4D) =>
      (ours ? conv2d(a, b, c.stride, c.pad) : tf.conv2d(a, b, c.stride, c.pad)).mul(weights).sum();
    return tf
      .grads(loss as Loss)([x, w])
      .map((g) => Array.from(g.dataSync()));
  });
}

describe('conv2d gradients on wasm', () => {
  afterAll(() => tf.setBackend('wasm'));
  for (const c of cases) {
    it(`match tfjs' cpu gradients: ${c.h}×${c.w}, k${c.k}, stride ${c.stride}, ${c.pad}`, async () => {
      await tf.setBackend('cpu');
      const reference = gradients(c, false);
      await tf.setBackend('wasm');
      const ours = gradients(c, true);
      for (let i = 0; i < 2; i++) {
        expect(ours[i].length).toBe(reference[i].length);
        const worst = Math.max(...ours[i].map((v, j) => Math.abs(v - reference[i][j])));
        expect(worst).toBeLessThan(1e-4);
      }
    });
  }
});
