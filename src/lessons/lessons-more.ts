import { defaultSimclrConfig, type SimclrConfig } from '../core/simclr/config';
import type { PanelId } from '../core/app-types';
import { moreFigures as f } from './more-figures';
import { moreJudges as judge, type RunReadout } from './more-judges';

/** One step of the lessons of #22, in the lesson framework's shape. */
export interface MoreLessonStep {
  panel: PanelId;
  preset?: { simclr?: Partial<SimclrConfig> };
  answers: string[];
  budget: number;
  continues?: boolean;
  judge: (start: RunReadout, end: RunReadout) => string;
  expected: string;
}

export interface MoreLesson {
  id: string;
  lab: 'simclr';
  steps: MoreLessonStep[];
}

const moco = (change: Partial<SimclrConfig>) => ({
  simclr: { method: 'moco' as const, ...change },
});

/**
 * Batch size and negatives, h vs z, augmentation strength, false negatives, MoCo's
 * momentum, reading the metrics: every expected answer measured on the wasm engine
 * (new-claims.wasm.test.ts), seeds 1–3.
 */
export const moreLessons: MoreLesson[] = [
  {
    id: 'batch',
    lab: 'simclr',
    steps: [
      {
        panel: 'similarity',
        preset: { simclr: { batchSize: f.exampleBatch } },
        answers: ['n99', 'n198', 'n199'],
        budget: 0,
        judge: judge.negatives,
        expected: 'n198',
      },
      {
        panel: 'loss',
        answers: ['above', 'below'],
        budget: f.stepsBatch,
        judge: judge.batchKnn,
        expected: 'below',
      },
      {
        panel: 'loss',
        preset: { simclr: { batchSize: f.exampleBatch } },
        answers: ['above', 'below'],
        budget: f.stepsBatch,
        judge: judge.batchKnn,
        expected: 'above',
      },
    ],
  },
  {
    id: 'projection',
    lab: 'simclr',
    steps: [
      {
        panel: 'embedding',
        answers: ['h', 'same', 'z'],
        budget: 0,
        judge: judge.hOrZAtStart,
        expected: 'h',
      },
      {
        panel: 'embedding',
        answers: ['h', 'same', 'z'],
        budget: f.stepsProjection,
        continues: true,
        judge: judge.hOrZTrained,
        expected: 'same',
      },
    ],
  },
  {
    id: 'augment',
    lab: 'simclr',
    steps: [
      {
        panel: 'views',
        preset: { simclr: { augment: cropFrom(f.paperCropMinArea) } },
        answers: ['rises', 'falls'],
        budget: f.stepsProjection,
        judge: judge.cropKnn,
        expected: 'falls',
      },
      {
        panel: 'loss',
        preset: { simclr: { augment: colourOf(f.strongColour) } },
        answers: ['easier', 'harderWorse', 'harderBetter'],
        budget: f.stepsProjection,
        judge: judge.strongColour,
        expected: 'harderBetter',
      },
    ],
  },
  {
    id: 'falseneg',
    lab: 'simclr',
    steps: [
      {
        panel: 'similarity',
        answers: ['none', 'five', 'fifteen'],
        budget: 0,
        judge: judge.sameClass,
        expected: 'five',
      },
      {
        panel: 'moco-queue',
        preset: moco({ queueSize: f.falseNegativeQueue }),
        answers: ['none', 'one', 'several'],
        budget: f.stepsQueueFill,
        judge: judge.ownKeys,
        expected: 'several',
      },
      {
        panel: 'similarity',
        preset: { simclr: { batchSize: f.exampleBatch } },
        answers: ['smaller', 'same'],
        budget: 0,
        judge: judge.sameClassShare,
        expected: 'same',
      },
    ],
  },
  {
    id: 'momentum',
    lab: 'simclr',
    steps: [
      {
        panel: 'loss',
        preset: moco({ momentum: f.momentumDefault }),
        answers: ['learns', 'fails'],
        budget: f.stepsMomentum,
        judge: judge.mocoLearns,
        expected: 'learns',
      },
      {
        panel: 'loss',
        preset: moco({ momentum: 0 }),
        answers: ['learns', 'fails'],
        budget: f.stepsMomentum,
        judge: judge.mocoLearns,
        expected: 'fails',
      },
    ],
  },
  {
    id: 'metrics',
    lab: 'simclr',
    steps: [
      {
        panel: 'embedding',
        answers: ['chance', 'half', 'high'],
        budget: 0,
        judge: judge.randomKnn,
        expected: 'half',
      },
      {
        panel: 'embedding',
        answers: ['lower', 'same', 'higher'],
        budget: 0,
        continues: true,
        judge: judge.pixels,
        expected: 'higher',
      },
      {
        panel: 'embedding',
        answers: ['below', 'above'],
        budget: f.stepsBeatPixels,
        continues: true,
        judge: judge.beatsPixels,
        expected: 'above',
      },
    ],
  },
];

function cropFrom(cropMinArea: number): SimclrConfig['augment'] {
  return { ...defaultSimclrConfig.augment, cropMinArea };
}

function colourOf(colorStrength: number): SimclrConfig['augment'] {
  return { ...defaultSimclrConfig.augment, colorStrength };
}
