import { useStore } from '../state/store';

/**
 * Runs `run` once: when the first training step has come, or `delayMs` from now if none
 * has (nobody pressed Play). For work that must not compete with the page load's critical
 * path but should not wait for ever either (start.ts: the service worker's first install).
 */
export function afterFirstStep(run: () => void, delayMs: number): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    unsubscribe();
    run();
  };
  const timer = setTimeout(once, delayMs);
  const unsubscribe = useStore.subscribe((s) => {
    if (s.run.step > 0) once();
  });
}
