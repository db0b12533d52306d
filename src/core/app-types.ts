/**
 * Names shared by every layer, kept at the bottom so that data (lessons) and the layers
 * above can all use them without importing upwards.
 */
export type LabId = 'simclr' | 'blindsr';
export type SimilarityMode = 'cosine' | 'logits' | 'softmax';

/** Panels a lesson step or a training stage can point at (each panel's `data-panel`). */
export type PanelId =
  | 'views'
  | 'similarity'
  | 'loss'
  | 'embedding'
  | 'moco-queue'
  | 'degradation'
  | 'queue'
  | 'bsr-loss'
  | 'bsr-embedding'
  | 'sr'
  /** the LightBSR pipeline: teacher and student embeddings, distillation, model sizes */
  | 'lightbsr'
  /** step by stage: h, z and the update of the batch on screen */
  | 'stages';
