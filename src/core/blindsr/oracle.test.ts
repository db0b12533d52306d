import { describe, expect, it } from 'vitest';
import { degradationFeatures } from './oracle';

const ranges = { kind: 'anisotropic' as const, sigmaMin: 0.2, sigmaMax: 4, noiseMax: 10 };

describe('degradationFeatures (the oracle condition)', () => {
  it('maps σ linearly onto [−1, 1] and is 0 in the anisotropy entries for isotropic kernels', () => {
    const iso = (sigma: number) => ({
      kind: 'isotropic' as const,
      sigma,
      lambda1: sigma,
      lambda2: sigma,
      theta: 0,
      noise: 5,
    });
    expect(degradationFeatures(iso(0.2), ranges)[0]).toBeCloseTo(-1, 6);
    expect(degradationFeatures(iso(4), ranges)[0]).toBeCloseTo(1, 6);
    expect(degradationFeatures(iso(2.1), ranges)).toEqual([
      expect.closeTo(0, 6),
      0,
      0,
      expect.closeTo(0, 6),
    ]);
  });

  it('gives one kernel the same vector whatever its parametrisation', () => {
    const a = {
      kind: 'anisotropic' as const,
      sigma: Math.sqrt(1.5),
      lambda1: 3,
      lambda2: 0.5,
      theta: 0.3,
      noise: 0,
    };
    const b = { ...a, lambda1: 0.5, lambda2: 3, theta: 0.3 + Math.PI / 2 };
    const fa = degradationFeatures(a, ranges);
    const fb = degradationFeatures(b, ranges);
    fa.forEach((value, i) => expect(fb[i]).toBeCloseTo(value, 6));
    // and a different orientation gives a different vector
    const c = degradationFeatures({ ...a, theta: 1.2 }, ranges);
    expect(Math.hypot(c[1] - fa[1], c[2] - fa[2])).toBeGreaterThan(0.3);
  });
});
