import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { conv2d, type Padding } from './conv';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Loss = (...inputs: tf.Tensor[]) => tf.Tensor;

function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => a.sub(b).abs().max().arraySync() as number);
}

const cases: { h: number; w: number; k: number; stride: number; pad: Padding }[] = [
  { h: 8, w: 8, k: 3, stride: 1, pad: 'same' },
  { h: 8, w: 8, k: 3, stride: 2, pad: 'same' },
  { h: 9, w: 7, k: 3, stride: 2, pad: 'same' },
  { h: 8, w: 8, k: 3, stride: 1, pad: 'valid' },
  { h: 9, w: 9, k: 3, stride: 2, pad: 'valid' },
  { h: 10, w: 10, k: 4, stride: 2, pad: 'valid' },
  { h: 7, w: 7, k: 5, stride: 1, pad: 'same' },
  { h: 12, w: 12, k: 1, stride: 2, pad: 'same' },
  // polyphase input gradient: odd and uneven sizes, kernels smaller, equal to and larger
  // than the stride, and stride 3 (some phases without taps)
  { h: 11, w: 13, k: 3, stride: 2, pad: 'same' },
  { h: 10, w: 7, k: 3, stride: 2, pad: 'valid' },
  { h: 9, w: 10, k: 2, stride: 2, pad: 'same' },
  { h: 8, w: 9, k: 4, stride: 2, pad: 'same' },
  { h: 11, w: 11, k: 5, stride: 2, pad: 'valid' },
  { h: 10, w: 11, k: 3, stride: 3, pad: 'same' },
  { h: 13, w: 12, k: 4, stride: 3, pad: 'valid' },
  { h: 5, w: 5, k: 3, stride: 2, pad: 'same' },
];

describe('conv2d with gradients from forward kernels', () => {
  for (const c of cases) {
    it(`matches tfjs' own gradients: ${c.h}×${c.w}, k${c.k}, stride ${c.stride}, ${c.pad}`, () => {
      const x = tf.randomNormal([2, c.h, c.w, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
      const w = tf.randomNormal([c.k, c.k, 3, 5], 0, 1, 'float32', 2) as tf.Tensor4D;
      const upstream = tf.tidy(() => tf.conv2d(x, w, c.stride, c.pad).mul(0).add(1));
      const weights = tf.randomNormal(upstream.shape, 0, 1, 'float32', 3);
      const lossOurs = (a: tf.Tensor4D, b: tf.Tensor4D) =>
        conv2d(a, b, c.stride, c.pad).mul(weights).sum();
      const lossRef = (a: tf.Tensor4D, b: tf.Tensor4D) =>
        tf.conv2d(a, b, c.stride, c.pad).mul(weights).sum();
      const ours = tf.grads(lossOurs as Loss)([x, w]);
      const ref = tf.grads(lossRef as Loss)([x, w]);
      expect(ours[0].shape).toEqual(x.shape);
      expect(ours[1].shape).toEqual(w.shape);
      expect(maxAbsDiff(ours[0], ref[0])).toBeLessThan(1e-4);
      expect(maxAbsDiff(ours[1], ref[1])).toBeLessThan(1e-4);
      expect(maxAbsDiff(conv2d(x, w, c.stride, c.pad), tf.conv2d(x, w, c.stride, c.pad))).toBe(0);
      tf.dispose([x, w, upstream, weights, ...ours, ...ref]);
    });
  }
});

/** x [2, 7, 6, 3], a 3 × 3 filter to 5 channels, its bias, and weights of the stride-2 output */
function biasCase() {
  return {
    x: tf.randomNormal([2, 7, 6, 3], 0, 1, 'float32', 1) as tf.Tensor4D,
    w: tf.randomNormal([3, 3, 3, 5], 0, 1, 'float32', 2) as tf.Tensor4D,
    bias: tf.randomNormal([5], 0, 1, 'float32', 4) as tf.Tensor1D,
    weights: tf.randomNormal([2, 4, 3, 5], 0, 1, 'float32', 3),
  };
}

describe('conv2d with a bias inside the op', () => {
  it("matches tfjs' gradients of conv2d(...).add(bias), bias included", () => {
    const { x, w, bias, weights } = biasCase();
    const ours = tf.grads(((a: tf.Tensor4D, f: tf.Tensor4D, b: tf.Tensor1D) =>
      conv2d(a, f, 2, 'same', true, b).mul(weights).sum()) as Loss)([x, w, bias]);
    const ref = tf.grads(((a: tf.Tensor4D, f: tf.Tensor4D, b: tf.Tensor1D) =>
      tf.conv2d(a, f, 2, 'same').add(b).mul(weights).sum()) as Loss)([x, w, bias]);
    for (let i = 0; i < 3; i++) {
      expect(ours[i].shape).toEqual(ref[i].shape);
      expect(maxAbsDiff(ours[i], ref[i])).toBeLessThan(1e-4);
    }
    tf.dispose([x, w, bias, weights, ...ours, ...ref]);
  });
});

describe('conv2d of a first layer (no input gradient)', () => {
  it("gives tfjs' filter and bias gradients, x no input of the op", () => {
    const { x, w, bias, weights } = biasCase();
    const ref = tf.grads(((f: tf.Tensor4D, b: tf.Tensor1D) =>
      tf.conv2d(x, f, 2, 'same').add(b).mul(weights).sum()) as Loss)([w, bias]);
    const withBias = tf.grads(((f: tf.Tensor4D, b: tf.Tensor1D) =>
      conv2d(x, f, 2, 'same', false, b).mul(weights).sum()) as Loss)([w, bias]);
    const [noBias] = tf.grads(((f: tf.Tensor4D) =>
      conv2d(x, f, 2, 'same', false).mul(weights).sum()) as Loss)([w]);
    for (const [ours, theirs] of [
      [withBias[0], ref[0]],
      [withBias[1], ref[1]],
      [noBias, ref[0]],
    ]) {
      expect(ours.shape).toEqual(theirs.shape);
      expect(maxAbsDiff(ours, theirs)).toBeLessThan(1e-4);
    }
    // x is data here: no path from it to the output, so tfjs finds nothing to differentiate
    expect(() =>
      tf.grad((input: tf.Tensor) => conv2d(input as tf.Tensor4D, w, 2, 'same', false).sum())(x),
    ).toThrow();
    expect(
      maxAbsDiff(conv2d(x, w, 2, 'same', false, bias), tf.conv2d(x, w, 2, 'same').add(bias)),
    ).toBeLessThan(1e-5);
    tf.dispose([x, w, bias, weights, ...ref, ...withBias, noBias]);
  });
});
