import type { LabId, SimilarityMode } from '../core/app-types';
import {
  blindsrSchema,
  blindsrSettings,
  defaultBlindSrConfig,
  type BlindSrConfig,
} from '../core/blindsr/config';
import { defaultsOf, groupsOf, type LabSchema, type Setting } from '../core/settings';
import {
  defaultSimclrConfig,
  simclrSchema,
  simclrSettings,
  type SimclrConfig,
} from '../core/simclr/config';
import type { HrSource } from '../data/load';
import type { DatasetId } from '../data/dataset';
import type { Language } from '../i18n';
import type { BackendName } from '../worker/backend-choice';

/**
 * Groups of controls an instructor can hide from a shared link (TF Playground's hide flags):
 * the groups the settings schemas declare, then the data set and the lab tabs.
 */
export const controlGroups = [
  ...new Set([...groupsOf(simclrSchema), ...groupsOf(blindsrSchema), 'dataset', 'labs']),
] as ControlGroup[];
type GroupOf<S> = S extends { group: infer G extends string } ? G : never;
export type ControlGroup =
  | GroupOf<(typeof simclrSettings)[number]>
  | GroupOf<(typeof blindsrSettings)[number]>
  | 'dataset'
  | 'labs';

export type { LabId, SimilarityMode };

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
  /** lesson steps ask for a prediction before they run (`?predict=0`: a lecture) */
  predictions: boolean;
}

/** Each lab's settings, by the lab's id. */
export interface LabConfigs {
  simclr: SimclrConfig;
  blindsr: BlindSrConfig;
}

/** Each lab's settings schema, by the lab's id: the page's one update path reads it. */
export const labSchemas: { [L in LabId]: LabSchema<LabConfigs[L]> } = {
  simclr: simclrSchema,
  blindsr: blindsrSchema,
};

/**
 * The page-wide settings a link carries, declared like the labs' (the backend, language,
 * lesson and hide list have parsers of their own in url.ts).
 */
export const appSchema: readonly Setting<AppConfig>[] = [
  {
    path: 'lab',
    url: 'lab',
    kind: 'choice',
    options: ['simclr', 'blindsr'],
    default: 'simclr',
    apply: 'rebuild',
    group: 'labs',
    label: 'lab.label',
  },
  {
    path: 'dataset',
    url: 'data',
    kind: 'choice',
    options: ['shapes', 'photos', 'uploads'],
    default: 'shapes',
    apply: 'rebuild',
    group: 'dataset',
    label: 'controls.dataset',
    optionLabels: 'dataset',
  },
  {
    path: 'similarityMode',
    url: 'mode',
    kind: 'choice',
    options: ['cosine', 'logits', 'softmax'],
    default: 'cosine',
    apply: 'live',
    label: 'panel.similarity.mode',
  },
  {
    path: 'hrSource',
    url: 'hr',
    kind: 'choice',
    options: ['textures', 'photos', 'uploads'],
    default: 'textures',
    apply: 'rebuild',
    group: 'dataset',
    label: 'controls.hrSource',
    optionLabels: 'dataset',
  },
  {
    path: 'presentation',
    url: 'present',
    kind: 'flag',
    default: false,
    apply: 'live',
    label: 'presentation.button',
  },
  {
    path: 'predictions',
    url: 'predict',
    kind: 'flag',
    default: true,
    apply: 'live',
    label: 'lessons.predictions',
  },
];

export const defaultAppConfig: AppConfig = defaultsOf<AppConfig>({
  settings: appSchema,
  fixed: {
    simclr: defaultSimclrConfig,
    blindsr: defaultBlindSrConfig,
    backend: null,
    language: 'en',
    lesson: null,
    lessonStep: 0,
    hidden: [],
  },
});
