import { Panel } from '../common/Panel';
import { useShallow } from 'zustand/react/shallow';
import { StageGate } from '../../controls/StageGate';
import { useT } from '../../state/useT';
import { useStore } from '../../state/store';
import { GradientBars } from './GradientBars';
import { HeatStrip } from './HeatStrip';
import './stages.css';

/** h (encode) or z (project) of the batch on screen, one row per view. */
function ProbeStrip({ of }: { of: 'h' | 'z' }) {
  const t = useT();
  const probe = useStore((s) => s.stageData.probe);
  if (!probe) return <p className="muted">{t('stage.noData')}</p>;
  const dim = of === 'h' ? probe.hDim : probe.zDim;
  const title = t(of === 'h' ? 'stage.encode.title' : 'stage.project.title', {
    views: probe.viewCount,
    dim,
  });
  return (
    <>
      <h3 className="stage-heading">{title}</h3>
      <HeatStrip
        values={probe[of]}
        rows={probe.viewCount}
        columns={dim}
        diverging={of === 'z'}
        label={title}
        testId={`stage-${of}`}
      />
    </>
  );
}

/** Step by stage, SimCLR: what encode, project and update compute for the batch on screen. */
export function StagePanel() {
  const t = useT();
  const { update, updating } = useStore(
    useShallow((s) => ({
      update: s.stageData.update,
      updating: s.stageData.updating,
    })),
  );
  return (
    <Panel
      id="stages"
      title={t('stage.panel.title')}
      className="panel-stages"
      attributes={{ 'data-testid': 'stage-panel' }}
    >
      <p className="caption">{t('stage.panel.caption')}</p>
      <div className="stage-sections">
        <StageGate stage="encode">
          <ProbeStrip of="h" />
        </StageGate>
        <StageGate stage="project">
          <ProbeStrip of="z" />
        </StageGate>
        <StageGate stage="update">
          <h3 className="stage-heading">{t('stage.update.title')}</h3>
          {update ? (
            <>
              <p className="stage-update-loss" data-testid="stage-update-loss">
                {t('stage.update.loss', {
                  before: update.lossBefore.toFixed(4),
                  after: update.lossAfter.toFixed(4),
                })}
              </p>
              <p className="caption">{t('stage.update.gradients')}</p>
              <GradientBars layers={update.layers} />
            </>
          ) : (
            <p className="muted">{updating ? t('stage.update.working') : t('stage.noData')}</p>
          )}
        </StageGate>
      </div>
    </Panel>
  );
}
