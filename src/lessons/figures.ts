import { lightbsrFigures } from './lightbsr-figures';
import { moreFigures } from './more-figures';

/**
 * Every number a lesson's text quotes, once: the catalogues fill `{name}` from this table
 * and the claim tests (claims-*.wasm.test.ts) assert the same values on the wasm engine, so
 * no figure is typed twice. Thresholds, not readings: the student's own run fills in the
 * readings (`lesson-observed`).
 */
export const figures = {
  ...moreFigures,
  ...lightbsrFigures,
  /** SimCLR with colour augmentation, N 8 or 16, 300 steps: kNN of h at least this */
  knnLearned300: 0.65,
  /** SimCLR without colour jitter or grayscale, 300 steps: kNN by shape below this */
  knnNoColour300: 0.45,
  /** the training budget of most lesson steps */
  stepsShort: 300,
  /** SimSiam and BYOL dip below the random encoder for a few hundred steps before they rise */
  stepsLong: 800,
  /** Blind-SR stage 1's default budget ("Train stage 1 first"), and |ρ| it reaches at least */
  stage1Budget: 300,
  /** Blind-SR stage 1, 300 steps: |ρ| at least this */
  rhoStage1: 0.8,
  /** a random Blind-SR encoder: |ρ| below this */
  rhoRandom: 0.5,
  /** uniformity of z above this counts as collapsed (0 = every view the same point) */
  collapsedUniformity: -0.1,
} as const;

export type FigureName = keyof typeof figures;

/** The figures as message parameters (`{knnDefault300}` in a lesson text). */
export const figureParams: Record<string, number> = { ...figures };
