import type { Degradation, DegradationRanges } from './degrade';

/** Length of the oracle condition vector. */
export const oracleDim = 4;

/**
 * The *true* degradation as a condition vector, for the oracle upsampler (the upper bound
 * of what knowing the degradation can give): the blur covariance Σ = R diag(λ1², λ2²) Rᵀ
 * scaled by the largest σ² of the range (so an isotropic σ reads σ²/σmax² twice and 0),
 * and the noise level over its range. Equal kernels give equal vectors whatever their
 * parametrisation. → [oracleDim]
 */
export function degradationFeatures(d: Degradation, ranges: DegradationRanges): number[] {
  const cos = Math.cos(d.theta);
  const sin = Math.sin(d.theta);
  const l1 = d.lambda1 ** 2;
  const l2 = d.lambda2 ** 2;
  const scale = ranges.sigmaMax ** 2 || 1;
  return [
    (cos * cos * l1 + sin * sin * l2) / scale,
    (sin * sin * l1 + cos * cos * l2) / scale,
    (cos * sin * (l1 - l2)) / scale,
    ranges.noiseMax > 0 ? d.noise / ranges.noiseMax : 0,
  ];
}
