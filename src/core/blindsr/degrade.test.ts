import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  bicubicMatrix,
  bicubicResize,
  blurBatch,
  blurKernel,
  degradeBatch,
  type Degradation,
  type DegradationRanges,
} from './degrade';
import { degradePixels, separableBlur } from './degrade-separable';
import { degradationDistance, negativeWeightRows, negativeWeights } from './degradation-prior';
import { NegativeQueue } from '../queue';
import { Random } from '../random';

const iso = (sigma: number, noise = 0): Degradation => ({
  kind: 'isotropic',
  sigma,
  lambda1: sigma,
  lambda2: sigma,
  theta: 0,
  noise,
});
const ranges: DegradationRanges = { kind: 'isotropic', sigmaMin: 0.2, sigmaMax: 4, noiseMax: 25 };

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

  it('negative weights grow with degradation distance and average 1', () => {
    const negatives = [iso(1.05), iso(1.5), iso(2.5), iso(4)];
    const distances = negatives.map((n) => degradationDistance(iso(1), n, ranges));
    const weights = negativeWeights(iso(1), negatives, ranges, 0.3);
    for (let i = 1; i < 4; i++) {
      expect(distances[i]).toBeGreaterThan(distances[i - 1]);
      expect(weights[i]).toBeGreaterThan(weights[i - 1]);
    }
    expect(weights.reduce((a, b) => a + b, 0) / 4).toBeCloseTo(1, 5);
    expect(weights[0]).toBeLessThan(0.1);
    // noise counts too
    expect(degradationDistance(iso(1, 0), iso(1, 20), ranges)).toBeGreaterThan(0.5);
  });

  it('weighs a batch of queries as degradationDistance does, pair by pair', () => {
    const turned = (lambda1: number, lambda2: number, theta: number, noise: number) =>
      ({ kind: 'anisotropic', sigma: 1, lambda1, lambda2, theta, noise }) as Degradation;
    const negatives = [iso(1.05, 3), null, turned(3, 0.5, 0.3, 10), iso(2.5), turned(0.4, 2, 2, 0)];
    const queries = [iso(1, 5), turned(2, 0.7, 1.1, 0), iso(3.5, 20)];
    const gamma = 0.3;
    const rows = negativeWeightRows(queries, negatives, ranges, gamma);
    queries.forEach((query, i) => {
      const raw = negatives.map((n) =>
        n ? 1 - Math.exp(-(degradationDistance(query, n, ranges) ** 2) / (2 * gamma * gamma)) : 1,
      );
      const mean = raw.reduce((a, b) => a + b, 0) / raw.length;
      raw.forEach((w, j) => expect(rows[i][j]).toBeCloseTo(w / mean, 5));
      expect(Array.from(negativeWeights(query, negatives, ranges, gamma))).toEqual(
        Array.from(rows[i]),
      );
    });
  });
});

describe('NegativeQueue', () => {
  it('is FIFO and wraps around', () => {
    const queue = new NegativeQueue(5, 2, new Random(1));
    expect(queue.entries.every((e) => e.degradation === null)).toBe(true);
    const batch = (first: number, count: number) => ({
      keys: Float32Array.from({ length: count * 2 }, (_, i) => first + Math.floor(i / 2)),
      entries: Array.from({ length: count }, (_, i) => ({
        degradation: iso(1),
        source: first + i,
        step: first + i,
      })),
    });
    let b = batch(0, 3);
    queue.enqueue(b.keys, b.entries);
    expect(queue.pointer).toBe(3);
    b = batch(3, 3);
    queue.enqueue(b.keys, b.entries);
    // 6 keys into 5 slots: key 5 overwrote key 0 at slot 0
    expect(queue.pointer).toBe(1);
    expect(queue.entries.map((e) => e.source)).toEqual([5, 1, 2, 3, 4]);
    expect(Array.from(queue.keys.subarray(0, 2))).toEqual([5, 5]);
    expect(queue.fillRatio).toBe(1);
  });

  it('starts with random unit keys', () => {
    const queue = new NegativeQueue(4, 8, new Random(2));
    for (let i = 0; i < 4; i++) {
      let norm = 0;
      for (let d = 0; d < 8; d++) norm += queue.keys[i * 8 + d] ** 2;
      expect(norm).toBeCloseTo(1, 5);
    }
  });
});

describe('momentum encoder', () => {
  it('θk ← m θk + (1 − m) θq', async () => {
    const { BlindSrTrainer } = await import('./trainer');
    const { defaultBlindSrConfig } = await import('./config');
    const { makeTextures } = await import('../../data/textures');
    const trainer = new BlindSrTrainer(
      { ...defaultBlindSrConfig, queueSize: 128 },
      makeTextures(1, 96, 2),
    );
    // right after construction the key encoder is a copy
    const copy = trainer.momentumStepForTest(0.9);
    const k0 = copy.key[0].arraySync() as number[][][][];
    const q0 = copy.query[0].arraySync() as number[][][][];
    expect(k0[0][0][0][0]).toBeCloseTo(q0[0][0][0][0], 6);
    // perturb the query weights, then one update with m = 0.75
    copy.query[0].assign(copy.query[0].add(1));
    const before = copy.key[0].arraySync() as number[][][][];
    const { key, query } = trainer.momentumStepForTest(0.75);
    const k = key[0].arraySync() as number[][][][];
    const q = query[0].arraySync() as number[][][][];
    expect(k[1][2][0][3]).toBeCloseTo(0.75 * before[1][2][0][3] + 0.25 * q[1][2][0][3], 5);
    trainer.dispose();
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

describe('degradation distance between kernels (covariance matrices)', () => {
  const aniso = (lambda1: number, lambda2: number, theta: number, noise = 0): Degradation => ({
    kind: 'anisotropic',
    sigma: Math.sqrt(lambda1 * lambda2),
    lambda1,
    lambda2,
    theta,
    noise,
  });
  const anisoRanges: DegradationRanges = { ...ranges, kind: 'anisotropic' };

  it('the same kernel written two ways is distance 0', () => {
    const a = aniso(3, 0.5, 0.4);
    const b = aniso(0.5, 3, 0.4 + Math.PI / 2);
    // both describe the same Σ: the kernels agree pixel for pixel
    const ka = blurKernel(a, 21);
    const kb = blurKernel(b, 21);
    for (let i = 0; i < ka.length; i++) expect(ka[i]).toBeCloseTo(kb[i], 6);
    expect(degradationDistance(a, b, anisoRanges)).toBeCloseTo(0, 9);
    // θ and θ + π are the same kernel too
    expect(
      degradationDistance(aniso(2, 1, 0.3), aniso(2, 1, 0.3 + Math.PI), anisoRanges),
    ).toBeCloseTo(0, 9);
  });

  it('equal λs 90° apart are different kernels unless λ1 = λ2', () => {
    const d = degradationDistance(aniso(3, 0.5, 0), aniso(3, 0.5, Math.PI / 2), anisoRanges);
    // the axes swap: log-Euclidean √2 · log(3/0.5) / log(4/0.2)
    expect(d).toBeCloseTo((Math.SQRT2 * Math.log(6)) / Math.log(20), 9);
    expect(degradationDistance(aniso(2, 2, 0), aniso(2, 2, Math.PI / 2), anisoRanges)).toBeCloseTo(
      0,
      9,
    );
  });

  it('reduces to the isotropic scale for round kernels, and is symmetric', () => {
    const expected = degradationDistance(iso(1), iso(3), ranges);
    expect(degradationDistance(aniso(1, 1, 0.7), aniso(3, 3, 1.9), anisoRanges)).toBeCloseTo(
      expected,
      9,
    );
    expect(degradationDistance(iso(1), aniso(3, 3, 0.2), anisoRanges)).toBeCloseTo(expected, 9);
    const a = aniso(3, 0.5, 0.2, 5);
    const b = aniso(1, 2, 1.1, 15);
    expect(degradationDistance(a, b, anisoRanges)).toBeCloseTo(
      degradationDistance(b, a, anisoRanges),
      12,
    );
    // rotating a long kernel moves it away gradually
    const rotated = [0, 0.2, 0.5, Math.PI / 2].map((t) =>
      degradationDistance(aniso(3, 0.5, 0), aniso(3, 0.5, t), anisoRanges),
    );
    for (let i = 1; i < rotated.length; i++) expect(rotated[i]).toBeGreaterThan(rotated[i - 1]);
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
