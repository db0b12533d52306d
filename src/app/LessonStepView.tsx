import katex from 'katex';
import { useMemo } from 'react';
import type { MessageKey } from '../i18n';
import { figureParams } from '../lessons/figures';
import type { Lesson } from '../lessons/lessons';
import { splitMath } from '../lessons/math';
import { formatMetric, readMetric } from '../lessons/metrics';
import { lessonKey, runLessonStep } from '../state/lesson-run';
import { useStore } from '../state/store';
import { useT } from '../state/useT';

/** Lesson text with its formulas typeset by KaTeX (our own catalogue text only). */
export function MathText({
  text,
  className,
  testId,
  inline,
}: {
  text: string;
  className?: string;
  testId?: string;
  /** a span (inside a button), not a paragraph */
  inline?: boolean;
}) {
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
  const Element = inline ? 'span' : 'p';
  return (
    <Element
      className={className ?? 'lesson-text'}
      data-testid={testId}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/**
 * One step: scene → question → the student's prediction (or skip) → the step's own run
 * with a progress bar → what this run measured → whether the prediction held, and why.
 */
export function LessonStepView({ lesson, index }: { lesson: Lesson; index: number }) {
  const t = useT();
  const step = lesson.steps[index];
  const base = `lesson.${lesson.id}.${index + 1}`;
  const text = (key: string) => t(key as MessageKey, { ...figureParams, budget: step.budget });
  const predictions = useStore((s) => s.config.predictions);
  const lessonRun = useStore((s) => s.lessonRun);
  const runStep = useStore((s) => s.run.step);
  const current = lessonRun.key === lessonKey(lesson.id, index) ? lessonRun : null;
  const phase = current?.phase ?? 'question';
  const choice = current?.choice ?? null;
  const { start, end } = current ?? { start: null, end: null };
  const outcome = phase === 'done' && start && end ? step.judge(start, end) : null;
  const trains = step.budget > 0;
  const progress =
    current && current.toStep > current.fromStep
      ? Math.max(0, Math.min(1, (runStep - current.fromStep) / (current.toStep - current.fromStep)))
      : 0;
  return (
    <div className="lesson-step" data-phase={phase}>
      <MathText text={text(base)} testId="lesson-text" />
      <div className="lesson-question" data-testid="lesson-question">
        <MathText text={text(`${base}.q`)} className="lesson-question-text" />
        {predictions ? (
          <div
            className="lesson-predictions"
            role="radiogroup"
            aria-label={t('lessons.predict')}
            data-testid="lesson-predictions"
          >
            {step.answers.map((answer) => (
              <button
                key={answer}
                type="button"
                role="radio"
                aria-checked={choice === answer}
                data-testid="lesson-prediction"
                data-answer={answer}
                disabled={phase === 'running'}
                className={choice === answer ? 'chosen' : undefined}
                onClick={() => void runLessonStep(answer)}
              >
                <MathText text={text(`${base}.${answer}`)} className="lesson-answer" inline />
              </button>
            ))}
            <button
              type="button"
              className="link-button"
              data-testid="lesson-skip"
              disabled={phase === 'running'}
              onClick={() => void runLessonStep('skip')}
            >
              {t('lessons.skip')}
            </button>
          </div>
        ) : (
          <button
            type="button"
            className="primary"
            data-testid="lesson-run"
            disabled={phase === 'running'}
            onClick={() => void runLessonStep('skip')}
          >
            {trains ? t('lessons.runSteps', { n: step.budget }) : t('lessons.show')}
          </button>
        )}
      </div>
      {phase === 'running' ? (
        <div className="lesson-running" data-testid="lesson-running">
          {current?.preparing ? <p>{t('lessons.preparing')}</p> : null}
          <progress
            max={1}
            value={progress}
            aria-label={t('lessons.progressLabel')}
            data-testid="lesson-progress-bar"
          />
        </div>
      ) : null}
      {phase === 'failed' ? <p role="alert">{t('lessons.failed')}</p> : null}
      {phase === 'done' && start && end ? (
        <>
          <div className="lesson-observed" data-testid="lesson-observed">
            <strong>{t('lessons.observed')}</strong>
            <ul>
              {step.observe.map((id) => {
                const before = formatMetric(id, readMetric(id, start));
                const after = formatMetric(id, readMetric(id, end));
                return (
                  <li key={id} data-metric={id}>
                    {t(`lessons.metric.${id}` as MessageKey)}:{' '}
                    {trains && before !== after && before !== '—' ? `${before} → ${after}` : after}
                  </li>
                );
              })}
            </ul>
            {trains ? (
              <span className="lesson-steps">
                {t('lessons.inSteps', { n: end.step - start.step })}
              </span>
            ) : null}
          </div>
          <div className="lesson-explain" data-testid="lesson-explain" data-outcome={outcome}>
            {choice && choice !== 'skip' && predictions ? (
              <p className={choice === outcome ? 'held' : 'missed'}>
                {choice === outcome
                  ? t('lessons.held')
                  : t('lessons.missed', { answer: text(`${base}.${outcome}`) })}
              </p>
            ) : (
              <p>{t('lessons.outcome', { answer: text(`${base}.${outcome}`) })}</p>
            )}
            <MathText
              text={text(step.explainsEachOutcome ? `${base}.why.${outcome}` : `${base}.why`)}
            />
            {outcome !== step.expected ? <p>{t('lessons.unusual')}</p> : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
