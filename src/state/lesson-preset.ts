import { lessonStepSettings, type Lesson } from '../lessons/lessons';
import { switchLab, updateBlindSr, updateConfig, updateSimclr } from './actions';
import { defaultAppConfig } from './config';
import { useStore } from './store';

/**
 * A step's complete preset: its lab, its lab's defaults plus its overrides, the other lab's
 * defaults and both labs' default data (the demos need them), so nothing carries over from
 * an earlier lesson or step.
 */
export function applyLessonPreset(lesson: Lesson, index: number): void {
  if (useStore.getState().config.lab !== lesson.lab) switchLab(lesson.lab);
  const settings = lessonStepSettings(lesson, index);
  updateConfig({
    dataset: defaultAppConfig.dataset,
    hrSource: defaultAppConfig.hrSource,
    similarityMode: settings.similarityMode,
  });
  updateSimclr(settings.simclr);
  updateBlindSr(settings.blindsr);
}
