import { Panel } from '../common/Panel';
import { useT } from '../../state/useT';
import { StageGate } from '../../controls/StageGate';
import { useStore } from '../../state/store';
import { categoricalColors } from '../common/colors';
import { usePinGhosts, usePinLegend, type Ghost } from '../common/usePinGhosts';
import type { HistoryPoint } from '../../state/history';
import { Legend } from '../loss/Legend';
import { LineChart } from '../loss/LineChart';

/** One curve over steps with its legend and pinned runs; nothing until it has a point. */
function OneCurve({
  id,
  testId,
  label,
  color,
  points,
  ghosts,
  yDomain,
}: {
  id: string;
  testId: string;
  label: string;
  color: string;
  points: HistoryPoint[];
  ghosts: Ghost[];
  yDomain?: [number, number];
}) {
  const pinLegend = usePinLegend();
  if (points.length === 0 && ghosts.length === 0) return null;
  return (
    <>
      <Legend items={[{ label, color }, ...pinLegend]} />
      <LineChart
        testId={testId}
        ariaLabel={label}
        height={110}
        yDomain={yDomain}
        ghosts={ghosts}
        series={[{ id, label, color, points }]}
      />
    </>
  );
}

export function BsrLossPanel() {
  const t = useT();
  const history = useStore((s) => s.history);
  const queueSize = useStore((s) => s.config.blindsr.queueSize);
  const lightbsr = useStore((s) => s.config.blindsr.pipeline === 'lightbsr');
  const chance = Math.log(queueSize + 1);
  const pinLegend = usePinLegend();
  const lossGhosts = usePinGhosts([{ metric: 'loss', name: t('panel.bsrLoss.contrast') }]);
  const spearmanGhosts = usePinGhosts([{ metric: 'spearman', name: t('panel.bsrLoss.spearman') }]);
  const l1Ghosts = usePinGhosts([{ metric: 'srLoss', name: t('panel.bsrLoss.l1') }]);
  const psnrGhosts = usePinGhosts([{ metric: 'psnrSr', name: t('pins.psnrChart') }]);
  const curves = [
    {
      id: 'spearman',
      testId: 'spearman-chart',
      label: t('panel.bsrLoss.spearman'),
      color: categoricalColors[2],
      points: history.spearman,
      ghosts: spearmanGhosts,
      yDomain: [0, 1] as [number, number],
    },
    {
      id: 'l1',
      testId: 'sr-loss-chart',
      label: t('panel.bsrLoss.l1'),
      color: categoricalColors[5],
      points: history.srLoss,
      ghosts: l1Ghosts,
    },
    {
      id: 'psnr',
      testId: 'psnr-steps-chart',
      label: t('pins.psnrChart'),
      color: categoricalColors[4],
      points: history.psnrSr,
      ghosts: psnrGhosts,
    },
  ];
  return (
    <Panel id="bsr-loss" title={t('panel.bsrLoss.title')}>
      {/* measured on the DASR pipeline; LightBSR's teacher sees the kernel and starts low */}
      {lightbsr ? null : <p className="caption">{t('panel.bsrLoss.risesFirst')}</p>}
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
        {/* LightBSR reports |ρ| per model in its own panel: no |ρ| chart here */}
        {curves
          .filter((curve) => !(lightbsr && curve.id === 'spearman'))
          .map((curve) => (
            <OneCurve key={curve.id} {...curve} />
          ))}
      </StageGate>
    </Panel>
  );
}
