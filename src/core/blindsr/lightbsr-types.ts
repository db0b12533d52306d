import type { BlindSrEvaluation, BlindSrSample } from './types';

/** 1 teacher contrast, 2 student distillation (and the control's contrast), 3 SR on the student */
export type LightBsrStage = 1 | 2 | 3;

export interface DistillationValues {
  kl: number;
  l1: number;
  mse: number;
}

export interface LightBsrModelReadout {
  params: number;
  /** mean wall time of this model's training steps so far */
  msPerStep: number;
}

/** One model's embedding of the blur grid. */
export interface EmbeddingReadout {
  /** PCA of h [M, 2] */
  points: Float32Array;
  /** |Spearman(σ, PC1)|: is blur ordered along h's main axis */
  rho: number;
  /** η²: the share of h's variance between blur levels (1: h depends on σ alone) */
  sigmaShare: number;
}

/** One refresh of the panels: the three embeddings of the blur grid, and SR in stage 3. */
export interface LightBsrEvaluation {
  step: number;
  sigma: Float32Array;
  teacher: EmbeddingReadout;
  student: EmbeddingReadout;
  contrastStudent: EmbeddingReadout;
  /** stage 3: the distilled student's upsamplers (learned = student) and the control's */
  sr: { student: BlindSrEvaluation['sr']; contrastStudent: BlindSrEvaluation['sr'] } | null;
}

/** What the worker sends the page every evaluation of the LightBSR pipeline. */
export interface LightBsrReport {
  evaluation: LightBsrEvaluation;
  stage: LightBsrStage;
  readouts: { teacher: LightBsrModelReadout; student: LightBsrModelReadout };
  /** the last distillation step's terms (null before stage 2) */
  distillation: DistillationValues | null;
  distillSteps: number;
}

/**
 * Stage mode of the LightBSR pipeline: what the current stage trains on.
 * 1: LR patches and the prior map the teacher sees beside them (its P codes per sample);
 * 2: LR patches and the frozen teacher's h, the student's target;
 * 3: the stage-2 SR batch (LR → HR) on the distilled student.
 */
export interface LightBsrStageBatch {
  step: number;
  stage: LightBsrStage;
  samples: BlindSrSample[];
  /** stage 1: the prior code of each sample [shown, P]; stage 2: the teacher's h [shown, D] */
  side: Float32Array | null;
  sideDim: number;
}
