import { useT } from '../i18n/useT';
import { useStore } from '../state/store';

/** Which backend trains, and why — in words a student can act on. */
export function BackendBadge() {
  const t = useT();
  const backend = useStore((s) => s.run.backend);
  if (!backend) {
    return (
      <div className="backend-badge" data-testid="backend" data-backend="">
        {t('backend.starting')}
      </div>
    );
  }
  const reason = t(`backendReason.${backend.reason}`, { requested: backend.requested ?? '' });
  const threads = backend.threads ? ` · ${t('backend.threads', { threads: backend.threads })}` : '';
  return (
    <div
      className="backend-badge"
      data-testid="backend"
      data-backend={backend.name}
      title={backend.adapter ?? undefined}
    >
      <strong>
        {t('backend.label')}: {backend.name}
        {threads}
      </strong>
      <span className="muted"> — {reason}</span>
    </div>
  );
}
