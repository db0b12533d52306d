/// <reference lib="webworker" />
import type { PageToWorker, WorkerToPage } from './protocol';

/**
 * The training worker's entry, kept tiny: it tells the page the thread exists at once
 * (the page renders only then — a busy page thread delays the worker's start), keeps the
 * messages that arrive meanwhile, and hands them to the body (worker-main.ts: tfjs, the
 * training loop) once that has loaded. The wasm backend's code is fetched alongside.
 */
declare const self: DedicatedWorkerGlobalScope;

// inline, not startup-marks.ts: an import here could become a chunk fetched before this runs
performance.mark('startup:worker:entry');
const early: MessageEvent<PageToWorker>[] = [];
self.onmessage = (event: MessageEvent<PageToWorker>) => early.push(event);
self.postMessage({ type: 'booting' } satisfies WorkerToPage);
// most machines train on wasm: its backend's code loads beside the body, not after it
// (with the build's binary paths: wasm-backend.ts sets them as it registers the backend)
import('./wasm-backend').catch(() => undefined);
import('./worker-main').then(
  ({ takeOver }) => takeOver(early),
  (error: unknown) =>
    self.postMessage({
      type: 'error',
      code: 'crash',
      message: `the training worker could not load: ${error instanceof Error ? error.message : String(error)}`,
    } satisfies WorkerToPage),
);
