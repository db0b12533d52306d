import type { ProjectorNorm } from '../nn/models';
import type { SimclrMethod } from './config';

/**
 * BN in the projector, per method (issue #16, measured with bench/reference/simclr_mirror.py
 * on the shapes; without any, SimSiam and BYOL end below the random encoder's kNN):
 * - SimSiam: after the hidden layer (BYOL §3.3's projector). SimSiam's own code also
 *   normalises z, but here that BN keeps the batch spread even without stop-gradient
 *   (uniformity −1.1 after 200 steps): the collapse the lab demonstrates would not show.
 *   Without it: collapse in 50 steps (uniformity −0.07); with stop-gradient, kNN 0.48 →
 *   0.66 and 0.45 → 0.54 in 600 steps (seeds 1, 2; N 32).
 * - BYOL: after both layers (the output one without γ, β): at N 32 it learns in a few
 *   hundred steps (seed 2, 600 steps: kNN 0.45 → 0.58; → 0.40 with the hidden BN only).
 */
export const projectorNormOf: Record<SimclrMethod, ProjectorNorm> = {
  simclr: 'none',
  moco: 'none',
  simsiam: 'hidden',
  byol: 'all',
};
