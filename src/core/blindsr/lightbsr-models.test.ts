import { describe, expect, it } from 'vitest';
import { sigmaShare } from './lightbsr-models';

describe('η², the share of h’s variance between blur levels', () => {
  it('is 1 when h depends on σ alone, 0 when it ignores σ, and the ANOVA ratio between', () => {
    const sigma = Float32Array.from([1, 1, 2, 2]);
    expect(sigmaShare(Float32Array.from([0, 0, 4, 4]), sigma, 1)).toBeCloseTo(1, 6);
    expect(sigmaShare(Float32Array.from([0, 4, 0, 4]), sigma, 1)).toBeCloseTo(0, 6);
    // levels' means 1 and 3 around 2: between 4·1 = 4; total 4 + 4·1 (±1 within) = 8
    expect(sigmaShare(Float32Array.from([0, 2, 2, 4]), sigma, 1)).toBeCloseTo(0.5, 6);
  });
});
