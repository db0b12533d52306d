/**
 * Blind-SR lab settings (browser-sized). Pure: shared by page and worker. Each field's
 * range, default, link key and rebuild rule is its entry in `blindsrSettings` (config.ts).
 */
export interface BlindSrConfig {
  seed: number;
  /**
   * 'dasr': one degradation encoder learns by contrast, then the SR network on top (the
   * DASR way); 'lightbsr': a teacher that also sees the blur kernel's PCA code, a light
   * student distilled from it, then SR on the student (LightBSR, Yuan et al., ICCV 2025).
   */
  pipeline: 'dasr' | 'lightbsr';
  /**
   * dasr — 1: degradation contrast; 2: the SR network on the frozen encoder.
   * lightbsr — 1: teacher contrast; 2: student distillation; 3: SR on the student.
   */
  stage: 1 | 2 | 3;
  scale: 2 | 4;
  blurKind: 'isotropic' | 'anisotropic';
  sigmaMin: number;
  sigmaMax: number;
  /** noise level drawn from U[0, noiseMax], 0–255 units */
  noiseMax: number;
  /** HR crops per contrastive step; two LR patches each */
  batchSize: number;
  queueSize: number;
  momentum: number;
  temperature: number;
  /** this playground's degradation-prior weighting of negatives (not in released LightBSR code) */
  weighting: boolean;
  /**
   * Where a query's positive comes from: 'image' — another quadrant of the same LR image
   * (DASR, LightBSR); 'degradation' — a quadrant of a *different* image degraded the same
   * way, so that nothing but the degradation is shared (learns to order blur in far fewer
   * steps: texture identity is no longer a shortcut).
   */
  pairing: 'image' | 'degradation';
  /** γ of w = 1 − exp(−d² / 2γ²) */
  weightWidth: number;
  /** stage 1 (and the encoder when fine-tuned jointly) */
  learningRate: number;
  /** stage 2: the upsamplers */
  srLearningRate: number;
  /**
   * Stage 2 trains the upsamplers on a frozen encoder (false, default), or jointly: each
   * step also takes a contrastive step and lets L1 reach the encoder (the seed's "whole
   * model optimised further").
   */
  finetune: boolean;
}

/** The last stage of a pipeline: SR is stage 2 of DASR, stage 3 of LightBSR. */
export const lastStage = (pipeline: BlindSrConfig['pipeline']): 2 | 3 =>
  pipeline === 'lightbsr' ? 3 : 2;
