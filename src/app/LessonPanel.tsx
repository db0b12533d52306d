import 'katex/dist/katex.min.css';
import { useEffect, useRef } from 'react';
import { useT } from '../state/useT';
import type { MessageKey } from '../i18n';
import { closeLesson, goToLessonStep, openLesson } from '../state/lesson-actions';
import { useStore } from '../state/store';
import { findLesson, lessons } from '../lessons/lessons';
import { panelElement } from '../state/panels';
import { LessonStepView } from './LessonStepView';

export default function LessonPanel() {
  const t = useT();
  const { lesson: lessonId, lessonStep } = useStore((s) => s.config);
  const lesson = findLesson(lessonId);
  const ref = useRef<HTMLElement>(null);
  const panel = lesson?.steps[lessonStep]?.panel ?? null;
  useEffect(() => {
    if (!panel) return;
    // the panel the text explains goes just below the docked text, so both are on screen;
    // checked again while a preset's new data reflows the panels above it
    const align = (behavior: ScrollBehavior) => {
      const target = panelElement(panel);
      const box = ref.current;
      if (!target || !box) return;
      const docked = getComputedStyle(box).position === 'sticky';
      // on narrow screens the transport row is what stays pinned at the top instead
      const transport = document.querySelector('[data-testid="transport-row"]');
      const pinned =
        transport && getComputedStyle(transport).position === 'sticky'
          ? transport.getBoundingClientRect().height
          : 0;
      const above = (docked ? box.getBoundingClientRect().height : pinned) + 8;
      const rect = target.getBoundingClientRect();
      const fits = rect.height <= window.innerHeight - above;
      // a panel taller than the room left need only show its top (its heading and first lines)
      const topShown = rect.top >= above - 1 && rect.top + 64 <= window.innerHeight;
      if (topShown && (rect.bottom <= window.innerHeight || !fits)) return;
      window.scrollTo({ top: window.scrollY + rect.top - above, behavior });
    };
    const frame = requestAnimationFrame(() => align('smooth'));
    // whenever the page reflows in the first seconds (a preset rebuilds, new data arrives),
    // not at guessed times; afterwards the reader scrolls freely
    const reflow = new ResizeObserver(() => align('auto'));
    // the lab's main column, which holds this panel and the panels it explains
    const column = ref.current?.parentElement;
    if (column) reflow.observe(column);
    const settle = setTimeout(() => reflow.disconnect(), 5000);
    return () => {
      cancelAnimationFrame(frame);
      reflow.disconnect();
      clearTimeout(settle);
    };
  }, [panel, lessonStep, lessonId]);
  return (
    <aside
      ref={ref}
      className="lesson-panel"
      data-testid="lesson-panel"
      aria-label={t('lessons.title')}
    >
      <header className="panel-header">
        <h2>{t('lessons.title')}</h2>
        <button type="button" className="link-button" onClick={closeLesson}>
          {t('lessons.close')}
        </button>
      </header>
      <label className="inline-control">
        {t('lessons.choose')}{' '}
        <select
          data-testid="lesson-select"
          value={lessonId ?? ''}
          onChange={(e) => openLesson(e.target.value)}
        >
          {lessons.map((l) => (
            <option key={l.id} value={l.id}>
              {t(`lab.${l.lab}`)} · {t(`lesson.${l.id}.title` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {lesson ? (
        <>
          <h3 data-testid="lesson-title">{t(`lesson.${lesson.id}.title` as MessageKey)}</h3>
          <LessonStepView key={`${lesson.id}/${lessonStep}`} lesson={lesson} index={lessonStep} />
          <div className="lesson-nav">
            <button
              type="button"
              data-testid="lesson-prev"
              disabled={lessonStep === 0}
              onClick={() => goToLessonStep(lessonStep - 1)}
            >
              ← {t('lessons.previous')}
            </button>
            <span data-testid="lesson-progress">
              {t('lessons.progress', { n: lessonStep + 1, total: lesson.steps.length })}
            </span>
            <button
              type="button"
              className="primary"
              data-testid="lesson-next"
              disabled={lessonStep >= lesson.steps.length - 1}
              onClick={() => goToLessonStep(lessonStep + 1)}
            >
              {t('lessons.next')} →
            </button>
          </div>
        </>
      ) : null}
    </aside>
  );
}
