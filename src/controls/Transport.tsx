import { useLayoutEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { markStartup } from '../worker/startup-marks';
import { useT } from '../state/useT';
import { pause, play, reset, step } from '../state/actions';
import { useStore } from '../state/store';
import './controls.css';

/** Play / pause / step / reset with the live counters. */
export function Transport() {
  const t = useT();
  const { running, stepCount, loss, stepsPerSecond, msPerStep, ready } = useStore(
    useShallow((s) => ({
      running: s.run.running,
      stepCount: s.run.step,
      loss: s.run.loss,
      stepsPerSecond: s.run.stepsPerSecond,
      msPerStep: s.run.msPerStep,
      ready:
        (s.config.lab === 'simclr'
          ? s.snapshot !== null
          : s.blindsrEvaluation !== null || s.lightbsr !== null) &&
        s.run.backend !== null &&
        s.run.error === null,
    })),
  );
  // the commit that enables Play (the page load's critical path, startup-marks.ts)
  useLayoutEffect(() => {
    if (ready) markStartup('page:play-enabled');
  }, [ready]);
  return (
    <div className="transport" role="toolbar" aria-label={t('transport.label')}>
      {running ? (
        <button
          type="button"
          className="primary"
          data-testid="pause"
          onClick={pause}
          aria-keyshortcuts="Space"
        >
          ❚❚ {t('transport.pause')}
        </button>
      ) : (
        <button
          type="button"
          className="primary"
          data-testid="play"
          onClick={play}
          disabled={!ready}
          aria-keyshortcuts="Space"
        >
          ▶ {t('transport.play')}
        </button>
      )}
      <button
        type="button"
        data-testid="step"
        onClick={step}
        disabled={!ready || running}
        aria-keyshortcuts="ArrowRight"
      >
        {t('transport.step')} +1
      </button>
      <button
        type="button"
        data-testid="reset"
        onClick={reset}
        disabled={!ready && !running}
        aria-keyshortcuts="r"
      >
        ↺ {t('transport.reset')}
      </button>
      <div className="counter">
        <span className="counter-label">{t('transport.stepCount')}</span>
        <span className="counter-value" data-testid="step-count">
          {stepCount}
        </span>
      </div>
      <div className="counter">
        <span className="counter-label">{t('transport.loss')}</span>
        <span className="counter-value" data-testid="loss-value">
          {loss === null ? '—' : loss.toFixed(4)}
        </span>
      </div>
      <div className="counter speed" data-testid="speed">
        {stepsPerSecond !== null && msPerStep !== null && stepCount > 0 ? (
          <>
            <span>{t('transport.speed', { rate: stepsPerSecond.toFixed(1) })}</span>
            <span className="muted">{t('transport.msPerStep', { ms: Math.round(msPerStep) })}</span>
          </>
        ) : !ready ? (
          <span className="muted">{t('transport.loading')}</span>
        ) : null}
      </div>
    </div>
  );
}
