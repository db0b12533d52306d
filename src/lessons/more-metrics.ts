import {
  knnChanceOf,
  knnOfPixels,
  knnOfZ,
  ownKeysOf,
  sameClassNegativesOf,
  sameClassShareOf,
} from './more-judges';
import type { LessonReadout } from './readout';

const orNull = (value: number) => (Number.isFinite(value) ? value : null);

/** The quantities the lessons of lessons-more.ts observe (spread into `metrics`, metrics.ts). */
export const moreMetrics = {
  /** kNN of the projection z, beside kNN of h */
  knnZ: { digits: 2, read: (r: LessonReadout) => orNull(knnOfZ(r)) },
  /** kNN of the raw pixels: no network at all */
  pixelKnn: { digits: 2, read: (r: LessonReadout) => orNull(knnOfPixels(r)) },
  /** kNN's chance: 1 / kinds of shape */
  knnChance: { digits: 2, read: (r: LessonReadout) => orNull(knnChanceOf(r)) },
  sameClassNegatives: { digits: 1, read: (r: LessonReadout) => orNull(sameClassNegativesOf(r)) },
  sameClassShare: { digits: 2, read: (r: LessonReadout) => orNull(sameClassShareOf(r)) },
  /** MoCo: older keys of the anchor's own image among its negatives */
  ownKeys: { digits: 1, read: (r: LessonReadout) => orNull(ownKeysOf(r)) },
} satisfies Record<string, { digits: number; read: (r: LessonReadout) => number | null }>;
