import { defaultBlindSrConfig, type BlindSrConfig } from '../core/blindsr/config';
import { defaultSimclrConfig, type SimclrConfig } from '../core/simclr/config';
import type { LabId, PanelId, SimilarityMode } from '../core/app-types';
import { blindsrLessons } from './lessons-blindsr';
import { lightbsrLesson } from './lessons-lightbsr';
import { moreLessons } from './lessons-more';
import { simclrLessons } from './lessons-simclr';
import type { Lesson } from './lesson-step';

export type { Lesson, LessonPreset, LessonStep } from './lesson-step';
export type { PanelId };

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

export const lessons: Lesson[] = [
  ...simclrLessons,
  ...moreLessons,
  ...blindsrLessons,
  lightbsrLesson,
];

export function findLesson(id: string | null): Lesson | null {
  return lessons.find((lesson) => lesson.id === id) ?? null;
}

/** The message keys a lesson uses (for the translation test). */
export function lessonKeys(lesson: Lesson): string[] {
  return [`lesson.${lesson.id}.title`, ...lesson.steps.flatMap((_, i) => stepKeys(lesson, i))];
}

/** The message keys of one step: scene, question, answers, explanations. */
export function stepKeys(lesson: Lesson, index: number): string[] {
  const step = lesson.steps[index];
  const base = `lesson.${lesson.id}.${index + 1}`;
  return [
    base,
    `${base}.q`,
    ...step.answers.map((answer) => `${base}.${answer}`),
    ...(step.explainsEachOutcome ? step.answers.map((a) => `${base}.why.${a}`) : [`${base}.why`]),
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

/**
 * LightBSR's step, whichever stage trains: the batch, what the stage learns from beside it
 * (1: the prior map; 2: the frozen teacher's h; 3: the HR target), the update.
 */
export const lightbsrStages: { id: string; panel: PanelId }[] = [
  { id: 'batch', panel: 'lightbsr' },
  { id: 'signal', panel: 'lightbsr' },
  { id: 'update', panel: 'lightbsr' },
];

/** Which stage list (and `stage.<catalogue>.<id>` names) a lab and pipeline step through. */
export function stageCatalogue(
  lab: LabId,
  pipeline: BlindSrConfig['pipeline'],
): 'simclr' | 'blindsr' | 'lightbsr' {
  return lab === 'simclr' ? 'simclr' : pipeline === 'lightbsr' ? 'lightbsr' : 'blindsr';
}

export function stagesOf(lab: LabId, pipeline: BlindSrConfig['pipeline']) {
  const catalogue = stageCatalogue(lab, pipeline);
  return catalogue === 'simclr'
    ? simclrStages
    : catalogue === 'lightbsr'
      ? lightbsrStages
      : blindsrStages;
}

export const blindsrStages: { id: string; panel: PanelId }[] = [
  { id: 'degrade', panel: 'degradation' },
  { id: 'patches', panel: 'degradation' },
  { id: 'encode', panel: 'bsr-embedding' },
  { id: 'queue', panel: 'queue' },
  { id: 'weighted', panel: 'queue' },
  { id: 'update', panel: 'bsr-loss' },
];
