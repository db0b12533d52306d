import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import { KernelPrior, topEigenvectors } from './kernel-prior';
import type { Degradation } from './degrade';

const iso = (sigma: number): Degradation => ({
  kind: 'isotropic',
  sigma,
  lambda1: sigma,
  lambda2: sigma,
  theta: 0,
  noise: 0,
});

describe('LightBSR degradation prior (kernel PCA)', () => {
  it('finds the eigenvectors of a known symmetric matrix', () => {
    // diag(5, 3, 1) rotated by 45° in the first two axes
    const c = Math.SQRT1_2;
    const rotation = [
      [c, -c, 0],
      [c, c, 0],
      [0, 0, 1],
    ];
    const values = [5, 3, 1];
    const matrix = new Float64Array(9);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++)
        for (let k = 0; k < 3; k++)
          matrix[i * 3 + j] += rotation[i][k] * values[k] * rotation[j][k];
    const { vectors, values: found } = topEigenvectors(matrix, 3, 2, new Random(1), 100);
    expect(found[0]).toBeCloseTo(5, 5);
    expect(found[1]).toBeCloseTo(3, 5);
    expect(Math.abs(vectors[0] * c + vectors[1] * c)).toBeCloseTo(1, 5);
    expect(Math.abs(-vectors[3] * c + vectors[4] * c)).toBeCloseTo(1, 5);
  });

  it('codes 21×21 isotropic kernels: orthonormal components, PC1 ordered by σ, 15 channels beside RGB', () => {
    const prior = new KernelPrior(
      { kind: 'isotropic', sigmaMin: 0.2, sigmaMax: 4, noiseMax: 0 },
      21,
      15,
      3,
    );
    const width = 21 * 21;
    for (const [a, b] of [
      [0, 0],
      [0, 1],
      [3, 7],
    ]) {
      let dot = 0;
      for (let i = 0; i < width; i++)
        dot += prior.components[a * width + i] * prior.components[b * width + i];
      expect(dot).toBeCloseTo(a === b ? 1 : 0, 4);
    }
    // the spectrum falls fast: the first 4 components carry almost all the variance
    const total = prior.variances.reduce((s, v) => s + v, 0);
    expect(
      (prior.variances[0] + prior.variances[1] + prior.variances[2] + prior.variances[3]) / total,
    ).toBeGreaterThan(0.999);
    const sigmas = [0.3, 0.8, 1.5, 2.5, 3.8];
    const codes = prior.codes(sigmas.map(iso));
    const first = sigmas.map((_, i) => codes[i * 15]);
    const increasing = first.every((v, i) => i === 0 || v > first[i - 1]);
    const decreasing = first.every((v, i) => i === 0 || v < first[i - 1]);
    expect(increasing || decreasing).toBe(true);
    const maps = prior.withPrior(tf.zeros([2, 4, 4, 3]) as tf.Tensor4D, [iso(1), iso(3)]);
    expect(maps.shape).toEqual([2, 4, 4, 18]);
    const values = maps.arraySync() as number[][][][];
    expect(values[1][3][2][3]).toBeCloseTo(prior.codes([iso(3)])[0], 5);
    expect(values[0][0][0][0]).toBe(0);
  });
});
