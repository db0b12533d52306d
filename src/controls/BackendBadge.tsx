import { useT } from '../state/useT';
import { useStore } from '../state/store';

/** Which backend trains, and why — in words a student can act on. */
export function BackendBadge() {
  const t = useT();
  const backend = useStore((s) => s.run.backend);
  const isolation = useStore((s) => s.deployment.isolation);
  if (!backend) {
    return (
      <div className="backend-badge" data-testid="backend" data-backend="">
        {t('backend.starting')}
      </div>
    );
  }
  const reason = t(`backendReason.${backend.reason}`, { requested: backend.requested ?? '' });
  // threads are a wasm matter: SharedArrayBuffer exists only in a cross-origin isolated page
  const problem = isolation && !isolation.isolated ? isolation.problem : null;
  let threads = '';
  if (backend.threads !== null) {
    if (backend.threads > 1) threads = t('backend.threads', { threads: backend.threads });
    else if (problem) threads = t('backend.notIsolated');
    // one thread by choice where there are more cores (worker/backend-choice.ts)
    else
      threads = navigator.hardwareConcurrency > 1 ? t('backend.threadSpare') : t('backend.thread');
  }
  return (
    <div
      className="backend-badge"
      data-testid="backend"
      data-backend={backend.name}
      data-threads={backend.threads ?? ''}
      title={[backend.adapter, problem ? null : t('backend.isolated')].filter(Boolean).join(' · ')}
    >
      <strong>
        {t('backend.label')}: {backend.name}
        {threads ? ` · ${threads}` : ''}
      </strong>
      {problem && backend.threads !== null ? (
        <span className="muted" data-testid="isolation-problem" data-problem={problem}>
          {' '}
          ({t(`isolation.${problem}`)})
        </span>
      ) : null}
      <span className="muted"> — {reason}</span>
      {backend.reason === 'fellBack'
        ? backend.failures.map((failure) => (
            <span
              key={failure.name}
              className="backend-failure"
              data-testid="backend-failure"
              data-backend={failure.name}
            >
              {failure.wasmFile
                ? t('backendFailure.wasmFile', { detail: failure.wasmFile })
                : t('backendFailure.other', { backend: failure.name, message: failure.message })}
            </span>
          ))
        : null}
    </div>
  );
}
