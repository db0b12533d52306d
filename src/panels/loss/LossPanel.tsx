import { Panel } from '../common/Panel';
import { useT } from '../../state/useT';
import { StageGate } from '../../controls/StageGate';
import { useStore } from '../../state/store';
import { categoricalColors } from '../common/colors';
import { usePinGhosts, usePinLegend } from '../common/usePinGhosts';
import { Legend } from './Legend';
import { LineChart } from './LineChart';
import { lossReference } from './loss-reference';

export function LossPanel() {
  const t = useT();
  const history = useStore((s) => s.history);
  const batchSize = useStore((s) => s.snapshot?.batchSize ?? s.config.simclr.batchSize);
  const noNegatives = useStore((s) => s.config.simclr.noNegatives);
  const temperature = useStore((s) => s.config.simclr.temperature);
  const method = useStore((s) => s.config.simclr.method);
  const stopGradient = useStore((s) => s.config.simclr.stopGradient);
  const queueSize = useStore((s) => s.snapshot?.queue?.capacity ?? s.config.simclr.queueSize);
  const lossColor = categoricalColors[4];
  const { lossLabel, reference } = lossReference(
    { method, noNegatives, temperature, stopGradient },
    batchSize,
    queueSize,
    t,
  );
  const pinLegend = usePinLegend();
  const lossGhosts = usePinGhosts([{ metric: 'loss', name: lossLabel }]);
  const accuracyGhosts = usePinGhosts([
    { metric: 'accuracy', name: t('pins.metric.accuracy') },
    { metric: 'knn', name: t('pins.metric.knn') },
  ]);
  const geometryGhosts = usePinGhosts([
    { metric: 'alignment', name: t('pins.metric.alignment') },
    { metric: 'uniformity', name: t('pins.metric.uniformity') },
  ]);
  const positiveOnly = method === 'simclr' && noNegatives;
  const nonContrastive = method === 'simsiam' || method === 'byol';
  return (
    <Panel
      id="loss"
      title={t('panel.loss.title')}
      className="panel-loss"
      attributes={{ 'data-method': method, 'data-reference': reference.label }}
    >
      <StageGate stage="update" mark={false}>
        {history.loss.length === 0 ? <p className="empty">{t('panel.loss.empty')}</p> : null}
        <Legend
          items={[
            { label: lossLabel, color: lossColor },
            { label: reference.legend, color: '#888', dashed: true },
            ...pinLegend,
          ]}
        />
        {nonContrastive ? (
          <p className="caption" data-testid="non-contrastive-note">
            {t('panel.loss.noNegativesNote')}
          </p>
        ) : null}
        {positiveOnly ? (
          <p className="caption" data-testid="positive-only-note">
            {t('panel.loss.positiveOnlyNote')}
          </p>
        ) : null}
        <LineChart
          testId="loss-chart"
          ariaLabel={lossLabel}
          series={[{ id: 'loss', label: lossLabel, color: lossColor, points: history.loss }]}
          ghosts={lossGhosts}
          references={[{ value: reference.value, label: reference.label, color: '#888' }]}
        />
        <Legend
          items={[
            { label: t('panel.loss.accuracy'), color: categoricalColors[2] },
            { label: t('panel.metrics.knn'), color: categoricalColors[5] },
            { label: t('panel.metrics.knnZ'), color: categoricalColors[5], dashed: true },
            ...pinLegend,
          ]}
        />
        <LineChart
          testId="accuracy-chart"
          ariaLabel={t('panel.loss.accuracy')}
          height={120}
          yDomain={[0, 1]}
          ghosts={accuracyGhosts}
          series={[
            {
              id: 'accuracy',
              label: t('panel.loss.accuracy'),
              color: categoricalColors[2],
              points: history.accuracy,
            },
            {
              id: 'knn',
              label: t('panel.metrics.knn'),
              color: categoricalColors[5],
              points: history.knn,
            },
            {
              id: 'knn-projection',
              label: t('panel.metrics.knnZ'),
              color: categoricalColors[5],
              points: history.knnProjection,
              dashed: true,
            },
          ]}
        />
        <Legend
          items={[
            { label: t('panel.loss.alignment'), color: categoricalColors[0] },
            { label: t('panel.loss.uniformity'), color: categoricalColors[6] },
            ...pinLegend,
          ]}
        />
        <LineChart
          testId="geometry-chart"
          ariaLabel={`${t('panel.loss.alignment')} / ${t('panel.loss.uniformity')}`}
          height={120}
          ghosts={geometryGhosts}
          series={[
            {
              id: 'alignment',
              label: t('panel.loss.alignment'),
              color: categoricalColors[0],
              points: history.alignment,
            },
            {
              id: 'uniformity',
              label: t('panel.loss.uniformity'),
              color: categoricalColors[6],
              points: history.uniformity,
            },
          ]}
        />
      </StageGate>
    </Panel>
  );
}
