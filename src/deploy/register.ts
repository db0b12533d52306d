/**
 * The page's half of src/deploy/service-worker.ts: cross-origin isolation where the host
 * sends no COOP/COEP headers, offline use, and the "new version" prompt.
 *
 * Isolation (the coi-serviceworker technique): a page is isolated only if its own
 * response carried the headers, so once our service worker controls the page it must be
 * loaded again. That reload happens at most once per tab session (sessionStorage): if the
 * page is still not isolated afterwards, it runs on one thread and says why — it never
 * loops.
 */

/** Why the page is not cross-origin isolated (the wasm backend then runs one thread). */
export type IsolationProblem =
  /** http:// on a host other than localhost: no service worker, no SharedArrayBuffer */
  | 'insecureContext'
  /** the browser has or allows none (file://, some private modes, policies) */
  | 'noServiceWorker'
  /** the service worker was still installing when the app had to start */
  | 'serviceWorkerPending'
  /** it controlled the page and one reload did not isolate it */
  | 'serviceWorkerFailed';

const reloadKey = 'contrastive-playground.isolation-reload';
// ms the first visit waits for the service worker (it caches the whole app first)
const controlTimeout = 20_000;

let registration: ServiceWorkerRegistration | null = null;
let reloadRequested = false;

/**
 * Registers the service worker and, when that is what isolation needs, reloads the page
 * once (the returned promise then never settles: nothing should start). Resolves with
 * null when the page is isolated, else with the reason it is not.
 */
export async function prepareDeployment(
  onUpdateReady: () => void,
): Promise<IsolationProblem | null> {
  if (import.meta.env.DEV) return isolationProblem(null); // the dev server sends the headers
  if (!('serviceWorker' in navigator) || !window.isSecureContext)
    return isolationProblem(window.isSecureContext ? 'noServiceWorker' : 'insecureContext');
  try {
    registration = await navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`);
  } catch {
    registration = null;
  }
  // (some embedders that block service workers resolve with nothing instead of throwing)
  if (!registration) return isolationProblem('noServiceWorker');
  watchForUpdates(registration, onUpdateReady);
  if (window.crossOriginIsolated) {
    forgetReload();
    return null;
  }
  if (reloadAttempted()) return 'serviceWorkerFailed';
  // first visit: wait until it has cached the app and claimed this page. (An active worker
  // that does not control the page means a hard reload, which bypassed it.)
  if (!navigator.serviceWorker.controller && !registration.active && !(await controlled()))
    return 'serviceWorkerPending';
  // controlled, but this document came without the headers: fetch it again through the worker
  if (!rememberReload()) return 'serviceWorkerFailed';
  window.location.reload();
  return new Promise<never>(() => undefined);
}

/** The new build's service worker takes over; the page reloads when it has. */
export function applyUpdate(): void {
  const waiting = registration?.waiting;
  if (!waiting) return;
  reloadRequested = true;
  waiting.postMessage({ type: 'skipWaiting' });
}

function isolationProblem(problem: IsolationProblem | null): IsolationProblem | null {
  return window.crossOriginIsolated ? null : (problem ?? 'noServiceWorker');
}

function controlled(): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), controlTimeout);
    navigator.serviceWorker.addEventListener(
      'controllerchange',
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      { once: true },
    );
  });
}

function watchForUpdates(registered: ServiceWorkerRegistration, onUpdateReady: () => void): void {
  // a waiting worker while another one controls the page is a newer deployment
  const check = () => {
    if (registered.waiting && navigator.serviceWorker.controller) onUpdateReady();
  };
  check();
  registered.addEventListener('updatefound', () => {
    const installing = registered.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') check();
    });
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloadRequested) window.location.reload();
  });
  // a lecture tab stays open for hours: look for a new deployment when it is shown again
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void registered.update().catch(() => undefined);
  });
}

function reloadAttempted(): boolean {
  try {
    return sessionStorage.getItem(reloadKey) !== null;
  } catch {
    return true; // no storage, no guard: never reload
  }
}

function rememberReload(): boolean {
  try {
    sessionStorage.setItem(reloadKey, String(Date.now()));
    return true;
  } catch {
    return false;
  }
}

function forgetReload(): void {
  try {
    sessionStorage.removeItem(reloadKey);
  } catch {
    // nothing to forget
  }
}
