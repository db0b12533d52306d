import { prepareDeployment } from '../deploy/register';
import { startTraining, workerStarted } from '../state/actions';
import { setDeployment } from '../state/store';
import { restoreUploads } from '../state/uploads';

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
 */
export function startPage(render: () => void): void {
  void restoreUploads();
  const isolatedAlready = window.crossOriginIsolated;
  if (isolatedAlready) void startTraining();
  void prepareDeployment(() => setDeployment({ updateReady: true }))
    .catch(() => (window.crossOriginIsolated ? null : ('noServiceWorker' as const)))
    .then((problem) => {
      setDeployment({ isolation: problem ? { isolated: false, problem } : { isolated: true } });
      if (!isolatedAlready) void startTraining();
    });
  if (isolatedAlready) void workerStarted(250).then(render);
  else render();
}
