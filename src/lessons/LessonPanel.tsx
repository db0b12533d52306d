import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';
import { useT } from '../i18n/useT';
import type { MessageKey } from '../i18n';
import { closeLesson, goToLessonStep, openLesson } from '../state/lesson-actions';
import { useStore } from '../state/store';
import { findLesson, lessons } from './lessons';
import { splitMath } from './math';

/** Lesson text with its formulas typeset by KaTeX (our own catalogue text only). */
function MathText({ text }: { text: string }) {
  const html = useMemo(
    () =>
      splitMath(text)
        .map((part) =>
          part.kind === 'text'
            ? part.value.replace(
                /[&<>]/g,
                (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c,
              )
            : katex.renderToString(part.value, {
                displayMode: part.kind === 'display',
                throwOnError: false,
              }),
        )
        .join(''),
    [text],
  );
  return (
    <p
      className="lesson-text"
      data-testid="lesson-text"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

export default function LessonPanel() {
  const t = useT();
  const { lesson: lessonId, lessonStep } = useStore((s) => s.config);
  const lesson = findLesson(lessonId);
  return (
    <aside className="lesson-panel" data-testid="lesson-panel" aria-label={t('lessons.title')}>
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
          <MathText text={t(`lesson.${lesson.id}.${lessonStep + 1}` as MessageKey)} />
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
