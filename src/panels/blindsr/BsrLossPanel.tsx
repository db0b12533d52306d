import { Panel } from '../common/Panel';
import { useT } from '../../state/useT';
import { StageGate } from '../../controls/StageGate';
import { useStore } from '../../state/store';
import { categoricalColors } from '../common/colors';
import { Legend, LineChart } from '../loss/LineChart';

export function BsrLossPanel() {
  const t = useT();
  const history = useStore((s) => s.history);
  const queueSize = useStore((s) => s.config.blindsr.queueSize);
  const chance = Math.log(queueSize + 1);
  return (
    <Panel id="bsr-loss" title={t('panel.bsrLoss.title')}>
      <p className="caption">{t('panel.bsrLoss.risesFirst')}</p>
      <StageGate stage="update">
        <Legend
          items={[
            { label: t('panel.bsrLoss.contrast'), color: categoricalColors[4] },
            { label: t('panel.bsrLoss.chance'), color: '#888', dashed: true },
          ]}
        />
        <LineChart
          testId="loss-chart"
          ariaLabel={t('panel.bsrLoss.contrast')}
          height={150}
          series={[
            {
              id: 'loss',
              label: t('panel.bsrLoss.contrast'),
              color: categoricalColors[4],
              points: history.loss,
            },
          ]}
          references={[{ value: chance, label: `log(K+1) = ${chance.toFixed(2)}`, color: '#888' }]}
        />
        <Legend items={[{ label: t('panel.bsrLoss.spearman'), color: categoricalColors[2] }]} />
        <LineChart
          testId="spearman-chart"
          ariaLabel={t('panel.bsrLoss.spearman')}
          height={110}
          yDomain={[0, 1]}
          series={[
            {
              id: 'spearman',
              label: t('panel.bsrLoss.spearman'),
              color: categoricalColors[2],
              points: history.spearman,
            },
          ]}
        />
        {history.srLoss.length > 0 ? (
          <>
            <Legend items={[{ label: t('panel.bsrLoss.l1'), color: categoricalColors[5] }]} />
            <LineChart
              testId="sr-loss-chart"
              ariaLabel={t('panel.bsrLoss.l1')}
              height={110}
              series={[
                {
                  id: 'l1',
                  label: t('panel.bsrLoss.l1'),
                  color: categoricalColors[5],
                  points: history.srLoss,
                },
              ]}
            />
          </>
        ) : null}
      </StageGate>
    </Panel>
  );
}
