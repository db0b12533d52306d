import { defaultBlindSrConfig, type BlindSrConfig } from '../core/blindsr-config';
import { defaultSimclrConfig, type SimclrConfig } from '../core/simclr-config';
import type { HrSource } from '../data/load';
import type { DatasetId } from '../data/dataset';
import type { Language } from '../i18n';
import type { BackendName } from '../worker/backend-choice';

export type LabId = 'simclr' | 'blindsr';

/** Groups of controls an instructor can hide from a shared link (TF Playground's hide flags). */
export const controlGroups = [
  'temperature',
  'batch',
  'negatives',
  'learningRate',
  'seed',
  'augment',
  'dataset',
  'labs',
] as const;
export type ControlGroup = (typeof controlGroups)[number];
export type SimilarityMode = 'cosine' | 'logits' | 'softmax';

/** Everything a shared link carries. */
export interface AppConfig {
  lab: LabId;
  dataset: DatasetId;
  simclr: SimclrConfig;
  /** where the Blind-SR lab's HR images come from */
  hrSource: HrSource;
  blindsr: BlindSrConfig;
  similarityMode: SimilarityMode;
  /** forced backend, or null to choose by capability */
  backend: BackendName | null;
  language: Language;
  /** an open guided lesson and its step (0-based) */
  lesson: string | null;
  lessonStep: number;
  hidden: ControlGroup[];
  /** presentation mode: larger text and ticks for a projector */
  presentation: boolean;
}

export const defaultAppConfig: AppConfig = {
  lab: 'simclr',
  dataset: 'shapes',
  simclr: defaultSimclrConfig,
  hrSource: 'textures',
  blindsr: defaultBlindSrConfig,
  similarityMode: 'cosine',
  backend: null,
  language: 'en',
  lesson: null,
  lessonStep: 0,
  hidden: [],
  presentation: false,
};

/** Settings that need a new model (and a new worker-side trainer). */
export function needsRebuild(before: SimclrConfig, after: SimclrConfig): boolean {
  return (
    before.batchSize !== after.batchSize ||
    before.imageSize !== after.imageSize ||
    before.seed !== after.seed ||
    before.method !== after.method ||
    before.queueSize !== after.queueSize
  );
}

/** Blind-SR settings that change tensor shapes (a new model); the rest apply live. */
export function blindSrNeedsRebuild(before: BlindSrConfig, after: BlindSrConfig): boolean {
  return (
    before.scale !== after.scale ||
    before.queueSize !== after.queueSize ||
    before.batchSize !== after.batchSize ||
    before.seed !== after.seed
  );
}
