import { chanceLoss } from '../../core/similarity';
import { useT } from '../../i18n/useT';
import { useStore } from '../../state/store';
import { categoricalColors } from '../common/colors';
import { Legend, LineChart } from './LineChart';

export function LossPanel() {
  const t = useT();
  const history = useStore((s) => s.history);
  const batchSize = useStore((s) => s.snapshot?.batchSize ?? s.config.simclr.batchSize);
  const chance = chanceLoss(2 * batchSize);
  const lossColor = categoricalColors[4];
  return (
    <section className="panel panel-loss" aria-labelledby="loss-title" data-panel="loss">
      <header className="panel-header">
        <h2 id="loss-title">{t('panel.loss.title')}</h2>
      </header>
      {history.loss.length === 0 ? <p className="empty">{t('panel.loss.empty')}</p> : null}
      <Legend
        items={[
          { label: t('panel.loss.loss'), color: lossColor },
          { label: t('panel.loss.chance'), color: '#888', dashed: true },
        ]}
      />
      <LineChart
        testId="loss-chart"
        ariaLabel={t('panel.loss.loss')}
        series={[
          { id: 'loss', label: t('panel.loss.loss'), color: lossColor, points: history.loss },
        ]}
        references={[{ value: chance, label: `log(2N−1) = ${chance.toFixed(2)}`, color: '#888' }]}
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
    </section>
  );
}
