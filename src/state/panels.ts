import type { PanelId } from '../core/app-types';
import { findLesson } from '../lessons/lessons';
import { currentStages } from './stage-actions';
import type { PlaygroundState } from './store';

/**
 * Where each panel is on the page: the panel shell registers its element here (a ref, not
 * a `document.querySelector` on an id string), for figure export and for the lesson that
 * scrolls the panel it explains into view.
 */
const elements = new Map<PanelId, HTMLElement>();

export function registerPanelElement(id: PanelId, element: HTMLElement | null): void {
  if (element) elements.set(id, element);
  else elements.delete(id);
}

export function panelElement(id: PanelId): HTMLElement | undefined {
  return elements.get(id);
}

let grid: HTMLElement | null = null;

/** The grid of the lab's panels (the "all panels" figure). */
export function registerPanelGrid(element: HTMLElement | null): void {
  grid = element;
}

export function panelGrid(): HTMLElement | null {
  return grid;
}

/** The panel a training stage (step by stage) or the open lesson step points at. */
export function focusedPanel(state: Pick<PlaygroundState, 'config' | 'view'>): PanelId | null {
  if (state.view.stageMode) return currentStages()[state.view.stageIndex]?.panel ?? null;
  return findLesson(state.config.lesson)?.steps[state.config.lessonStep]?.panel ?? null;
}
