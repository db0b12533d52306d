import type { WorkerToPage } from './protocol';
import { markStartup } from './startup-marks';

/** A new training worker (its entry: train.worker.ts). */
export function spawnTrainingWorker(): Worker {
  const worker = new Worker(new URL('./train.worker.ts', import.meta.url), {
    type: 'module',
    name: 'training',
  });
  markStartup('page:worker-created');
  return worker;
}

interface EarlyWorker {
  worker: Worker;
  /** what it said before a client took it (its 'booting') */
  messages: MessageEvent<WorkerToPage>[];
}

let early: EarlyWorker | null = null;

declare global {
  interface Window {
    /** the worker index.html's inline script started (scripts/vite-plugin-early-worker.ts) */
    __earlyTrainingWorker?: EarlyWorker;
  }
}

/**
 * Starts the first training worker from the page's first module, before the rest of the
 * page's code is evaluated (or takes the one the built index.html started even earlier):
 * the worker's thread, its fetches of tfjs and the wasm backend then overlap the page's
 * start instead of following it. The first TrainingClient adopts it (`adoptEarlyWorker`);
 * its messages until then are kept.
 */
export function spawnEarlyWorker(): void {
  if (early) return;
  // the built page started it already, as its HTML was parsed
  const started = window.__earlyTrainingWorker;
  if (started) {
    delete window.__earlyTrainingWorker;
    early = started;
    return;
  }
  const worker = spawnTrainingWorker();
  const messages: MessageEvent<WorkerToPage>[] = [];
  worker.onmessage = (event: MessageEvent<WorkerToPage>) => messages.push(event);
  early = { worker, messages };
}

/** The worker `spawnEarlyWorker` started, once (null when there is none, or it was taken). */
export function adoptEarlyWorker(): EarlyWorker | null {
  const taken = early;
  early = null;
  return taken;
}
