import type { BlindSrConfig } from '../core/blindsr/config';
import type { LabId, PanelId, SimilarityMode } from '../core/app-types';
import type { SimclrConfig } from '../core/simclr/config';
import type { MetricId } from './metrics';
import type { LessonReadout } from './readout';

export type { PanelId };

/**
 * The overrides a step applies over its lab's defaults when its action starts: a step
 * always applies a *complete* preset (`lessonStepSettings`), so nothing leaks from one
 * lesson or step into the next, and a link to a step shows what walking to it shows.
 */
export interface LessonPreset {
  simclr?: Partial<SimclrConfig>;
  blindsr?: Partial<BlindSrConfig>;
  similarityMode?: SimilarityMode;
}

/**
 * One step of a lesson: question → prediction → action → observation → explanation.
 *
 * Text (both catalogues, a test checks): `lesson.<id>.<n>` sets the scene,
 * `lesson.<id>.<n>.q` asks, `lesson.<id>.<n>.<answer>` is each answer the student may
 * predict, `lesson.<id>.<n>.why` explains (or `.why.<answer>` per outcome, when the run
 * decides which way it goes). `{name}` in any of them is a number from `figures.ts`.
 *
 * The action applies `preset`, starts from a fresh model (or, `continues`, from the model
 * the previous step left) and trains `budget` steps. The observation shows `observe` read
 * from the run at the start and the end; `judge` turns the two readouts into the answer the
 * run supports. `expected` is what this playground measures: `claims-*.wasm.test.ts` runs
 * the step on the wasm engine and asserts that `judge` returns it.
 */
export interface LessonStep {
  panel: PanelId;
  preset?: LessonPreset;
  /** 2–4 answer ids */
  answers: string[];
  /** training steps the step runs itself (0: it reads the model as it is) */
  budget: number;
  /** train on from the previous step's model instead of a fresh one */
  continues?: boolean;
  observe: MetricId[];
  judge: (start: LessonReadout, end: LessonReadout) => string;
  expected: string;
  /** the explanation depends on the outcome: `.why.<answer>` instead of `.why` */
  explainsEachOutcome?: boolean;
}

/** A guided lesson: its title is `lesson.<id>.title`. */
export interface Lesson {
  id: string;
  lab: LabId;
  steps: LessonStep[];
}
