import { pause, play, reset, step } from '../state/actions';
import { nextStage } from '../state/stage-actions';
import { setView, useStore } from '../state/store';

/** Keys that a text field or a modified key press keeps for itself. */
function belongsToTheTarget(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (
    target &&
    (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))
  )
    return true;
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  // a focused widget (matrix, views, sliders) used the key itself
  return event.defaultPrevented;
}

/**
 * The page's keyboard (the shortcuts dialog lists them): space play/pause, → one step (one
 * stage in stage mode), ? the list, r reset. Play and step wait for the lab's first data.
 */
export function installShortcuts(): void {
  window.addEventListener('keydown', (event) => {
    if (belongsToTheTarget(event)) return;
    const { run, snapshot: simclrSnapshot, blindsrEvaluation, config } = useStore.getState();
    const snapshot = config.lab === 'simclr' ? simclrSnapshot : blindsrEvaluation;
    if (event.key === ' ') {
      event.preventDefault();
      if (run.running) pause();
      else if (snapshot) play();
    } else if (event.key === 'ArrowRight' && !run.running && snapshot) {
      if (useStore.getState().view.stageMode) nextStage();
      else step();
    } else if (event.key === '?') {
      setView({ shortcutsOpen: true });
    } else if (event.key === 'r') {
      reset();
    }
  });
}
