import { describe, expect, it } from 'vitest';
import type { Degradation, DegradationRanges } from './degrade';
import { blurKernel } from './degrade';
import { iso, ranges } from './degradation-fixtures';
import { degradationDistance, negativeWeightRows, negativeWeights } from './degradation-prior';

describe('negative weights', () => {
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

  it('follows a change of the ranges for the same queue entries (their points are kept per range)', () => {
    const negatives = [iso(0.5, 2), iso(1.5), null, iso(3, 20)];
    const query = iso(1, 5);
    const narrow = { ...ranges, sigmaMax: 2, noiseMax: 10 };
    const before = negativeWeights(query, negatives, ranges, 0.3);
    const after = negativeWeights(query, negatives, narrow, 0.3);
    // the same entries as new objects: nothing kept for them
    const fresh = negativeWeights(
      query,
      negatives.map((n) => n && { ...n }),
      narrow,
      0.3,
    );
    expect(Array.from(after)).toEqual(Array.from(fresh));
    expect(Array.from(after)).not.toEqual(Array.from(before));
    expect(Array.from(negativeWeights(query, negatives, ranges, 0.3))).toEqual(Array.from(before));
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
