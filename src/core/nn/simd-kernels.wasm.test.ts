import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { batchNormActivationOps, batchNormActivation, type Activation } from './batchnorm';
import { conv2d } from './conv';
import type { ConvCase } from './conv-case';
import { setFmaAllowed, simdKernelBuild, simdKernelsActive } from './simd-kernels';

/**
 * Our SIMD kernels (assembly/kernels.ts) on tfjs-wasm against tfjs' own gradients on the
 * cpu backend: every register-block path (filter gradient: 4 input × 8 output channels,
 * single input channels × 16; strided input gradient: 16 and 4 input channels; the scalar
 * remainders), every stride/padding geometry, and batch norm with
 * C % 4 == 0 (f32x4 lanes) and not (one channel at a time).
 */
type Loss = (...inputs: tf.Tensor[]) => tf.Tensor;

const worst = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

const convCases: ConvCase[] = [
  { b: 4, h: 16, w: 16, ci: 3, co: 16, k: 3, stride: 1, pad: 'same' }, // the RGB first layer
  { b: 2, h: 9, w: 9, ci: 3, co: 12, k: 3, stride: 2, pad: 'same' }, // RGB: 8 channels, then 4
  { b: 3, h: 16, w: 16, ci: 16, co: 32, k: 3, stride: 2, pad: 'same' },
  { b: 2, h: 9, w: 7, ci: 8, co: 8, k: 3, stride: 2, pad: 'same' },
  { b: 2, h: 8, w: 8, ci: 6, co: 13, k: 3, stride: 1, pad: 'same' }, // remainders everywhere
  { b: 2, h: 10, w: 10, ci: 4, co: 3, k: 4, stride: 2, pad: 'valid' },
  { b: 2, h: 11, w: 11, ci: 5, co: 20, k: 5, stride: 2, pad: 'valid' },
  { b: 2, h: 10, w: 11, ci: 12, co: 12, k: 3, stride: 3, pad: 'same' },
  { b: 2, h: 12, w: 12, ci: 7, co: 9, k: 1, stride: 2, pad: 'same' },
  { b: 2, h: 7, w: 7, ci: 16, co: 64, k: 5, stride: 1, pad: 'same' },
  // the direct strided input gradient's 16-channel blocks, with a 4-lane remainder
  { b: 2, h: 8, w: 8, ci: 20, co: 24, k: 3, stride: 2, pad: 'same' },
  { b: 3, h: 4, w: 4, ci: 64, co: 64, k: 3, stride: 2, pad: 'same' }, // SimCLR's last conv
  // the filter gradient's chunks of output rows: chunks that end inside an image, 8 + 8 + 4
  // output channels (the 4-lane rest in one pass)
  { b: 3, h: 14, w: 14, ci: 8, co: 20, k: 3, stride: 1, pad: 'same' },
  // rows of 4 or fewer from a list, the list in chunks (96 positions a tap)
  { b: 6, h: 8, w: 8, ci: 8, co: 16, k: 3, stride: 2, pad: 'same' },
];

function convGradients(c: (typeof convCases)[number], ours: boolean): number[][] {
  return tf.tidy(() => {
    const x = tf.randomNormal([c.b, c.h, c.w, c.ci], 0, 1, 'float32', 1) as tf.Tensor4D;
    const w = tf.randomNormal([c.k, c.k, c.ci, c.co], 0, 1, 'float32', 2) as tf.Tensor4D;
    const weights = tf.randomNormal(tf.conv2d(x, w, c.stride, c.pad).shape, 0, 1, 'float32', 3);
    const loss = (a: tf.Tensor4D, f: tf.Tensor4D) =>
      (ours ? conv2d(a, f, c.stride, c.pad) : tf.conv2d(a, f, c.stride, c.pad)).mul(weights).sum();
    return tf
      .grads(loss as Loss)([x, w])
      .map((g) => Array.from(g.dataSync()));
  });
}

function convBiasGradients(co: number, ours: boolean): number[][] {
  return tf.tidy(() => {
    const x = tf.randomNormal([2, 9, 9, 5], 0, 1, 'float32', 1) as tf.Tensor4D;
    const w = tf.randomNormal([3, 3, 5, co], 0, 1, 'float32', 2) as tf.Tensor4D;
    const bias = tf.randomNormal([co], 0, 1, 'float32', 4) as tf.Tensor1D;
    const weights = tf.randomNormal([2, 9, 9, co], 0, 1, 'float32', 3);
    const loss = (a: tf.Tensor4D, f: tf.Tensor4D, b: tf.Tensor1D) =>
      (ours ? conv2d(a, f, 1, 'same', true, b) : tf.conv2d(a, f, 1, 'same').add(b))
        .mul(weights)
        .sum();
    const y = ours ? conv2d(x, w, 1, 'same', true, bias) : tf.conv2d(x, w, 1, 'same').add(bias);
    return [y, ...tf.grads(loss as Loss)([x, w, bias])].map((g) => Array.from(g.dataSync()));
  });
}

const bnCases: { shape: [number, number, number, number]; activation: Activation }[] = [
  { shape: [4, 8, 8, 16], activation: 'relu' },
  { shape: [4, 8, 8, 16], activation: 'leakyRelu' },
  { shape: [4, 8, 8, 16], activation: 'none' },
  // 20 channels: the sums' 16-channel (forward) and 8-channel (backward) groups, then 4
  { shape: [2, 5, 5, 20], activation: 'leakyRelu' },
  { shape: [3, 5, 4, 6], activation: 'relu' },
  { shape: [3, 5, 4, 6], activation: 'leakyRelu' },
  { shape: [2, 3, 3, 3], activation: 'none' },
];

function bnValues(c: (typeof bnCases)[number], ours: boolean): number[][] {
  return tf.tidy(() => {
    const channels = c.shape[3];
    const x = tf.randomNormal(c.shape, 0.5, 2, 'float32', 11) as tf.Tensor4D;
    const gamma = tf.randomNormal([channels], 1, 0.3, 'float32', 12) as tf.Tensor1D;
    const beta = tf.randomNormal([channels], 0, 0.3, 'float32', 13) as tf.Tensor1D;
    const weights = tf.randomNormal(c.shape, 0, 1, 'float32', 14);
    const moments: tf.Tensor[] = [];
    const bn = ours ? batchNormActivation : batchNormActivationOps;
    const y = bn(x, gamma, beta, c.activation, (m, v) => moments.push(m, v));
    const grads = tf.grads(((a: tf.Tensor4D, g: tf.Tensor1D, b: tf.Tensor1D) =>
      bn(a, g, b, c.activation).mul(weights).sum()) as Loss)([x, gamma, beta]);
    return [y, ...moments, ...grads].map((t) => Array.from(t.dataSync()));
  });
}

describe('SIMD kernels on tfjs-wasm', () => {
  afterAll(() => tf.setBackend('wasm'));

  it('are active on the wasm backend and off on cpu', async () => {
    await tf.setBackend('wasm');
    expect(simdKernelsActive()).toBe(true);
    await tf.setBackend('cpu');
    expect(simdKernelsActive()).toBe(false);
  });

  it('node runs the relaxed-SIMD (fused multiply-add) build, as Chrome does (vitest.config.ts)', async () => {
    await tf.setBackend('wasm');
    expect(simdKernelBuild()).toBe('fma');
    setFmaAllowed(false);
    expect(simdKernelBuild()).toBe('plain');
    setFmaAllowed(true);
  });

  for (const build of ['fma', 'plain'] as const)
    for (const c of convCases)
      it(`conv filter and input gradients (${build} build) match tfjs' cpu gradients: ${JSON.stringify(c)}`, async () => {
        await tf.setBackend('cpu');
        const reference = convGradients(c, false);
        await tf.setBackend('wasm');
        setFmaAllowed(build === 'fma');
        expect(simdKernelBuild()).toBe(build);
        const ours = convGradients(c, true);
        setFmaAllowed(true);
        for (let i = 0; i < 2; i++) {
          expect(ours[i].length).toBe(reference[i].length);
          // sums over up to a few thousand products: relative to the gradient's size
          const scale = Math.max(1, ...reference[i].map(Math.abs));
          expect(worst(ours[i], reference[i]) / scale).toBeLessThan(1e-5);
        }
      });

  for (const co of [16, 20, 13])
    it(`conv + bias (fused forward): output and all three gradients match tfjs' cpu ops (${co} channels)`, async () => {
      await tf.setBackend('cpu');
      const reference = convBiasGradients(co, false);
      await tf.setBackend('wasm');
      const ours = convBiasGradients(co, true);
      expect(ours.length).toBe(4); // y, dx, dW, dBias
      for (let i = 0; i < 4; i++) {
        expect(ours[i].length).toBe(reference[i].length);
        const scale = Math.max(1, ...reference[i].map(Math.abs));
        expect(worst(ours[i], reference[i]) / scale).toBeLessThan(1e-5);
      }
    });

  for (const c of bnCases)
    it(`batch norm + ${c.activation} forward, moments and gradients match the tfjs-op form on cpu: ${c.shape}`, async () => {
      await tf.setBackend('cpu');
      const reference = bnValues(c, false);
      await tf.setBackend('wasm');
      const ours = bnValues(c, true);
      expect(ours.length).toBe(6); // y, mean, variance, dx, dγ, dβ
      for (let i = 0; i < reference.length; i++) {
        expect(ours[i].length).toBe(reference[i].length);
        const scale = Math.max(1, ...reference[i].map(Math.abs));
        expect(worst(ours[i], reference[i]) / scale).toBeLessThan(1e-5);
      }
    });
});
