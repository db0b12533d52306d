import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  bicubicMatrix,
  bicubicResize,
  blurBatch,
  blurKernel,
  degradeBatch,
  type Degradation,
} from './degrade';
import { degradePixels, separableBlur } from './degrade-separable';
import { iso } from './degradation-fixtures';
import { Random } from '../random';

describe('degradation model', () => {
  it('kernels sum to 1; isotropic ones are symmetric', () => {
    for (const sigma of [0.2, 1, 2.5, 4]) {
      const k = blurKernel(iso(sigma), 15);
      expect(k.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      for (let y = 0; y < 15; y++)
        for (let x = 0; x < 15; x++) {
          expect(k[y * 15 + x]).toBeCloseTo(k[x * 15 + y], 7);
          expect(k[y * 15 + x]).toBeCloseTo(k[(14 - y) * 15 + (14 - x)], 7);
        }
    }
    const aniso = blurKernel(
      { kind: 'anisotropic', sigma: 1, lambda1: 3, lambda2: 0.5, theta: 0.3, noise: 0 },
      15,
    );
    expect(aniso.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('σ = 0.2 barely blurs', () => {
    const k = blurKernel(iso(0.2), 15);
    expect(k[7 * 15 + 7]).toBeGreaterThan(0.99);
    const image = tf.randomUniform([1, 12, 12, 3], 0, 1, 'float32', 3) as tf.Tensor4D;
    const blurred = blurBatch(image, [k], 15);
    expect(tf.max(tf.abs(blurred.sub(image))).arraySync()).toBeLessThan(0.01);
  });

  it('bicubic ×2 has the known antialiased weights and keeps a ramp a ramp', () => {
    const m = bicubicMatrix(16, 8);
    // interior row: centre at input 2.5, taps at distances ±0.5, ±1.5, ±2.5, ±3.5 scaled by ½
    const w = (d: number) => {
      const x = Math.abs(d) / 2;
      return (
        (x <= 1 ? 1.5 * x ** 3 - 2.5 * x ** 2 + 1 : -0.5 * x ** 3 + 2.5 * x ** 2 - 4 * x + 2) / 2
      );
    };
    const expected = [-3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5].map(w);
    const total = expected.reduce((a, b) => a + b, 0);
    for (let j = 0; j < 8; j++) expect(m[3 * 16 + j + 3]).toBeCloseTo(expected[j] / total, 6);
    // a linear ramp maps to the ramp sampled at the output centres (interior)
    const ramp = Array.from({ length: 16 }, (_, i) => i);
    for (let i = 2; i < 6; i++) {
      let v = 0;
      for (let j = 0; j < 16; j++) v += m[i * 16 + j] * ramp[j];
      expect(v).toBeCloseTo(2 * i + 0.5, 5);
    }
    const image = tf.tidy(() =>
      tf.tensor1d(ramp).reshape([1, 1, 16, 1]).tile([1, 16, 1, 3]),
    ) as tf.Tensor4D;
    const small = bicubicResize(image, 8).arraySync() as number[][][][];
    expect(small[0][4][3][1]).toBeCloseTo(6.5, 4);
  });

  it('separable blur factors multiply back to the 2-D kernel', () => {
    const axisAligned: Degradation = {
      kind: 'anisotropic',
      sigma: 1,
      lambda1: 2.5,
      lambda2: 0.7,
      theta: 0,
      noise: 0,
    };
    for (const d of [iso(0.2), iso(1.3), iso(4), axisAligned]) {
      const k = blurKernel(d, 13);
      const f = separableBlur(d, 13)!;
      for (let y = 0; y < 13; y++)
        for (let x = 0; x < 13; x++) expect(f.y[y] * f.x[x]).toBeCloseTo(k[y * 13 + x], 7);
    }
    expect(separableBlur({ ...axisAligned, theta: 0.4 }, 13)).toBeNull();
  });

  it('the sparse JS path degrades exactly like blur → bicubic on tensors (same noise)', () => {
    const cases: { size: number; scale: number; kernel: number; degradations: Degradation[] }[] = [
      { size: 24, scale: 2, kernel: 13, degradations: [iso(0.2), iso(2.2, 10), iso(4)] },
      { size: 28, scale: 4, kernel: 21, degradations: [iso(1.1, 25), iso(3.3)] },
      {
        size: 20,
        scale: 2,
        kernel: 13,
        degradations: [
          { kind: 'anisotropic', sigma: 1.3, lambda1: 3, lambda2: 0.6, theta: 0, noise: 5 },
          { kind: 'anisotropic', sigma: 1.3, lambda1: 0.6, lambda2: 3, theta: 0, noise: 0 },
        ],
      },
      // rotated: not separable, falls back to the tensor path
      {
        size: 20,
        scale: 2,
        kernel: 13,
        degradations: [
          { kind: 'anisotropic', sigma: 1.3, lambda1: 3, lambda2: 0.6, theta: 0.7, noise: 5 },
        ],
      },
    ];
    for (const { size, scale, kernel, degradations } of cases) {
      const n = degradations.length;
      const source = new Random(5);
      const pixels = Float32Array.from({ length: n * size * size * 3 }, () => source.uniform(0, 1));
      const fast = degradePixels(pixels, n, size, degradations, scale, kernel, new Random(9));
      const reference = degradeBatch(
        tf.tensor4d(pixels, [n, size, size, 3]),
        degradations,
        scale,
        kernel,
        new Random(9),
      );
      expect(fast.shape).toEqual([n, size / scale, size / scale, 3]);
      expect(tf.max(tf.abs(fast.sub(reference))).arraySync()).toBeLessThan(2e-5);
      tf.dispose([fast, reference]);
    }
  });
});

describe('blur kernel size', () => {
  it('is 21 × 21 at both scales (DASR), so σ = 4 is not truncated', async () => {
    const { kernelSizeFor } = await import('./config');
    expect(kernelSizeFor(2)).toBe(21);
    expect(kernelSizeFor(4)).toBe(21);
    // effective σ of the normalised kernel along x: within 1 % of the asked σ at 3
    const size = kernelSizeFor(2);
    const k = blurKernel(iso(3), size);
    const centre = (size - 1) / 2;
    let variance = 0;
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) variance += k[y * size + x] * (x - centre) ** 2;
    expect(Math.sqrt(variance)).toBeGreaterThan(2.97);
  });
});
