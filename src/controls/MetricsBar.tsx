import { useT } from '../state/useT';
import { useStore } from '../state/store';
import './controls.css';

/** The current batch's geometry: is the positive found, are pairs aligned, is the sphere used. */
export function MetricsBar() {
  const t = useT();
  const snapshot = useStore((s) => s.snapshot);
  const fmt = (v: number | undefined, digits = 3) => (v === undefined ? '—' : v.toFixed(digits));
  return (
    <div className="metrics-bar">
      <span className="metric" title={t('panel.metrics.accuracyHelp')}>
        {t('panel.metrics.accuracy')}:{' '}
        <strong data-testid="accuracy-value">
          {snapshot?.recentPositiveAccuracy != null
            ? `${(snapshot.recentPositiveAccuracy * 100).toFixed(0)} %`
            : '—'}
        </strong>
      </span>
      <span className="metric" title={t('panel.metrics.alignment.help')}>
        {t('panel.metrics.alignment')}:{' '}
        <strong data-testid="alignment-value">{fmt(snapshot?.alignment)}</strong>
      </span>
      <span className="metric" title={t('panel.metrics.uniformity.help')}>
        {t('panel.metrics.uniformity')}:{' '}
        <strong data-testid="uniformity-value">{fmt(snapshot?.uniformity)}</strong>
      </span>
    </div>
  );
}
