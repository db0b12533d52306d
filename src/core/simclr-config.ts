import type { AugmentConfig } from './augment';

/**
 * The contrastive family over the same data, augmentations and encoder:
 * SimCLR (Chen et al. 2020) — NT-Xent, the 2N − 2 batch negatives;
 * MoCo v2 (Chen et al. 2020b) — momentum key encoder, a queue of K negatives, InfoNCE;
 * SimSiam (Chen & He 2021) — predictor + stop-gradient, no negatives;
 * BYOL (Grill et al. 2020) — predictor + momentum target, no negatives.
 */
export const simclrMethods = ['simclr', 'moco', 'simsiam', 'byol'] as const;
export type SimclrMethod = (typeof simclrMethods)[number];

export interface SimclrConfig {
  seed: number;
  /** N images per batch → 2N views, 2N − 2 negatives per anchor */
  batchSize: number;
  /** side of each view fed to the encoder */
  imageSize: number;
  temperature: number;
  learningRate: number;
  /** positive term only: no negatives in the denominator */
  noNegatives: boolean;
  augment: AugmentConfig;
  channels: number[];
  strides: number[];
  hiddenDim: number;
  projectionDim: number;
  method: SimclrMethod;
  /** MoCo: K keys in the queue of negatives */
  queueSize: number;
  /** MoCo / BYOL: θ_k ← m θ_k + (1 − m) θ_q */
  momentum: number;
  /** SimSiam: D(p, stopgrad(z)); off, the representation collapses */
  stopGradient: boolean;
  /** SimSiam / BYOL: hidden width of the predictor MLP (a bottleneck, SimSiam §4.4) */
  predictorHiddenDim: number;
}

/**
 * Defaults chosen to *show* the method within a minute on a CPU (issue #11, measured with
 * the PyTorch twin bench/reference/simclr_mirror.py over 3 seeds): 16² views (the receptive
 * field covers the shape; a step is ~4× cheaper than 32²), N 16, τ 0.2, crops of at least
 * 75 % of the image: top-1 0.60 / kNN 0.61 at 200 steps, 0.80 / 0.79 at 1,000. The earlier
 * 32², N 32, τ 0.5, crop ≥ 35 % reached kNN 0.40 and top-1 0.33 in 600 steps.
 */
export const defaultSimclrConfig: SimclrConfig = {
  seed: 1,
  batchSize: 16,
  imageSize: 16,
  temperature: 0.2,
  learningRate: 0.003,
  noNegatives: false,
  augment: {
    crop: true,
    cropMinArea: 0.75,
    flip: true,
    colorJitter: true,
    colorStrength: 0.5,
    grayscale: true,
    blur: false,
  },
  channels: [16, 32, 64, 64],
  strides: [1, 2, 2, 2],
  hiddenDim: 64,
  projectionDim: 32,
  method: 'simclr',
  queueSize: 256,
  momentum: 0.99,
  stopGradient: true,
  predictorHiddenDim: 64,
};

/**
 * Each method's recommended settings, applied on top of the lab's when the method is
 * switched (issue #16, measured with bench/reference/simclr_mirror.py). SimSiam and BYOL
 * need N 32: their BN-normalised projector and predictor see 64 rows; at N 16 SimSiam
 * learned on one seed of two in 600 steps, at N 32 on both (kNN 0.48 → 0.66, 0.45 → 0.54).
 * BYOL's target moves faster for a short run: m 0.9 reached kNN 0.58 vs 0.54 at m 0.99
 * (seed 2, 600 steps).
 */
export const methodDefaults: Record<SimclrMethod, Partial<SimclrConfig>> = {
  simclr: {},
  moco: {},
  simsiam: { batchSize: 32 },
  byol: { batchSize: 32, momentum: 0.9 },
};

/**
 * The settings switching from `current.method` to `method` changes: each setting some
 * method recommends moves to the new method's value (or the lab's default), unless the
 * user had changed it from what the current method recommends.
 */
export function recommendedSettings(
  current: SimclrConfig,
  method: SimclrMethod,
): Partial<SimclrConfig> {
  const recommended = (m: SimclrMethod, key: keyof SimclrConfig) =>
    methodDefaults[m][key] ?? defaultSimclrConfig[key];
  const touched = new Set(
    Object.values(methodDefaults).flatMap((d) => Object.keys(d) as (keyof SimclrConfig)[]),
  );
  const settings: Partial<Record<keyof SimclrConfig, unknown>> = {};
  for (const key of touched)
    if (current[key] === recommended(current.method, key)) settings[key] = recommended(method, key);
  return settings as Partial<SimclrConfig>;
}

/**
 * Every SimCLR setting range-checked. A hostile or stale link, a slider bug or a message
 * from anywhere goes through here, in the page and again in the worker.
 */
export const simclrLimits = {
  batchSize: { min: 2, max: 128 },
  imageSize: { values: [16, 24, 32, 48, 64] },
  temperature: { min: 0.01, max: 2 },
  learningRate: { min: 1e-5, max: 0.1 },
  colorStrength: { min: 0, max: 1.5 },
  cropMinArea: { min: 0.05, max: 1 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  queueSizes: [32, 64, 128, 256, 512, 1024, 2048],
  momentum: { min: 0, max: 0.9999 },
} as const;

export function clampNumber(value: unknown, min: number, max: number, fallback: number): number {
  const v =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  if (!Number.isFinite(v)) return fallback;
  return Math.min(max, Math.max(min, v));
}

function clampInteger(value: unknown, min: number, max: number, fallback: number): number {
  return Math.round(clampNumber(value, min, max, fallback));
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

export function sanitizeAugment(
  input: Partial<AugmentConfig> | undefined,
  fallback: AugmentConfig,
): AugmentConfig {
  const a = input ?? {};
  return {
    crop: bool(a.crop, fallback.crop),
    cropMinArea: clampNumber(
      a.cropMinArea,
      simclrLimits.cropMinArea.min,
      simclrLimits.cropMinArea.max,
      fallback.cropMinArea,
    ),
    flip: bool(a.flip, fallback.flip),
    colorJitter: bool(a.colorJitter, fallback.colorJitter),
    colorStrength: clampNumber(
      a.colorStrength,
      simclrLimits.colorStrength.min,
      simclrLimits.colorStrength.max,
      fallback.colorStrength,
    ),
    grayscale: bool(a.grayscale, fallback.grayscale),
    blur: bool(a.blur, fallback.blur),
  };
}

/** Architecture fields are not user-editable here: they keep the defaults. */
export function sanitizeSimclrConfig(input: Partial<SimclrConfig> | undefined): SimclrConfig {
  const c = input ?? {};
  const d = defaultSimclrConfig;
  const size = Number(c.imageSize);
  return {
    ...d,
    seed: clampInteger(c.seed, simclrLimits.seed.min, simclrLimits.seed.max, d.seed),
    batchSize: clampInteger(
      c.batchSize,
      simclrLimits.batchSize.min,
      simclrLimits.batchSize.max,
      d.batchSize,
    ),
    imageSize: (simclrLimits.imageSize.values as readonly number[]).includes(size)
      ? size
      : d.imageSize,
    temperature: clampNumber(
      c.temperature,
      simclrLimits.temperature.min,
      simclrLimits.temperature.max,
      d.temperature,
    ),
    learningRate: clampNumber(
      c.learningRate,
      simclrLimits.learningRate.min,
      simclrLimits.learningRate.max,
      d.learningRate,
    ),
    noNegatives: bool(c.noNegatives, d.noNegatives),
    augment: sanitizeAugment(c.augment, d.augment),
    method: (simclrMethods as readonly unknown[]).includes(c.method)
      ? (c.method as SimclrMethod)
      : d.method,
    queueSize: (simclrLimits.queueSizes as readonly number[]).includes(Number(c.queueSize))
      ? Number(c.queueSize)
      : d.queueSize,
    momentum: clampNumber(
      c.momentum,
      simclrLimits.momentum.min,
      simclrLimits.momentum.max,
      d.momentum,
    ),
    stopGradient: bool(c.stopGradient, d.stopGradient),
  };
}
