import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { batchNormActivation, type Activation } from './batchnorm';

/** The same maths written plainly, differentiated by tfjs itself. */
function reference(
  x: tf.Tensor4D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  activation: Activation,
): tf.Tensor {
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  const y = x.sub(mean).div(variance.add(1e-5).sqrt()).mul(gamma).add(beta);
  return activation === 'relu' ? y.relu() : activation === 'leakyRelu' ? y.leakyRelu(0.1) : y;
}

describe('batchNormActivation', () => {
  for (const activation of ['none', 'relu', 'leakyRelu'] as const) {
    it(`matches autodiff of the plain formula (${activation})`, () => {
      const x = tf.randomNormal([3, 4, 5, 6], 0.5, 2, 'float32', 11) as tf.Tensor4D;
      const gamma = tf.randomNormal([6], 1, 0.3, 'float32', 12) as tf.Tensor1D;
      const beta = tf.randomNormal([6], 0, 0.3, 'float32', 13) as tf.Tensor1D;
      const weights = tf.randomNormal([3, 4, 5, 6], 0, 1, 'float32', 14);
      type Loss = (...inputs: tf.Tensor[]) => tf.Tensor;
      const ours = tf.grads(((a: tf.Tensor4D, g: tf.Tensor1D, b: tf.Tensor1D) =>
        batchNormActivation(a, g, b, activation).mul(weights).sum()) as Loss)([x, gamma, beta]);
      const ref = tf.grads(((a: tf.Tensor4D, g: tf.Tensor1D, b: tf.Tensor1D) =>
        reference(a, g, b, activation).mul(weights).sum()) as Loss)([x, gamma, beta]);
      for (let i = 0; i < 3; i++) {
        expect(ours[i].shape).toEqual(ref[i].shape);
        expect(tf.max(tf.abs(ours[i].sub(ref[i]))).arraySync()).toBeLessThan(1e-3);
      }
      const forward = batchNormActivation(x, gamma, beta, activation);
      expect(
        tf.max(tf.abs(forward.sub(reference(x, gamma, beta, activation)))).arraySync(),
      ).toBeLessThan(1e-4);
    });
  }

  it('reports the batch moments', () => {
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2, 1]);
    let seen: number[] = [];
    batchNormActivation(
      x,
      tf.ones([1]) as tf.Tensor1D,
      tf.zeros([1]) as tf.Tensor1D,
      'none',
      (m, v) => {
        seen = [m.arraySync()[0], v.arraySync()[0]];
      },
    );
    expect(seen[0]).toBeCloseTo(4.5, 5);
    expect(seen[1]).toBeCloseTo(5.25, 5);
  });
});
