import { encoderUntrained, trainStage1First } from '../state/stage1-first';
import { useStore } from '../state/store';
import { useT } from '../state/useT';

/** Stage 2 on an encoder that stage 1 never trained: say so, and offer stage 1 first. */
export function EncoderNotice() {
  const t = useT();
  const untrained = useStore(encoderUntrained);
  const training = useStore((s) => s.stage1First);
  const step = useStore((s) => s.run.step);
  if (training) {
    const { fromStep, toStep } = training;
    return (
      <div className="banner notice" role="status" data-testid="encoder-training">
        <span>{t('bsr.untrained.training', { n: toStep - fromStep })}</span>{' '}
        <progress
          max={toStep - fromStep}
          value={Math.max(0, step - fromStep)}
          aria-label={t('bsr.untrained.training', { n: toStep - fromStep })}
        />
      </div>
    );
  }
  if (!untrained) return null;
  return (
    <div className="banner notice" role="status" data-testid="encoder-untrained">
      <span>{t('bsr.untrained.text')}</span>
      <div className="banner-actions">
        <button type="button" className="primary" onClick={() => void trainStage1First()}>
          {t('bsr.untrained.button')}
        </button>
      </div>
    </div>
  );
}
