import type { LessonReadout } from '../lessons/readout';

/**
 * A lesson step's action: its preset, then its own budget of training steps, read before
 * and after (`LessonReadout`), so the observation and the verdict come from this run.
 */
export interface LessonRunState {
  /** `<lesson>/<step index>` the state belongs to */
  key: string | null;
  /** the answer the student predicted, or 'skip' */
  choice: string | null;
  phase: 'question' | 'running' | 'done' | 'failed';
  /** the training steps of this action: from, to (the progress bar) */
  fromStep: number;
  toStep: number;
  /** a step opened from a link that trains on from the step before trains that one first */
  preparing: boolean;
  start: LessonReadout | null;
  end: LessonReadout | null;
}

export const idleLessonRun: LessonRunState = {
  key: null,
  choice: null,
  phase: 'question',
  fromStep: 0,
  toStep: 0,
  preparing: false,
  start: null,
  end: null,
};
