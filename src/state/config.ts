import { defaultSimclrConfig, type SimclrConfig } from '../core/simclr-config';
import type { DatasetId } from '../data/dataset';
import type { Language } from '../i18n';
import type { BackendName } from '../worker/backend-choice';

export type LabId = 'simclr' | 'blindsr';
export type SimilarityMode = 'cosine' | 'logits' | 'softmax';

/** Everything a shared link carries. */
export interface AppConfig {
  lab: LabId;
  dataset: DatasetId;
  simclr: SimclrConfig;
  similarityMode: SimilarityMode;
  /** forced backend, or null to choose by capability */
  backend: BackendName | null;
  language: Language;
}

export const defaultAppConfig: AppConfig = {
  lab: 'simclr',
  dataset: 'shapes',
  simclr: defaultSimclrConfig,
  similarityMode: 'cosine',
  backend: null,
  language: 'en',
};

/** Settings that need a new model (and a new worker-side trainer). */
export function needsRebuild(before: SimclrConfig, after: SimclrConfig): boolean {
  return (
    before.batchSize !== after.batchSize ||
    before.imageSize !== after.imageSize ||
    before.seed !== after.seed
  );
}
