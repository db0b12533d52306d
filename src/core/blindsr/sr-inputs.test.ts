import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import { bicubicResize } from './degrade';
import { wasmDegradation } from './degrade-wasm';
import { gaussianFactor, prepareSrInputs, sharpenSigmas, sharpenSize } from './sr-inputs';

/**
 * The definition on tensors: each colour filtered by δ − G_s/ΣG_s (the 2-D Gaussian, 9 × 9,
 * symmetric padding) as a depthwise convolution, then bicubic up-sampling.
 */
function reference(low: Float32Array, count: number, side: number, scale: number) {
  return tf.tidy(() => {
    const k = sharpenSize;
    const bandCount = sharpenSigmas.length;
    const filter = new Float32Array(k * k * 3 * bandCount);
    const centre = (k - 1) / 2;
    sharpenSigmas.forEach((sigma, j) => {
      const gaussian = new Float64Array(k * k);
      let sum = 0;
      for (let y = 0; y < k; y++)
        for (let x = 0; x < k; x++) {
          gaussian[y * k + x] = Math.exp(
            -((x - centre) ** 2 + (y - centre) ** 2) / (2 * sigma ** 2),
          );
          sum += gaussian[y * k + x];
        }
      for (let t = 0; t < k * k; t++)
        for (let c = 0; c < 3; c++)
          filter[(t * 3 + c) * bandCount + j] = (t === (k * k - 1) / 2 ? 1 : 0) - gaussian[t] / sum;
    });
    const images = tf.tensor4d(low, [count, side, side, 3]);
    const pad = (k - 1) / 2;
    const padded = tf.mirrorPad(
      images,
      [
        [0, 0],
        [pad, pad],
        [pad, pad],
        [0, 0],
      ],
      'symmetric',
    );
    const filtered = tf.depthwiseConv2d(
      padded,
      tf.tensor4d(filter, [k, k, 3, bandCount]),
      1,
      'valid',
    );
    const high = side * scale;
    return {
      upsampled: bicubicResize(images, high).dataSync() as Float32Array,
      // [B, H, W, colour · bands] → [B, bands, H·W·3]
      bands: bicubicResize(filtered as tf.Tensor4D, high)
        .reshape([count, high * high * 3, bandCount])
        .transpose([0, 2, 1])
        .dataSync() as Float32Array,
    };
  });
}

const maxDifference = (a: Float32Array, b: Float32Array) => {
  expect(a.length).toBe(b.length);
  return a.reduce((max, v, i) => Math.max(max, Math.abs(v - b[i])), 0);
};

describe('the upsampler inputs', () => {
  it('the 1-D Gaussian factor sums to 1 and its outer product is the normalised 2-D kernel', () => {
    const g = gaussianFactor(1);
    expect(g.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // the 2-D kernel's entry (2, 7) over its sum, built directly
    let sum = 0;
    for (let y = 0; y < 9; y++)
      for (let x = 0; x < 9; x++) sum += Math.exp(-((x - 4) ** 2 + (y - 4) ** 2) / 2);
    expect(g[2] * g[7]).toBeCloseTo(Math.exp(-(4 + 9) / 2) / sum, 12);
  });

  it('are the depthwise unsharp-mask filter and bicubic up-sampling on tensors (both paths, ×2 and ×3)', () => {
    const random = new Random(4);
    for (const [count, side, scale] of [
      [3, 24, 2],
      [2, 12, 3],
    ]) {
      const low = Float32Array.from({ length: count * side * side * 3 }, () => random.next());
      const expected = reference(low, count, side, scale);
      for (const wasm of [true, false]) {
        wasmDegradation.enabled = wasm;
        try {
          const inputs = prepareSrInputs(low, count, side, scale);
          const bands = inputs.bands.dataSync() as Float32Array;
          expect(
            maxDifference(inputs.upsampled.dataSync() as Float32Array, expected.upsampled),
          ).toBeLessThan(2e-6);
          expect(maxDifference(bands, expected.bands)).toBeLessThan(2e-6);
          // a sharp band of a noise image is far from zero: the test compares something
          expect(Math.max(...bands.map(Math.abs))).toBeGreaterThan(0.3);
          tf.dispose(Object.values(inputs));
        } finally {
          wasmDegradation.enabled = true;
        }
      }
    }
  });

  it('as tensors, with their shapes', () => {
    const low = new Float32Array(2 * 24 * 24 * 3).fill(0.5);
    const inputs = prepareSrInputs(low, 2, 24, 2);
    expect(inputs.low.shape).toEqual([2, 24, 24, 3]);
    expect(inputs.upsampled.shape).toEqual([2, 48, 48, 3]);
    expect(inputs.bands.shape).toEqual([2, 3, 48 * 48 * 3]);
    // a flat image: its up-sampling is flat and it has no high frequencies
    expect(Math.max(...inputs.upsampled.dataSync().map((v) => Math.abs(v - 0.5)))).toBeLessThan(
      1e-6,
    );
    expect(Math.max(...inputs.bands.dataSync().map(Math.abs))).toBeLessThan(1e-6);
    tf.dispose(Object.values(inputs));
  });

  it('inputs still held keep their values when the next are made (the pixels array is reused only once they are disposed)', () => {
    const ones = new Float32Array(24 * 24 * 3).fill(1);
    const first = prepareSrInputs(ones, 1, 24, 2);
    const second = prepareSrInputs(new Float32Array(24 * 24 * 3).fill(0.25), 1, 24, 2);
    expect(Math.min(...first.upsampled.dataSync())).toBeGreaterThan(0.999);
    expect(Math.max(...second.upsampled.dataSync())).toBeLessThan(0.251);
    tf.dispose([...Object.values(first), ...Object.values(second)]);
    // both disposed: the next call reuses the array, and is right too
    const third = prepareSrInputs(ones, 1, 24, 2);
    expect(Math.min(...third.upsampled.dataSync())).toBeGreaterThan(0.999);
    tf.dispose(Object.values(third));
  });
});
