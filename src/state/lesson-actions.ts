import { findLesson, lessons } from '../lessons/lessons';
import { applyLessonPreset } from './lesson-preset';
import { lessonKey, resetLessonRun } from './lesson-run';
import { useStore } from './store';

/**
 * Opens step `index` of the current lesson: its lab, its preset, its panel in focus, and its
 * question — the step's action (lesson-run.ts) waits for a prediction or "skip".
 */
export function goToLessonStep(index: number): void {
  const { config } = useStore.getState();
  const lesson = findLesson(config.lesson);
  if (!lesson) return;
  const step = Math.max(0, Math.min(lesson.steps.length - 1, index));
  resetLessonRun(lessonKey(lesson.id, step));
  useStore.setState((s) => ({ config: { ...s.config, lessonStep: step } }));
  applyLessonPreset(lesson, step);
  // the lesson panel brings its panel into view beside it once it has rendered
}

export function openLesson(id: string = lessons[0].id): void {
  if (!findLesson(id)) return;
  useStore.setState((s) => ({ config: { ...s.config, lesson: id, lessonStep: 0 } }));
  goToLessonStep(0);
}

export function closeLesson(): void {
  resetLessonRun(null);
  useStore.setState((s) => ({ config: { ...s.config, lesson: null, lessonStep: 0 } }));
}

/** The panel the open lesson step points at, if any. */
export function lessonPanel(config: { lesson: string | null; lessonStep: number }): string | null {
  return findLesson(config.lesson)?.steps[config.lessonStep]?.panel ?? null;
}
