import {
  defaultsOf,
  sanitizeWith,
  seedSetting,
  type LabSchema,
  type LiveKeys,
  type Setting,
} from '../settings';
import { lastStage, type BlindSrConfig } from './config-type';

export * from './config-type';
export * from './sizes';

const stage2 = (c: BlindSrConfig) => c.stage === 2 && c.pipeline === 'dasr';

/** Every Blind-SR setting, once (see ../settings.ts); the controls show them in this order. */
export const blindsrSettings = [
  {
    path: 'pipeline',
    url: 'pipeline',
    kind: 'choice',
    options: ['dasr', 'lightbsr'],
    default: 'dasr',
    apply: 'rebuild',
    label: 'bsr.pipeline',
    testId: 'pipeline',
    optionLabels: 'bsr.pipeline',
  },
  {
    path: 'stage',
    url: 'bstage',
    kind: 'choice',
    options: [1, 2, 3],
    default: 1,
    apply: 'live',
    label: 'bsr.stage',
    testId: 'training-stage',
    optionLabels: 'bsr.stage',
    optionsWhen: (c: BlindSrConfig) => (c.pipeline === 'lightbsr' ? [1, 2, 3] : [1, 2]),
    optionLabelsWhen: (c: BlindSrConfig) =>
      c.pipeline === 'lightbsr' ? 'bsr.lightbsrStage' : 'bsr.stage',
  },
  {
    path: 'scale',
    url: 'bscale',
    kind: 'choice',
    options: [2, 4],
    default: 2,
    apply: 'rebuild',
    label: 'bsr.scale',
    testId: 'scale',
    optionPrefix: '×',
  },
  {
    path: 'blurKind',
    url: 'bblur',
    kind: 'choice',
    options: ['isotropic', 'anisotropic'],
    default: 'isotropic',
    apply: 'live',
    label: 'bsr.blurKind',
    testId: 'blur-kind',
    optionLabels: 'bsr.blurKind',
  },
  {
    path: 'sigmaMin',
    url: 'bsmin',
    kind: 'number',
    min: 0.2,
    max: 4,
    step: 0.1,
    format: 'fixed1',
    default: 0.2,
    apply: 'live',
    label: 'bsr.sigmaMin',
    testId: 'sigma-min',
    bounds: (c: BlindSrConfig) => ({ min: 0.2, max: c.sigmaMax }),
  },
  {
    path: 'sigmaMax',
    url: 'bsmax',
    kind: 'number',
    min: 0.2,
    max: 4,
    step: 0.1,
    format: 'fixed1',
    default: 4,
    apply: 'live',
    label: 'bsr.sigmaMax',
    testId: 'sigma-max',
    bounds: (c: BlindSrConfig) => ({ min: c.sigmaMin, max: 4 }),
  },
  {
    path: 'noiseMax',
    url: 'bnoise',
    kind: 'number',
    min: 0,
    max: 25,
    step: 1,
    default: 0,
    apply: 'live',
    label: 'bsr.noiseMax',
    testId: 'noise-max',
  },
  {
    path: 'queueSize',
    url: 'bq',
    kind: 'choice',
    options: [128, 256, 512, 1024, 2048, 4096],
    default: 512,
    apply: 'rebuild',
    group: 'batch',
    label: 'bsr.queueSize',
    testId: 'queue-size',
    optionPrefix: '',
  },
  {
    path: 'momentum',
    url: 'bm',
    kind: 'number',
    min: 0.5,
    max: 0.999,
    step: 0.001,
    format: 'fixed3',
    default: 0.99,
    apply: 'live',
    label: 'bsr.momentum',
    testId: 'momentum',
  },
  {
    path: 'temperature',
    url: 'btau',
    kind: 'number',
    min: 0.01,
    max: 1,
    scale: 'log',
    keyFactor: 1.1,
    format: 'precision2',
    default: 0.07,
    apply: 'live',
    group: 'temperature',
    label: 'bsr.temperature',
    testId: 'bsr-temperature',
  },
  {
    path: 'finetune',
    url: 'bft',
    kind: 'flag',
    default: false,
    apply: 'live',
    label: 'bsr.finetune',
    testId: 'finetune',
    shownWhen: stage2,
  },
  {
    path: 'weighting',
    url: 'bw',
    kind: 'flag',
    default: true,
    apply: 'live',
    label: 'bsr.weighting',
    testId: 'negative-weighting',
  },
  {
    path: 'pairing',
    url: 'bpair',
    kind: 'choice',
    options: ['degradation', 'image'],
    default: 'degradation',
    apply: 'live',
    label: 'bsr.pairing',
    testId: 'pairing',
    optionLabels: 'bsr.pairing',
  },
  {
    path: 'weightWidth',
    url: 'bww',
    kind: 'number',
    min: 0.05,
    max: 2,
    default: 0.3,
    apply: 'live',
    label: 'bsr.weightWidth',
    hiddenControl: true,
  },
  {
    path: 'learningRate',
    url: 'blr',
    kind: 'number',
    min: 1e-5,
    max: 0.05,
    scale: 'log',
    format: 'exponent',
    default: 0.001,
    apply: 'live',
    group: 'learningRate',
    label: 'bsr.learningRate',
    testId: 'bsr-learning-rate',
  },
  {
    path: 'srLearningRate',
    url: 'bsrlr',
    kind: 'number',
    min: 1e-5,
    max: 0.05,
    scale: 'log',
    format: 'exponent',
    default: 0.002,
    apply: 'live',
    group: 'learningRate',
    label: 'bsr.srLearningRate',
    testId: 'bsr-sr-learning-rate',
    shownWhen: stage2,
  },
  {
    path: 'batchSize',
    url: 'bn',
    kind: 'number',
    min: 2,
    max: 64,
    integer: true,
    default: 16,
    apply: 'rebuild',
    label: 'bsr.batchSize',
    hiddenControl: true,
  },
  { ...seedSetting, url: 'bseed', testId: 'bsr-seed' },
] as const satisfies readonly Setting<BlindSrConfig>[];

export const blindsrSchema: LabSchema<BlindSrConfig> = {
  settings: blindsrSettings,
  fixed: {},
  // σ min ≤ σ max, at least 0.1 apart, both inside [0.2, 4]
  normalise: (c) => {
    const high = Math.min(
      4,
      Math.max(c.sigmaMin, c.sigmaMax, Math.min(c.sigmaMin, c.sigmaMax) + 0.1),
    );
    const low = Math.min(c.sigmaMin, c.sigmaMax, Number((high - 0.1).toFixed(2)));
    // DASR has two stages: its SR stage stands in for a LightBSR stage 3 in a link
    const stage = Math.min(c.stage, lastStage(c.pipeline)) as BlindSrConfig['stage'];
    return { ...c, sigmaMin: low, sigmaMax: high, stage };
  },
};

export const defaultBlindSrConfig: BlindSrConfig = defaultsOf(blindsrSchema);

/** What an 'update' message may change on the running model. */
export type LiveBlindSrChange = Partial<Pick<BlindSrConfig, LiveKeys<typeof blindsrSettings>>>;

export function sanitizeBlindSrConfig(input: unknown, fallback?: BlindSrConfig): BlindSrConfig {
  return sanitizeWith(blindsrSchema, input, fallback);
}
