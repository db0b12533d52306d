import type { Degradation, DegradationRanges } from './degrade';

/** Length of the oracle condition vector. */
export const oracleDim = 4;

/**
 * The *true* degradation as a condition vector, for the oracle upsampler (a reference, not an upper bound: it still has to learn what σ and the noise level mean, and at 100 and 300 steps the learned condition beat it
 * of what knowing the degradation can give), each entry about [−1, 1]:
 *  - the blur amount σ (for anisotropic kernels √(λ1·λ2)), linear over the range;
 *  - the elongation (λ1 − λ2) along the doubled angle, cos 2θ and sin 2θ — so that one
 *    kernel written as (λ1, λ2, θ) or (λ2, λ1, θ + π/2) gives the same vector; 0 when
 *    isotropic;
 *  - the noise level over its range.
 * → [oracleDim]
 */
export function degradationFeatures(d: Degradation, ranges: DegradationRanges): number[] {
  const span = ranges.sigmaMax - ranges.sigmaMin || 1;
  const elongation = (d.lambda1 - d.lambda2) / span;
  return [
    (2 * (d.sigma - ranges.sigmaMin)) / span - 1,
    elongation * Math.cos(2 * d.theta),
    elongation * Math.sin(2 * d.theta),
    ranges.noiseMax > 0 ? (2 * d.noise) / ranges.noiseMax - 1 : 0,
  ];
}
