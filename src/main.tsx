import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { parseLanguage, type Language } from './i18n';
import { debugHooks, pause, play, reset, startTraining, step } from './state/actions';
import { setView, useStore } from './state/store';
import { nextStage } from './state/stage-actions';
import { lessonConfigFromLink } from './state/lesson-actions';
import { addFiles, restoreUploads } from './state/uploads';
import { parseUrl, serializeUrl } from './state/url';
import './styles.css';

const languageKey = 'contrastive-playground.language';

function initialLanguage(): Language {
  const stored = parseLanguage(localStorage.getItem(languageKey));
  if (stored) return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const parsed = parseUrl(window.location.search, initialLanguage());
parsed.config = lessonConfigFromLink(parsed.config);
useStore.setState({
  config: parsed.config,
  notice: parsed.invalid.length > 0 ? parsed.invalid : null,
});
document.documentElement.lang = parsed.config.language === 'zh' ? 'zh-CN' : 'en';

// the address bar always holds the whole configuration
useStore.subscribe((state, previous) => {
  if (state.config === previous.config) return;
  const search = serializeUrl(state.config);
  if (search !== window.location.search)
    window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  if (state.config.language !== previous.config.language) {
    localStorage.setItem(languageKey, state.config.language);
    document.documentElement.lang = state.config.language === 'zh' ? 'zh-CN' : 'en';
  }
});
window.history.replaceState(null, '', `${window.location.pathname}${serializeUrl(parsed.config)}`);

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

// e2e and benchmark hooks: read-only state and simulated failures
Object.assign(window, { __playground: { store: useStore, debug: debugHooks } });

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
void startTraining();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
