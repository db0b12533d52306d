// variables, resets and shared rules first: every component's CSS comes after them
import './base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prepareDeployment } from './deploy/register';
import { parseLanguage, type Language } from './i18n';
import { pause, play, reset, startTraining, step, workerStarted } from './state/actions';
import { debugHooks } from './state/debug-hooks';
import { setDeployment, setView, useStore } from './state/store';
import { nextStage } from './state/stage-actions';
import { addFiles, restoreUploads, useUploads } from './state/uploads';
import { uploadCounters } from './data/uploads';
import { testHooksEnabled } from './state/test-hooks';
import { parseUrl, serializeUrl } from './state/url';

const languageKey = 'contrastive-playground.language';

function initialLanguage(): Language {
  const stored = parseLanguage(localStorage.getItem(languageKey));
  if (stored) return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const parsed = parseUrl(window.location.search, initialLanguage());
useStore.setState({
  config: parsed.config,
  notice: parsed.problems.length > 0 ? parsed.problems : null,
});
document.documentElement.lang = parsed.config.language === 'zh' ? 'zh-CN' : 'en';

// the address bar always holds the whole configuration
useStore.subscribe((state, previous) => {
  if (state.config === previous.config) return;
  const search = serializeUrl(state.config);
  if (search !== window.location.search)
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${search}${window.location.hash}`,
    );
  if (state.config.language !== previous.config.language) {
    localStorage.setItem(languageKey, state.config.language);
    document.documentElement.lang = state.config.language === 'zh' ? 'zh-CN' : 'en';
  }
});
// the fragment (#panel-loss) is the reader's place on the page: keep it
window.history.replaceState(
  null,
  '',
  `${window.location.pathname}${serializeUrl(parsed.config)}${window.location.hash}`,
);

window.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  if (
    target &&
    (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))
  )
    return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  // a focused widget (matrix, views, sliders) used the key itself
  if (event.defaultPrevented) return;
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

// e2e and benchmark hooks: read-only state and simulated failures, only in development
// builds or when the page was opened with the test flag (state/test-hooks.ts)
if (testHooksEnabled())
  Object.assign(window, {
    __playground: { store: useStore, uploads: useUploads, uploadCounters, debug: debugHooks },
  });

// drop images anywhere on the page
window.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
});
window.addEventListener('drop', (event) => {
  const files = Array.from(event.dataTransfer?.files ?? []);
  if (files.length === 0) return;
  event.preventDefault();
  void addFiles(files);
});

void restoreUploads();
// Training waits for the service worker only when it must: on a first visit without
// isolation headers the page reloads once (through it) to get WebAssembly threads. A page
// that is already isolated never reloads, so its worker (tfjs, wasm compile, model) starts
// now, alongside the first render — page load → first step (issue #12).
const isolatedAlready = window.crossOriginIsolated;
if (isolatedAlready) void startTraining();
void prepareDeployment(() => setDeployment({ updateReady: true }))
  .catch(() => (window.crossOriginIsolated ? null : ('noServiceWorker' as const)))
  .then((problem) => {
    setDeployment({ isolation: problem ? { isolated: false, problem } : { isolated: true } });
    if (!isolatedAlready) void startTraining();
  });

const render = () =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// Chrome starts the worker's thread only while this thread is free: render once it exists
// (a few tens of ms), so the worker loads tfjs and compiles wasm while the first render runs
if (isolatedAlready) void workerStarted(250).then(render);
else render();
