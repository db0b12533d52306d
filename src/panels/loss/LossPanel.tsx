import { chanceLoss } from '../../core/similarity';
import { useT } from '../../i18n/useT';
import { StageGate } from '../../controls/StageGate';
import { useStore } from '../../state/store';
import { categoricalColors } from '../common/colors';
import { Legend, LineChart } from './LineChart';

export function LossPanel() {
  const t = useT();
  const history = useStore((s) => s.history);
  const batchSize = useStore((s) => s.snapshot?.batchSize ?? s.config.simclr.batchSize);
  const noNegatives = useStore((s) => s.config.simclr.noNegatives);
  const temperature = useStore((s) => s.config.simclr.temperature);
  const chance = chanceLoss(2 * batchSize);
  const lossColor = categoricalColors[4];
  // the positive-only objective −mean cos(z_i, z_i⁺)/τ has no chance level: its floor −1/τ
  // is reached by mapping every view to one point
  const lossLabel = noNegatives ? t('panel.loss.positiveOnly') : t('panel.loss.loss');
  return (
    <section className="panel panel-loss" aria-labelledby="loss-title" data-panel="loss">
      <header className="panel-header">
        <h2 id="loss-title">{t('panel.loss.title')}</h2>
      </header>
      <StageGate stage="update" mark={false}>
        {history.loss.length === 0 ? <p className="empty">{t('panel.loss.empty')}</p> : null}
        <Legend
          items={[
            { label: lossLabel, color: lossColor },
            noNegatives
              ? { label: t('panel.loss.positiveFloor'), color: '#888', dashed: true }
              : { label: t('panel.loss.chance'), color: '#888', dashed: true },
          ]}
        />
        {noNegatives ? (
          <p className="caption" data-testid="positive-only-note">
            {t('panel.loss.positiveOnlyNote')}
          </p>
        ) : null}
        <LineChart
          testId="loss-chart"
          ariaLabel={lossLabel}
          series={[{ id: 'loss', label: lossLabel, color: lossColor, points: history.loss }]}
          references={
            noNegatives
              ? [
                  {
                    value: -1 / temperature,
                    label: `−1/τ = ${(-1 / temperature).toFixed(2)}`,
                    color: '#888',
                  },
                ]
              : [{ value: chance, label: `log(2N−1) = ${chance.toFixed(2)}`, color: '#888' }]
          }
        />
        <Legend
          items={[
            { label: t('panel.loss.accuracy'), color: categoricalColors[2] },
            { label: t('panel.metrics.knn'), color: categoricalColors[5] },
          ]}
        />
        <LineChart
          testId="accuracy-chart"
          ariaLabel={t('panel.loss.accuracy')}
          height={120}
          yDomain={[0, 1]}
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
          ]}
        />
        <Legend
          items={[
            { label: t('panel.loss.alignment'), color: categoricalColors[0] },
            { label: t('panel.loss.uniformity'), color: categoricalColors[6] },
          ]}
        />
        <LineChart
          testId="geometry-chart"
          ariaLabel={`${t('panel.loss.alignment')} / ${t('panel.loss.uniformity')}`}
          height={120}
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
    </section>
  );
}
