import { prepareDeployment } from '../deploy/register';
import { afterFirstStep } from './after-first-step';
import { startTraining, workerStarted } from '../state/actions';
import { setDeployment } from '../state/store';
import { restoreUploads } from '../state/uploads';
import { markStartup } from '../worker/startup-marks';

/**
 * Starts what the page needs besides rendering: the stored uploads, the service worker
 * (offline copy, update notice, isolation headers) and the training worker, and calls
 * `render` when it should.
 *
 * Training waits for the service worker only when it must: on a first visit without
 * isolation headers the page reloads once, through it, to get WebAssembly threads. A page
 * that is already isolated never reloads, so its worker (tfjs, wasm compile, model) starts
 * at once, and the page renders when the worker's thread exists: Chrome starts a worker's
 * thread only while the page's thread is free, so rendering first would delay the worker.
 * There, on a first visit, the service worker is registered after the first step.
 */
export function startPage(render: () => void): void {
  void restoreUploads();
  const isolatedAlready = window.crossOriginIsolated;
  if (isolatedAlready) void startTraining();
  const deploy = () => {
    markStartup('page:service-worker-registering');
    void prepareDeployment(() => setDeployment({ updateReady: true }))
      .catch(() => (window.crossOriginIsolated ? null : ('noServiceWorker' as const)))
      .then((problem) => {
        setDeployment({ isolation: problem ? { isolated: false, problem } : { isolated: true } });
        if (!isolatedAlready) void startTraining();
      });
  };
  // Isolated by its server's headers, a first visit needs the service worker only for the
  // offline copy, and its install (it fetches and caches the whole build) added ~200 ms to
  // the first step when it ran beside the page load (docs/PERFORMANCE.md, round 13): it
  // waits for the first step, or 10 s.
  if (isolatedAlready && !navigator.serviceWorker?.controller) afterFirstStep(deploy, 10_000);
  else deploy();
  if (isolatedAlready) void workerStarted(250).then(render);
  else render();
}
