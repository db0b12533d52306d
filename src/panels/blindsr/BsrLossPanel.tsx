import { Panel } from '../common/Panel';
import { useT } from '../../state/useT';
import { StageGate } from '../../controls/StageGate';
import { useStore } from '../../state/store';
import { categoricalColors } from '../common/colors';
import { usePinGhosts, usePinLegend } from '../common/usePinGhosts';
import { Legend } from '../loss/Legend';
import { LineChart } from '../loss/LineChart';

export function BsrLossPanel() {
  const t = useT();
  const history = useStore((s) => s.history);
  const queueSize = useStore((s) => s.config.blindsr.queueSize);
  const chance = Math.log(queueSize + 1);
  const pinLegend = usePinLegend();
  const lossGhosts = usePinGhosts([{ metric: 'loss', name: t('panel.bsrLoss.contrast') }]);
  const spearmanGhosts = usePinGhosts([{ metric: 'spearman', name: t('panel.bsrLoss.spearman') }]);
  const l1Ghosts = usePinGhosts([{ metric: 'srLoss', name: t('panel.bsrLoss.l1') }]);
  const psnrGhosts = usePinGhosts([{ metric: 'psnrSr', name: t('pins.psnrChart') }]);
  return (
    <Panel id="bsr-loss" title={t('panel.bsrLoss.title')}>
      <p className="caption">{t('panel.bsrLoss.risesFirst')}</p>
      <StageGate stage="update">
        <Legend
          items={[
            { label: t('panel.bsrLoss.contrast'), color: categoricalColors[4] },
            { label: t('panel.bsrLoss.chance'), color: '#888', dashed: true },
            ...pinLegend,
          ]}
        />
        <LineChart
          testId="loss-chart"
          ariaLabel={t('panel.bsrLoss.contrast')}
          height={150}
          ghosts={lossGhosts}
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
        {/* LightBSR reports |ρ| per model in its own panel: no empty chart here */}
        {history.spearman.length > 0 || spearmanGhosts.length > 0 ? (
          <>
            <Legend
              items={[
                { label: t('panel.bsrLoss.spearman'), color: categoricalColors[2] },
                ...pinLegend,
              ]}
            />
            <LineChart
              testId="spearman-chart"
              ariaLabel={t('panel.bsrLoss.spearman')}
              height={110}
              yDomain={[0, 1]}
              ghosts={spearmanGhosts}
              series={[
                {
                  id: 'spearman',
                  label: t('panel.bsrLoss.spearman'),
                  color: categoricalColors[2],
                  points: history.spearman,
                },
              ]}
            />
          </>
        ) : null}
        {history.srLoss.length > 0 || l1Ghosts.length > 0 ? (
          <>
            <Legend
              items={[{ label: t('panel.bsrLoss.l1'), color: categoricalColors[5] }, ...pinLegend]}
            />
            <LineChart
              testId="sr-loss-chart"
              ariaLabel={t('panel.bsrLoss.l1')}
              height={110}
              ghosts={l1Ghosts}
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
        {history.psnrSr.length > 0 || psnrGhosts.length > 0 ? (
          <>
            <Legend
              items={[{ label: t('pins.psnrChart'), color: categoricalColors[4] }, ...pinLegend]}
            />
            <LineChart
              testId="psnr-steps-chart"
              ariaLabel={t('pins.psnrChart')}
              height={110}
              ghosts={psnrGhosts}
              series={[
                {
                  id: 'psnr',
                  label: t('pins.psnrChart'),
                  color: categoricalColors[4],
                  points: history.psnrSr,
                },
              ]}
            />
          </>
        ) : null}
      </StageGate>
    </Panel>
  );
}
