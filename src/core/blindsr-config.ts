import { clampNumber } from './simclr-config';

/** Blind-SR lab settings (browser-sized). Pure: shared by page and worker. */
export interface BlindSrConfig {
  seed: number;
  /** 1: degradation contrast only; 2: the SR network on top of the frozen encoder */
  stage: 1 | 2;
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

export const defaultBlindSrConfig: BlindSrConfig = {
  seed: 1,
  stage: 1,
  scale: 2,
  blurKind: 'isotropic',
  sigmaMin: 0.2,
  sigmaMax: 4,
  noiseMax: 0,
  batchSize: 16,
  queueSize: 512,
  momentum: 0.99,
  temperature: 0.07,
  weighting: true,
  pairing: 'degradation',
  weightWidth: 0.3,
  learningRate: 0.001,
  srLearningRate: 0.002,
  finetune: false,
};

export const blindSrLimits = {
  sigma: { min: 0.2, max: 4 },
  noiseMax: { min: 0, max: 25 },
  batchSize: { min: 2, max: 64 },
  queueSizes: [128, 256, 512, 1024, 2048, 4096],
  momentum: { min: 0.5, max: 0.9999 },
  temperature: { min: 0.01, max: 1 },
  weightWidth: { min: 0.05, max: 2 },
  learningRate: { min: 1e-5, max: 0.05 },
} as const;

export function sanitizeBlindSrConfig(input: Partial<BlindSrConfig> | undefined): BlindSrConfig {
  const c = input ?? {};
  const d = defaultBlindSrConfig;
  const l = blindSrLimits;
  const sigmaMin = clampNumber(c.sigmaMin, l.sigma.min, l.sigma.max, d.sigmaMin);
  const sigmaMax = clampNumber(c.sigmaMax, l.sigma.min, l.sigma.max, d.sigmaMax);
  return {
    seed: Math.round(clampNumber(c.seed, 0, 2 ** 31 - 1, d.seed)),
    stage: c.stage === 2 ? 2 : 1,
    scale: c.scale === 4 ? 4 : 2,
    blurKind: c.blurKind === 'anisotropic' ? 'anisotropic' : 'isotropic',
    sigmaMin: Math.min(sigmaMin, sigmaMax),
    sigmaMax: Math.max(sigmaMin, sigmaMax, Math.min(sigmaMin, sigmaMax) + 0.1),
    noiseMax: clampNumber(c.noiseMax, l.noiseMax.min, l.noiseMax.max, d.noiseMax),
    batchSize: Math.round(clampNumber(c.batchSize, l.batchSize.min, l.batchSize.max, d.batchSize)),
    queueSize: (l.queueSizes as readonly number[]).includes(Number(c.queueSize))
      ? Number(c.queueSize)
      : d.queueSize,
    momentum: clampNumber(c.momentum, l.momentum.min, l.momentum.max, d.momentum),
    temperature: clampNumber(c.temperature, l.temperature.min, l.temperature.max, d.temperature),
    weighting: typeof c.weighting === 'boolean' ? c.weighting : d.weighting,
    pairing:
      c.pairing === 'image' ? 'image' : c.pairing === 'degradation' ? 'degradation' : d.pairing,
    weightWidth: clampNumber(c.weightWidth, l.weightWidth.min, l.weightWidth.max, d.weightWidth),
    learningRate: clampNumber(
      c.learningRate,
      l.learningRate.min,
      l.learningRate.max,
      d.learningRate,
    ),
    srLearningRate: clampNumber(
      c.srLearningRate,
      l.learningRate.min,
      l.learningRate.max,
      d.srLearningRate,
    ),
    finetune: typeof c.finetune === 'boolean' ? c.finetune : d.finetune,
  };
}

/**
 * LR images are 48², cut into four 24² quadrants (the encoder is sized for 24²
 * patches). The two patches of an image are two *different* quadrants: overlapping
 * patches would share content, and matching content would solve the task without
 * looking at the degradation at all.
 */
export const lowSize = 48;
export const patchSize = 24;
/**
 * Blur kernel side: 21 × 21 at both scales, as DASR (kernel_size 21). A 13 × 13 kernel
 * truncates a σ = 4 Gaussian at ±1.5σ (σ 3 acted like 2.73 after renormalising).
 */
export const blurKernelSize = 21;
/** the same at ×2 and ×4 (kept as a function of the scale for callers) */
export const kernelSizeFor = (_scale: number): number => blurKernelSize;

/** HR crops per stage-2 step, and held-out crops for PSNR. */
export const srBatch = 8;
