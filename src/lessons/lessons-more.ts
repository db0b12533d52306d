import { defaultSimclrConfig, type SimclrConfig } from '../core/simclr/config';
import type { Lesson } from './lesson-step';
import { moreFigures as f } from './more-figures';
import { moreJudges as judge } from './more-judges';

const moco = (change: Partial<SimclrConfig>) => ({
  simclr: { method: 'moco' as const, ...change },
});

/**
 * Batch size and negatives, h vs z, augmentation strength, false negatives, MoCo's
 * momentum, reading the metrics: every expected answer measured on the wasm engine
 * (asserted on the page's seed by claims-simclr.wasm.test.ts; measured over seeds 1–3).
 */
export const moreLessons: Lesson[] = [
  {
    id: 'batch',
    lab: 'simclr',
    steps: [
      {
        panel: 'similarity',
        preset: { simclr: { batchSize: f.exampleBatch } },
        answers: ['n99', 'n198', 'n199'],
        budget: 0,
        observe: ['views', 'negatives', 'chanceLoss'],
        judge: judge.negatives,
        expected: 'n198',
      },
      {
        panel: 'loss',
        answers: ['above', 'below'],
        budget: f.stepsBatch,
        observe: ['knn', 'top1', 'loss', 'chanceLoss'],
        judge: judge.batchKnn,
        expected: 'below',
      },
      {
        panel: 'loss',
        preset: { simclr: { batchSize: f.exampleBatch } },
        answers: ['above', 'below'],
        budget: f.stepsBatch,
        observe: ['knn', 'top1', 'loss', 'chanceLoss'],
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
        observe: ['knn', 'knnZ'],
        judge: judge.hOrZAtStart,
        expected: 'h',
      },
      {
        panel: 'embedding',
        answers: ['h', 'same', 'z'],
        budget: f.stepsProjection,
        continues: true,
        observe: ['knn', 'knnZ'],
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
        observe: ['knn', 'top1'],
        judge: judge.cropKnn,
        expected: 'falls',
      },
      {
        panel: 'loss',
        preset: { simclr: { augment: colourOf(f.strongColour) } },
        answers: ['easier', 'harderWorse', 'harderBetter'],
        budget: f.stepsProjection,
        observe: ['top1', 'knn'],
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
        observe: ['negatives', 'sameClassNegatives', 'sameClassShare'],
        judge: judge.sameClass,
        expected: 'five',
      },
      {
        panel: 'moco-queue',
        preset: moco({ queueSize: f.falseNegativeQueue }),
        answers: ['none', 'one', 'several'],
        budget: f.stepsQueueFill,
        observe: ['queuePerImage', 'ownKeys'],
        judge: judge.ownKeys,
        expected: 'several',
      },
      {
        panel: 'similarity',
        preset: { simclr: { batchSize: f.exampleBatch } },
        answers: ['smaller', 'same'],
        budget: 0,
        observe: ['negatives', 'sameClassNegatives', 'sameClassShare'],
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
        observe: ['knn', 'loss'],
        judge: judge.mocoLearns,
        expected: 'learns',
      },
      {
        panel: 'loss',
        preset: moco({ momentum: 0 }),
        answers: ['learns', 'fails'],
        budget: f.stepsMomentum,
        observe: ['knn', 'loss'],
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
        observe: ['knnChance', 'knn'],
        judge: judge.randomKnn,
        expected: 'half',
      },
      {
        panel: 'embedding',
        answers: ['lower', 'same', 'higher'],
        budget: 0,
        continues: true,
        observe: ['knn', 'pixelKnn'],
        judge: judge.pixels,
        expected: 'higher',
      },
      {
        panel: 'embedding',
        answers: ['below', 'above'],
        budget: f.stepsBeatPixels,
        continues: true,
        observe: ['knn', 'pixelKnn', 'top1'],
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
