import { useEffect } from 'react';
import type { MessageKey } from '../i18n';
import { useT } from '../state/useT';
import { currentStages, enterStageMode, exitStageMode, nextStage } from '../state/stage-actions';
import { stageCatalogue } from '../lessons/lessons';
import { setView, useStore } from '../state/store';
import './controls.css';

const slowMotionInterval = 1500; // ms per stage

/** GAN-Lab-style stepping through one training step, stage by stage, with slow motion. */
export function StageBar() {
  const t = useT();
  const catalogue = useStore((s) => stageCatalogue(s.config.lab, s.config.blindsr.pipeline));
  const { stageMode, stageIndex, slowMotion } = useStore((s) => s.view);
  const running = useStore((s) => s.run.running);
  useEffect(() => {
    if (!stageMode || !slowMotion) return;
    const timer = setInterval(nextStage, slowMotionInterval);
    return () => clearInterval(timer);
  }, [stageMode, slowMotion]);
  if (!stageMode) {
    return (
      <button type="button" data-testid="stage-mode" onClick={enterStageMode} disabled={running}>
        {t('stages.button')}
      </button>
    );
  }
  const stages = currentStages();
  const stage = stages[stageIndex];
  return (
    <div
      className="stage-bar"
      role="group"
      aria-label={t('stages.button')}
      data-testid="stage-bar"
      data-stage={stage.id}
    >
      <strong data-testid="stage-label" aria-live="polite">
        {t('stages.label', {
          n: stageIndex + 1,
          total: stages.length,
          name: t(`stage.${catalogue}.${stage.id}` as MessageKey),
        })}
      </strong>
      <ol className="stage-dots" aria-hidden="true">
        {stages.map((s, i) => (
          <li key={s.id} className={i === stageIndex ? 'current' : i < stageIndex ? 'done' : ''} />
        ))}
      </ol>
      <button
        type="button"
        className="primary"
        data-testid="stage-next"
        onClick={nextStage}
        aria-keyshortcuts="ArrowRight"
      >
        {t('stages.next')} →
      </button>
      <label className="inline-control">
        <input
          type="checkbox"
          data-testid="slow-motion"
          checked={slowMotion}
          onChange={(e) => setView({ slowMotion: e.target.checked })}
        />
        {t('stages.slow')}
      </label>
      <button type="button" className="link-button" onClick={exitStageMode}>
        {t('stages.exit')}
      </button>
    </div>
  );
}
