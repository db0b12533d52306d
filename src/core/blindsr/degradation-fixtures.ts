import type { Degradation, DegradationRanges } from './degrade';

/** Test fixtures: an isotropic degradation, and the default isotropic ranges. */
export const iso = (sigma: number, noise = 0): Degradation => ({
  kind: 'isotropic',
  sigma,
  lambda1: sigma,
  lambda2: sigma,
  theta: 0,
  noise,
});

export const ranges: DegradationRanges = {
  kind: 'isotropic',
  sigmaMin: 0.2,
  sigmaMax: 4,
  noiseMax: 25,
};
