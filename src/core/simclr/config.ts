import type { AugmentConfig } from './augment';
import {
  defaultsOf,
  sanitizeWith,
  seedSetting,
  type LabSchema,
  type LiveKeys,
  type Setting,
} from '../settings';

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
  /** SimSiam / BYOL: the method's batch norm in the projector (family.ts); off, none (a lesson) */
  projectorBatchNorm: boolean;
}

const usesTemperature = (c: SimclrConfig) => c.method === 'simclr' || c.method === 'moco';

/**
 * Every SimCLR setting, once: the controls show them in this order. The defaults *show*
 * the method within a minute on a CPU: 16² views (the receptive field covers the shape,
 * and a step is ~4× cheaper than at 32²), N 16, τ 0.2, crops of at least 75 % of the image
 * (chosen with the PyTorch twin bench/reference/simclr_mirror.py; the curves:
 * docs/RESULTS.md).
 */
export const simclrSettings = [
  {
    path: 'method',
    url: 'method',
    kind: 'choice',
    options: simclrMethods,
    default: 'simclr',
    apply: 'rebuild',
    label: 'controls.method',
    testId: 'method',
    optionLabels: 'method',
  },
  {
    path: 'queueSize',
    url: 'k',
    kind: 'choice',
    options: [32, 64, 128, 256, 512, 1024, 2048],
    default: 256,
    apply: 'rebuild',
    label: 'controls.queueSize',
    testId: 'queue-size',
    optionPrefix: '',
    shownWhen: (c: SimclrConfig) => c.method === 'moco',
  },
  {
    path: 'momentum',
    url: 'm',
    kind: 'number',
    min: 0,
    max: 0.999,
    step: 0.001,
    format: 'fixed3',
    default: 0.99,
    apply: 'live',
    label: 'controls.momentum',
    testId: 'momentum',
    shownWhen: (c: SimclrConfig) => c.method === 'moco' || c.method === 'byol',
  },
  {
    path: 'stopGradient',
    url: 'sg',
    kind: 'flag',
    default: true,
    apply: 'live',
    label: 'controls.stopGradient',
    testId: 'stop-gradient',
    shownWhen: (c: SimclrConfig) => c.method === 'simsiam',
  },
  {
    path: 'temperature',
    url: 'tau',
    kind: 'number',
    min: 0.01,
    max: 2,
    scale: 'log',
    keyFactor: 1.1,
    format: 'precision2',
    default: 0.2,
    apply: 'live',
    group: 'temperature',
    label: 'controls.temperature',
    testId: 'temperature',
    // τ scales InfoNCE's logits; SimSiam and BYOL compare p and z by cosine alone
    shownWhen: usesTemperature,
  },
  {
    path: 'batchSize',
    url: 'n',
    kind: 'number',
    min: 2,
    max: 128,
    integer: true,
    default: 16,
    apply: 'rebuild',
    group: 'batch',
    label: 'controls.batchSize',
    testId: 'batch-size',
  },
  {
    path: 'imageSize',
    url: 'size',
    kind: 'choice',
    options: [16, 24, 32, 48, 64],
    default: 16,
    apply: 'rebuild',
    label: 'controls.imageSize',
    hiddenControl: true,
  },
  {
    path: 'projectorBatchNorm',
    url: 'pbn',
    kind: 'flag',
    default: true,
    apply: 'rebuild',
    label: 'controls.projectorBatchNorm',
    hiddenControl: true,
  },
  {
    path: 'noNegatives',
    url: 'noneg',
    kind: 'flag',
    default: false,
    apply: 'live',
    group: 'negatives',
    label: 'controls.noNegatives',
    testId: 'no-negatives',
    shownWhen: (c: SimclrConfig) => c.method === 'simclr',
  },
  {
    path: 'learningRate',
    url: 'lr',
    kind: 'number',
    min: 1e-5,
    max: 0.1,
    scale: 'log',
    format: 'exponent',
    default: 0.003,
    apply: 'live',
    group: 'learningRate',
    label: 'controls.learningRate',
    testId: 'learning-rate',
  },
  { ...seedSetting, url: 'seed', testId: 'seed' },
  ...augmentSettings(),
] as const satisfies readonly Setting<SimclrConfig>[];

function augmentSettings() {
  const common = { apply: 'live', group: 'augment' } as const;
  return [
    {
      ...common,
      path: 'augment.crop',
      url: 'crop',
      kind: 'flag',
      default: true,
      label: 'controls.crop',
      testId: 'aug-crop',
      section: 'controls.augmentations',
    },
    {
      ...common,
      path: 'augment.cropMinArea',
      url: 'area',
      kind: 'number',
      min: 0.05,
      max: 1,
      step: 0.01,
      format: 'percent',
      default: 0.75,
      label: 'controls.cropMinArea',
      shownWhen: (c: SimclrConfig) => c.augment.crop,
    },
    {
      ...common,
      path: 'augment.flip',
      url: 'flip',
      kind: 'flag',
      default: true,
      label: 'controls.flip',
      testId: 'aug-flip',
    },
    {
      ...common,
      path: 'augment.colorJitter',
      url: 'jitter',
      kind: 'flag',
      default: true,
      label: 'controls.colorJitter',
      testId: 'aug-jitter',
    },
    {
      ...common,
      path: 'augment.colorStrength',
      url: 's',
      kind: 'number',
      min: 0,
      max: 1.5,
      step: 0.05,
      format: 'fixed2',
      default: 0.5,
      label: 'controls.colorStrength',
      shownWhen: (c: SimclrConfig) => c.augment.colorJitter,
    },
    {
      ...common,
      path: 'augment.grayscale',
      url: 'gray',
      kind: 'flag',
      default: true,
      label: 'controls.grayscale',
      testId: 'aug-gray',
    },
    {
      ...common,
      path: 'augment.blur',
      url: 'blur',
      kind: 'flag',
      default: false,
      label: 'controls.blur',
      testId: 'aug-blur',
    },
  ] as const satisfies readonly Setting<SimclrConfig>[];
}

export const simclrSchema: LabSchema<SimclrConfig> = {
  settings: simclrSettings,
  // the architecture is not user-editable here
  fixed: {
    channels: [16, 32, 64, 64],
    strides: [1, 2, 2, 2],
    hiddenDim: 64,
    projectionDim: 32,
    predictorHiddenDim: 64,
  },
};

export const defaultSimclrConfig: SimclrConfig = defaultsOf(simclrSchema);

/** What an 'update' message may change on the running model. */
export type LiveSimclrChange = Partial<Pick<SimclrConfig, LiveKeys<typeof simclrSettings>>>;

export function sanitizeSimclrConfig(input: unknown, fallback?: SimclrConfig): SimclrConfig {
  return sanitizeWith(simclrSchema, input, fallback);
}
