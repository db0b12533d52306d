import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { forwardConv } from './conv';
import type { ConvCase } from './conv-case';
import type { KernelActivation } from './simd-kernel-names';
import { setFmaAllowed, simdKernelBuild, simdKernelsActive } from './simd-kernels';

/**
 * Our direct forward convolution (assembly/conv-forward.ts) on tfjs-wasm against tfjs' cpu
 * conv2d: the 4-pixel × 8-channel block, the 4-channel block, rows narrower than a block
 * (their pixels blocked across rows and images), fewer than four pixels in all, rows whose
 * top or bottom taps fall outside, inputs narrower than the kernel, strides 1–3, 'same' and
 * 'valid', bias and activations.
 */
interface Case extends ConvCase {
  bias?: boolean;
  activation?: KernelActivation;
}

const cases: Case[] = [
  { b: 2, h: 24, w: 24, ci: 3, co: 16, k: 3, stride: 1, pad: 'same' }, // Blind-SR's first conv
  { b: 2, h: 24, w: 24, ci: 16, co: 32, k: 3, stride: 2, pad: 'same' },
  { b: 2, h: 6, w: 6, ci: 64, co: 64, k: 3, stride: 1, pad: 'same' }, // rows of 6: blocks across rows
  { b: 2, h: 12, w: 12, ci: 24, co: 12, k: 3, stride: 1, pad: 'same', bias: true }, // 8 + 4
  { b: 3, h: 9, w: 7, ci: 8, co: 8, k: 3, stride: 2, pad: 'same', activation: 'relu' },
  { b: 2, h: 10, w: 11, ci: 5, co: 20, k: 5, stride: 2, pad: 'valid', bias: true },
  { b: 2, h: 10, w: 13, ci: 6, co: 4, k: 3, stride: 3, pad: 'same' }, // 4 channels only
  { b: 2, h: 7, w: 7, ci: 16, co: 24, k: 5, stride: 1, pad: 'same', activation: 'leakyRelu' },
  { b: 1, h: 5, w: 3, ci: 4, co: 8, k: 5, stride: 1, pad: 'same' }, // narrower than the kernel
  { b: 2, h: 8, w: 9, ci: 7, co: 16, k: 1, stride: 1, pad: 'valid', bias: true },
  { b: 1, h: 4, w: 4, ci: 2, co: 8, k: 4, stride: 1, pad: 'same' }, // even kernel: pads 1 / 2
  { b: 3, h: 4, w: 4, ci: 8, co: 12, k: 3, stride: 2, pad: 'same', bias: true }, // 2 × 2 outputs
  { b: 1, h: 2, w: 3, ci: 4, co: 8, k: 3, stride: 2, pad: 'same' }, // two pixels in all
  {
    b: 2,
    h: 24,
    w: 24,
    ci: 24,
    co: 24,
    k: 3,
    stride: 1,
    pad: 'same',
    bias: true,
    activation: 'leakyRelu',
  },
];

const slope = 0.1;

function convolve(c: Case, ours: boolean): number[] {
  return tf.tidy(() => {
    const x = tf.randomNormal([c.b, c.h, c.w, c.ci], 0, 1, 'float32', 1) as tf.Tensor4D;
    const w = tf.randomNormal([c.k, c.k, c.ci, c.co], 0, 1, 'float32', 2) as tf.Tensor4D;
    const bias = c.bias ? (tf.randomNormal([c.co], 0, 1, 'float32', 3) as tf.Tensor1D) : null;
    const activation = c.activation ?? 'none';
    if (ours)
      return Array.from(forwardConv(x, w, c.stride, c.pad, bias, activation, slope).dataSync());
    let y: tf.Tensor = tf.conv2d(x, w, c.stride, c.pad);
    if (bias) y = y.add(bias);
    if (activation === 'relu') y = tf.relu(y);
    if (activation === 'leakyRelu') y = tf.leakyRelu(y, slope);
    return Array.from(y.dataSync());
  });
}

describe('direct forward convolution on tfjs-wasm', () => {
  afterAll(() => tf.setBackend('wasm'));

  for (const build of ['fma', 'plain'] as const)
    for (const c of cases)
      it(`matches tfjs' cpu conv2d (${build} build): ${JSON.stringify(c)}`, async () => {
        await tf.setBackend('cpu');
        const reference = convolve(c, false);
        await tf.setBackend('wasm');
        setFmaAllowed(build === 'fma');
        expect(simdKernelsActive()).toBe(true);
        expect(simdKernelBuild()).toBe(build);
        const ours = convolve(c, true);
        setFmaAllowed(true);
        expect(ours.length).toBe(reference.length);
        const scale = Math.max(1, ...reference.map(Math.abs));
        const worst = Math.max(...ours.map((v, i) => Math.abs(v - reference[i])));
        expect(worst / scale).toBeLessThan(1e-5);
      });

  it('runs our kernel where the output channels come by fours, XNNPACK otherwise', async () => {
    await tf.setBackend('wasm');
    const x = tf.randomNormal([1, 6, 6, 4], 0, 1, 'float32', 1) as tf.Tensor4D;
    const kernels = async (co: number) => {
      const w = tf.randomNormal([3, 3, 4, co], 0, 1, 'float32', 2) as tf.Tensor4D;
      const profile = await tf.profile(() => forwardConv(x, w, 1, 'same'));
      w.dispose();
      return profile.kernelNames;
    };
    expect(await kernels(8)).toContain('PlaygroundConv2D');
    expect(await kernels(8)).not.toContain('Conv2D');
    expect(await kernels(6)).toContain('Conv2D');
    x.dispose();
  });
});
