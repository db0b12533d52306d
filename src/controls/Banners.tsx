import { applyUpdate } from '../deploy/register';
import { useT } from '../state/useT';
import { startTraining } from '../state/actions';
import { useStore } from '../state/store';
import type { BackendName } from '../worker/backend-choice';

/** A failed worker: what happened, in plain words, and a way back. Settings and images stay. */
export function ErrorBanner() {
  const t = useT();
  const error = useStore((s) => s.run.error);
  const backend = useStore((s) => s.run.backend?.name);
  if (!error) return null;
  const alternative: BackendName = backend === 'wasm' ? 'cpu' : 'wasm';
  return (
    <div className="banner error" role="alert" data-testid="error-banner" data-code={error.code}>
      <strong>{t('error.title')}</strong>{' '}
      <span>{t(`error.${error.code}`, { message: error.message })}</span>
      <div className="banner-actions">
        <button type="button" data-testid="restart" onClick={() => void startTraining()}>
          {t('error.restart')}
        </button>
        <button type="button" onClick={() => void startTraining(alternative)}>
          {t('error.restartOn', { backend: alternative })}
        </button>
      </div>
    </div>
  );
}

/** What a link asked for and did not get as written: replaced, clamped or overridden. */
export function NoticeBanner() {
  const t = useT();
  const notice = useStore((s) => s.notice);
  if (!notice || notice.length === 0) return null;
  const invalid = notice.filter((p) => p.kind === 'invalid');
  const clamped = notice.filter((p) => p.kind === 'clamped');
  const lessonLab = notice.find((p) => p.kind === 'lessonLab');
  return (
    <div className="banner notice" role="status" data-testid="notice">
      <span>
        {invalid.length > 0 ? (
          <span data-testid="notice-invalid">
            {t('notice.badLink', { fields: invalid.map((p) => p.key).join(', ') })}{' '}
          </span>
        ) : null}
        {clamped.length > 0 ? (
          <span data-testid="notice-clamped">
            {t('notice.clamped', {
              fields: clamped
                .map((p) => (p.kind === 'clamped' ? `${p.key} ${p.value} → ${p.used}` : ''))
                .join(', '),
            })}{' '}
          </span>
        ) : null}
        {lessonLab?.kind === 'lessonLab' ? (
          <span data-testid="notice-lesson-lab">
            {t('notice.lessonLab', { lab: t(`lab.${lessonLab.used}`), asked: lessonLab.value })}
          </span>
        ) : null}
      </span>
      <button
        type="button"
        className="link-button"
        onClick={() => useStore.setState({ notice: null })}
      >
        {t('notice.dismiss')}
      </button>
    </div>
  );
}

/** A newer build was deployed and its service worker waits: offer to switch now. */
export function UpdateBanner() {
  const t = useT();
  const updateReady = useStore((s) => s.deployment.updateReady);
  if (!updateReady) return null;
  return (
    <div className="banner notice" role="status" data-testid="update-banner">
      <span>{t('update.available')} —</span>
      <button type="button" data-testid="update-reload" onClick={applyUpdate}>
        {t('update.reload')}
      </button>
    </div>
  );
}
