import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { conv2d, convFilterGradientByConv } from './conv';
import type { ConvCase } from './conv-case';
import { geometry } from './conv-geometry';
import type { KernelActivation } from './simd-kernel-names';
import {
  setFmaAllowed,
  setWinogradEnabled,
  simdKernelBuild,
  simdKernelsActive,
} from './simd-kernels';
import { convForwardKernel, filterGradientKernel, winogradFits } from './simd-ops';

/**
 * The Winograd F(2×2, 3×3) convolution (assembly/conv-winograd.ts) on tfjs-wasm, forward and
 * filter gradient, against tfjs' cpu conv2d and the filter gradient built from cpu forward
 * convolutions: even and odd outputs (tiles cut at the right and bottom edges), 'same' and
 * 'valid', output channels by 8 and by 8 + 4, a last block of four tiles that overlaps the one
 * before, bias and activations, both builds (fused multiply-add or not).
 */
interface Case extends Omit<ConvCase, 'k' | 'stride'> {
  bias?: boolean;
  activation?: KernelActivation;
}

const cases: Case[] = [
  { b: 2, h: 24, w: 24, ci: 16, co: 16, pad: 'same' }, // the encoder's shape
  { b: 3, h: 7, w: 9, ci: 8, co: 12, pad: 'same', bias: true }, // odd sides, 8 + 4 channels
  { b: 1, h: 5, w: 6, ci: 4, co: 4, pad: 'valid' }, // 3 × 4 output: 2 × 2 tiles, odd rows
  { b: 2, h: 4, w: 4, ci: 64, co: 64, pad: 'same', activation: 'relu' },
  { b: 1, h: 13, w: 3, ci: 12, co: 8, pad: 'same', bias: true, activation: 'leakyRelu' },
  { b: 5, h: 3, w: 3, ci: 4, co: 20, pad: 'same' }, // 4 tiles an image, 20 in all
];

const slope = 0.1;

const tensors = (c: Case) => ({
  x: tf.randomNormal([c.b, c.h, c.w, c.ci], 0, 1, 'float32', 1) as tf.Tensor4D,
  w: tf.randomNormal([3, 3, c.ci, c.co], 0, 1, 'float32', 2) as tf.Tensor4D,
  bias: c.bias ? (tf.randomNormal([c.co], 0, 1, 'float32', 3) as tf.Tensor1D) : null,
});

function reference(c: Case): { y: number[]; dw: number[] } {
  return tf.tidy(() => {
    const { x, w, bias } = tensors(c);
    let y: tf.Tensor4D = tf.conv2d(x, w, 1, c.pad);
    const dy = tf.randomNormal(y.shape, 0, 1, 'float32', 4) as tf.Tensor4D;
    const dw = convFilterGradientByConv(x, dy, [3, 3, c.ci, c.co], 1, c.pad);
    if (bias) y = y.add(bias);
    if (c.activation === 'relu') y = tf.relu(y);
    if (c.activation === 'leakyRelu') y = tf.leakyRelu(y, slope);
    return { y: Array.from(y.dataSync()), dw: Array.from(dw.dataSync()) };
  });
}

function winograd(c: Case): { y: number[]; dw: number[] } {
  return tf.tidy(() => {
    const { x, w, bias } = tensors(c);
    const shape = geometry(c.h, c.w, 3, 3, 1, c.pad);
    expect(winogradFits(c.b, shape.outH, shape.outW, w.shape, 1)).toBe(true);
    const y = convForwardKernel(
      x,
      w,
      bias,
      { ...shape, stride: 1 },
      c.activation ?? 'none',
      slope,
      true,
    );
    const dy = tf.randomNormal(
      [c.b, shape.outH, shape.outW, c.co],
      0,
      1,
      'float32',
      4,
    ) as tf.Tensor4D;
    const dw = filterGradientKernel(x, dy, 3, 3, 1, shape.padTop, shape.padLeft, true);
    return { y: Array.from(y.dataSync()), dw: Array.from(dw.dataSync()) };
  });
}

/** The largest difference relative to the largest magnitude of the reference. */
function relativeError(ours: number[], expected: number[]): number {
  expect(ours.length).toBe(expected.length);
  const scale = Math.max(1, ...expected.map(Math.abs));
  return Math.max(...ours.map((v, i) => Math.abs(v - expected[i]))) / scale;
}

describe('Winograd convolution on tfjs-wasm', () => {
  afterAll(async () => {
    setFmaAllowed(true);
    setWinogradEnabled(true);
    await tf.setBackend('wasm');
  });

  for (const build of ['fma', 'plain'] as const)
    for (const c of cases)
      it(`matches tfjs' cpu conv2d and its filter gradient (${build} build): ${JSON.stringify(c)}`, async () => {
        await tf.setBackend('cpu');
        const expected = reference(c);
        await tf.setBackend('wasm');
        setFmaAllowed(build === 'fma');
        expect(simdKernelsActive()).toBe(true);
        expect(simdKernelBuild()).toBe(build);
        const ours = winograd(c);
        setFmaAllowed(true);
        expect(relativeError(ours.y, expected.y)).toBeLessThan(1e-5);
        expect(relativeError(ours.dw, expected.dw)).toBeLessThan(1e-5);
      });

  it('is what a 3×3 stride-1 conv layer trains with, and gives the direct kernels’ gradients', async () => {
    await tf.setBackend('wasm');
    const run = (on: boolean) =>
      tf.tidy(() => {
        setWinogradEnabled(on);
        const x = tf.randomNormal([4, 10, 10, 8], 0, 1, 'float32', 5) as tf.Tensor4D;
        const w = tf.randomNormal([3, 3, 8, 16], 0, 1, 'float32', 6) as tf.Tensor4D;
        const loss = (a: tf.Tensor, b: tf.Tensor) =>
          conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same')
            .square()
            .sum();
        return tf
          .grads(loss)([x, w])
          .map((g) => Array.from(g.dataSync()));
      });
    const kernelCalls = async (on: boolean) => {
      setWinogradEnabled(on);
      const x = tf.randomNormal([4, 10, 10, 8]) as tf.Tensor4D;
      const w = tf.randomNormal([3, 3, 8, 16]) as tf.Tensor4D;
      const info = await tf.profile(() =>
        tf.grads((a: tf.Tensor, b: tf.Tensor) =>
          conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same').sum(),
        )([x, w]),
      );
      tf.dispose([x, w]);
      return info.kernels.map((k) => k.name);
    };
    // the forward pass, the input gradient (a forward conv of dy) and the filter gradient
    const withWinograd = await kernelCalls(true);
    expect(withWinograd.filter((name) => name === 'PlaygroundConv2D')).toHaveLength(2);
    const [direct, fast] = [run(false), run(true)];
    setWinogradEnabled(true);
    for (let i = 0; i < 2; i++) expect(relativeError(fast[i], direct[i])).toBeLessThan(1e-5);
    // and the two paths are not the same code: their rounding differs
    expect(fast[1].some((v, i) => v !== direct[1][i])).toBe(true);
  });

  it('takes only 3×3 stride-1 kernels over channels by fours and four tiles or more', () => {
    expect(winogradFits(2, 24, 24, [3, 3, 16, 16], 1)).toBe(true);
    expect(winogradFits(2, 12, 12, [3, 3, 16, 16], 2)).toBe(false);
    expect(winogradFits(2, 24, 24, [5, 5, 16, 16], 1)).toBe(false);
    expect(winogradFits(2, 24, 24, [3, 3, 3, 16], 1)).toBe(false);
    expect(winogradFits(2, 24, 24, [3, 3, 16, 6], 1)).toBe(false);
    expect(winogradFits(1, 3, 4, [3, 3, 4, 4], 1)).toBe(true);
    expect(winogradFits(1, 2, 4, [3, 3, 4, 4], 1)).toBe(false);
  });
});
