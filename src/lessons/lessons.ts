import { defaultBlindSrConfig, type BlindSrConfig } from '../core/blindsr/config';
import { defaultSimclrConfig, type SimclrConfig } from '../core/simclr/config';
import { methodDefaults } from '../core/simclr/method-defaults';

const defaultAugment = defaultSimclrConfig.augment;
import type { LabId, PanelId, SimilarityMode } from '../core/app-types';

export type { PanelId };

/**
 * The overrides a step applies over its lab's defaults when it opens: a step always
 * applies a *complete* preset (`lessonStepSettings`), so nothing leaks from one lesson or
 * step into the next, and a link to a step shows what walking to it shows.
 */
export interface LessonPreset {
  simclr?: Partial<SimclrConfig>;
  blindsr?: Partial<BlindSrConfig>;
  similarityMode?: SimilarityMode;
}

/** The settings a lesson step applies: the lab's defaults plus the step's overrides. */
export interface LessonStepSettings {
  simclr: SimclrConfig;
  blindsr: BlindSrConfig;
  similarityMode: SimilarityMode;
}

export function lessonStepSettings(lesson: Lesson, index: number): LessonStepSettings {
  const preset = lesson.steps[Math.max(0, Math.min(lesson.steps.length - 1, index))].preset ?? {};
  return {
    simclr: {
      ...defaultSimclrConfig,
      ...preset.simclr,
      augment: { ...defaultSimclrConfig.augment, ...preset.simclr?.augment },
    },
    blindsr: { ...defaultBlindSrConfig, ...preset.blindsr },
    similarityMode: preset.similarityMode ?? 'cosine',
  };
}

export interface LessonStep {
  panel: PanelId;
  preset?: LessonPreset;
}

/**
 * Guided lessons as data: the text of step n of lesson `id` is the message
 * `lesson.<id>.<n>`, its title `lesson.<id>.title` (both catalogues; a test checks).
 */
export interface Lesson {
  id: string;
  lab: LabId;
  steps: LessonStep[];
}

export const lessons: Lesson[] = [
  {
    id: 'pairs',
    lab: 'simclr',
    steps: [{ panel: 'views' }, { panel: 'similarity', preset: { similarityMode: 'cosine' } }],
  },
  { id: 'head', lab: 'simclr', steps: [{ panel: 'embedding' }, { panel: 'embedding' }] },
  {
    id: 'ntxent',
    lab: 'simclr',
    steps: [
      { panel: 'similarity', preset: { similarityMode: 'softmax' } },
      { panel: 'similarity', preset: { similarityMode: 'softmax' } },
    ],
  },
  {
    id: 'temperature',
    lab: 'simclr',
    steps: [
      { panel: 'similarity', preset: { similarityMode: 'softmax' } },
      { panel: 'similarity', preset: { simclr: { temperature: 0.05 }, similarityMode: 'softmax' } },
      { panel: 'similarity', preset: { simclr: { temperature: 1.5 }, similarityMode: 'softmax' } },
    ],
  },
  {
    id: 'negatives',
    lab: 'simclr',
    steps: [
      { panel: 'loss', preset: { simclr: { batchSize: 8 } } },
      { panel: 'similarity', preset: { simclr: { noNegatives: true } } },
    ],
  },
  {
    id: 'shortcut',
    lab: 'simclr',
    steps: [
      {
        panel: 'views',
        preset: {
          simclr: {
            augment: { ...defaultAugment, colorJitter: false, grayscale: false },
          },
        },
      },
      // the defaults: jitter (strength 0.5) and grayscale on — strength 1 slowed learning
      // to a crawl on these shapes (twin: kNN 0.25 after 400 steps)
      { panel: 'embedding' },
    ],
  },
  {
    // the same data under each method of the family: what prevents collapse in each
    id: 'family',
    lab: 'simclr',
    steps: [
      { panel: 'loss', preset: { simclr: { method: 'simclr', batchSize: 8 } } },
      {
        panel: 'moco-queue',
        preset: { simclr: { method: 'moco', batchSize: 8, queueSize: 1024 } },
      },
      {
        panel: 'loss',
        preset: { simclr: { ...methodDefaults.simsiam, method: 'simsiam', stopGradient: true } },
      },
      {
        panel: 'loss',
        preset: { simclr: { ...methodDefaults.simsiam, method: 'simsiam', stopGradient: false } },
      },
      { panel: 'embedding', preset: { simclr: { ...methodDefaults.byol, method: 'byol' } } },
    ],
  },
  {
    id: 'degradation',
    lab: 'blindsr',
    steps: [
      { panel: 'degradation', preset: { blindsr: { stage: 1 } } },
      { panel: 'bsr-embedding' },
      { panel: 'bsr-embedding', preset: { blindsr: { pairing: 'image' } } },
    ],
  },
  {
    id: 'weights',
    lab: 'blindsr',
    steps: [
      { panel: 'queue', preset: { blindsr: { weighting: true } } },
      { panel: 'queue', preset: { blindsr: { weighting: false } } },
    ],
  },
  {
    id: 'queue',
    lab: 'blindsr',
    steps: [{ panel: 'queue', preset: { blindsr: { queueSize: 128 } } }, { panel: 'bsr-loss' }],
  },
  {
    id: 'stages',
    lab: 'blindsr',
    steps: [
      { panel: 'sr', preset: { blindsr: { stage: 1 } } },
      { panel: 'sr', preset: { blindsr: { stage: 2 } } },
    ],
  },
];

export function findLesson(id: string | null): Lesson | null {
  return lessons.find((lesson) => lesson.id === id) ?? null;
}

/** The message keys a lesson uses (for the translation test). */
export function lessonKeys(lesson: Lesson): string[] {
  return [
    `lesson.${lesson.id}.title`,
    ...lesson.steps.map((_, i) => `lesson.${lesson.id}.${i + 1}`),
  ];
}

/** The stages of one training step, in order, with the panel that shows each. */
export const simclrStages: { id: string; panel: PanelId }[] = [
  { id: 'augment', panel: 'views' },
  { id: 'encode', panel: 'stages' },
  { id: 'project', panel: 'stages' },
  { id: 'similarity', panel: 'similarity' },
  { id: 'loss', panel: 'similarity' },
  { id: 'update', panel: 'stages' },
];

export const blindsrStages: { id: string; panel: PanelId }[] = [
  { id: 'degrade', panel: 'degradation' },
  { id: 'patches', panel: 'degradation' },
  { id: 'encode', panel: 'bsr-embedding' },
  { id: 'queue', panel: 'queue' },
  { id: 'weighted', panel: 'queue' },
  { id: 'update', panel: 'bsr-loss' },
];
