import { findLesson, lessons, lessonStepSettings, type Lesson } from '../lessons/lessons';
import { switchLab, updateBlindSr, updateConfig, updateSimclr } from './actions';
import { defaultAppConfig } from './config';
import { useStore } from './store';

/**
 * The step's complete preset: its lab's defaults plus its overrides, the other lab's
 * defaults and both labs' default data (the demos need them), so nothing carries over
 * from an earlier lesson or step.
 */
function applyPreset(lesson: Lesson, index: number): void {
  const settings = lessonStepSettings(lesson, index);
  updateConfig({
    dataset: defaultAppConfig.dataset,
    hrSource: defaultAppConfig.hrSource,
    similarityMode: settings.similarityMode,
  });
  updateSimclr(settings.simclr);
  updateBlindSr(settings.blindsr);
}

/** Opens step `index` of the current lesson: its lab, its preset, its panel in focus. */
export function goToLessonStep(index: number): void {
  const { config } = useStore.getState();
  const lesson = findLesson(config.lesson);
  if (!lesson) return;
  const step = Math.max(0, Math.min(lesson.steps.length - 1, index));
  if (config.lab !== lesson.lab) switchLab(lesson.lab);
  useStore.setState((s) => ({ config: { ...s.config, lessonStep: step } }));
  applyPreset(lesson, step);
  // the lesson panel brings its panel into view beside it once it has rendered
}

export function openLesson(id: string = lessons[0].id): void {
  if (!findLesson(id)) return;
  useStore.setState((s) => ({ config: { ...s.config, lesson: id, lessonStep: 0 } }));
  goToLessonStep(0);
}

export function closeLesson(): void {
  useStore.setState((s) => ({ config: { ...s.config, lesson: null, lessonStep: 0 } }));
}

/** The panel the open lesson step points at, if any. */
export function lessonPanel(config: { lesson: string | null; lessonStep: number }): string | null {
  return findLesson(config.lesson)?.steps[config.lessonStep]?.panel ?? null;
}
