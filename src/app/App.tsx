import { lazy, startTransition, Suspense, useEffect, useState } from 'react';
import { ExportMenu } from './ExportMenu';
import { InstructorPanel, useVisible } from '../controls/InstructorPanel';
import { ShortcutsDialog } from '../controls/ShortcutsDialog';
import { StageBar } from '../controls/StageBar';
import { StageGate } from '../controls/StageGate';
import { openLesson } from '../state/lesson-actions';
import { useShallow } from 'zustand/react/shallow';
import { visiblePanels } from '../panels/registry';
import { focusedPanel, registerPanelGrid } from '../state/panels';
import { setView } from '../state/store';
import { BackendBadge } from '../controls/BackendBadge';
import { ErrorBanner, NoticeBanner, UpdateBanner } from '../controls/Banners';
import { MetricsBar } from '../controls/MetricsBar';
import { PinnedRuns } from '../controls/PinnedRuns';
import { BlindSrControls } from '../controls/BlindSrControls';
import { EncoderNotice } from '../controls/EncoderNotice';
import { SimclrControls } from '../controls/SimclrControls';
import { Transport } from '../controls/Transport';
import { languages, type Language } from '../i18n';
import { useT } from '../state/useT';
import { switchLab, updateConfig } from '../state/actions';
import type { LabId } from '../state/config';
import { useStore } from '../state/store';
import './app.css';
// with the page, not with the lazy LessonPanel chunk: its rules keep their place in the
// cascade and are in place before the panel first renders
import './lesson.css';

const languageNames: Record<Language, string> = { en: 'English', zh: '简体中文' };

function ShareButton() {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      data-testid="share"
      onClick={() => {
        navigator.clipboard
          .writeText(window.location.href)
          .then(
            () => setState('copied'),
            () => setState('failed'),
          )
          .finally(() => setTimeout(() => setState('idle'), 2500));
      }}
    >
      {state === 'copied'
        ? t('share.copied')
        : state === 'failed'
          ? t('share.failed')
          : t('share.button')}
    </button>
  );
}

const labs: LabId[] = ['simclr', 'blindsr'];
// KaTeX and the lesson texts load only when a lesson opens
const LessonPanel = lazy(() => import('./LessonPanel'));

function Toast() {
  const t = useT();
  const toast = useStore((s) => s.toast);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => useStore.setState({ toast: null }), 5000);
    return () => clearTimeout(timer);
  }, [toast]);
  return toast ? (
    <div className="toast" role="status" data-testid="toast">
      {t(toast.key, toast.params)}
    </div>
  ) : null;
}

function LabTabs() {
  const t = useT();
  const lab = useStore((s) => s.config.lab);
  const visible = useVisible('labs');
  if (!visible) return null;
  return (
    <nav className="lab-tabs" role="tablist" aria-label={t('lab.label')}>
      {labs.map((id) => (
        <button
          key={id}
          type="button"
          role="tab"
          aria-selected={lab === id}
          className={lab === id ? 'active' : ''}
          data-testid={`lab-${id}`}
          onClick={() => switchLab(id)}
        >
          {t(`lab.${id}`)}
        </button>
      ))}
    </nav>
  );
}

/**
 * False for the page's first render, true from a transition right after it: what renders
 * behind it (the panels, the settings: most of the page) renders interruptibly, so the
 * worker's first messages — the snapshot that enables Play — are not held behind it. On a
 * fresh load the whole first render kept the page's thread for ~0.6 s (2 cores, cold code).
 */
function useAfterFirstRender(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => startTransition(() => setAfter(true)), []);
  return after;
}

/** The lab's panels, from the registry, in page order. */
function PanelGrid() {
  const panels = useStore(useShallow(visiblePanels));
  return (
    <div className="panel-grid" ref={registerPanelGrid}>
      {panels.map(({ id, component: Component }) => (
        <Component key={id} />
      ))}
    </div>
  );
}

export function App() {
  const t = useT();
  const language = useStore((s) => s.config.language);
  const lab = useStore((s) => s.config.lab);
  const lessonOpen = useStore((s) => s.config.lesson !== null);
  const focused = useStore(focusedPanel);
  const [instructor, setInstructor] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const rest = useAfterFirstRender();
  const presentation = useStore((s) => s.config.presentation);
  useEffect(() => {
    // rem-based sizes follow the root font size: one switch scales the whole page
    document.documentElement.toggleAttribute('data-presentation', presentation);
  }, [presentation]);
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <div className="header-tools">
          <label className="inline-control">
            {t('language.label')}{' '}
            <select
              data-testid="language"
              value={language}
              onChange={(e) => updateConfig({ language: e.target.value as Language })}
            >
              {languages.map((l) => (
                <option key={l} value={l}>
                  {languageNames[l]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            data-testid="lessons"
            aria-pressed={lessonOpen}
            onClick={() => openLesson()}
          >
            {t('lessons.button')}
          </button>
          <button
            type="button"
            data-testid="instructor"
            aria-pressed={instructor}
            onClick={() => setInstructor(!instructor)}
          >
            {t('instructor.button')}
          </button>
          <button
            type="button"
            data-testid="presentation"
            aria-pressed={presentation}
            onClick={() => updateConfig({ presentation: !presentation })}
          >
            {t('presentation.button')}
          </button>
          <ExportMenu />
          <ShareButton />
          <button
            type="button"
            aria-label={t('shortcuts.title')}
            data-testid="shortcuts-button"
            onClick={() => setView({ shortcutsOpen: true })}
          >
            ?
          </button>
        </div>
      </header>
      <LabTabs />
      <BackendBadge />
      <NoticeBanner />
      <UpdateBanner />
      {instructor ? <InstructorPanel /> : null}
      <ShortcutsDialog />
      <Toast />
      <ErrorBanner />
      {/* main first: keyboard and narrow screens reach the transport before the settings */}
      <div className="workspace">
        <main className="lab" data-lab={lab} data-focus={focused ?? ''}>
          <div className="transport-row" data-testid="transport-row">
            <Transport />
            <StageBar />
          </div>
          {lab === 'blindsr' ? <EncoderNotice /> : null}
          <PinnedRuns />
          {lessonOpen ? (
            <Suspense fallback={null}>
              <LessonPanel />
            </Suspense>
          ) : null}
          {lab === 'simclr' ? (
            <StageGate stage="similarity" mark={false}>
              <MetricsBar />
            </StageGate>
          ) : null}
          {rest ? <PanelGrid /> : null}
        </main>
        <div className="settings" data-open={settingsOpen ? 'true' : 'false'}>
          <button
            type="button"
            className="settings-toggle"
            data-testid="settings-toggle"
            aria-expanded={settingsOpen}
            onClick={() => setSettingsOpen(!settingsOpen)}
          >
            {settingsOpen ? '▾' : '▸'} {t('controls.title')}
          </button>
          {rest ? lab === 'simclr' ? <SimclrControls /> : <BlindSrControls /> : null}
        </div>
      </div>
    </div>
  );
}
