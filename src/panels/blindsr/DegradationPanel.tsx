import { Panel } from '../common/Panel';
import { useT } from '../../state/useT';
import { StageGate, useStageReached } from '../../controls/StageGate';
import { useStore } from '../../state/store';
import { PixelCanvas } from '../../ui/PixelCanvas';
import { KernelCanvas, LowWithPatch } from './DegradationThumbs';
import { PatchPairs } from './PatchPairs';
import './blindsr.css';

export function DegradationPanel() {
  const t = useT();
  const snapshot = useStore((s) => s.blindsr);
  const scale = useStore((s) => s.config.blindsr.scale);
  const stageMode = useStore((s) => s.view.stageMode);
  // step by stage: the patch outlines appear at "patches", after the degradation
  const patchesShown = useStageReached('patches').reached;
  return (
    <Panel id="degradation" title={t('panel.degradation.title')}>
      <p className="caption">{t('panel.degradation.caption')}</p>
      {snapshot && snapshot.samples.length > 0 ? (
        <StageGate stage="degrade">
          <div className="degradation-rows">
            {snapshot.samples.map((sample, i) => (
              <div className="degradation-row" key={i}>
                <PixelCanvas
                  pixels={sample.hr}
                  size={sample.hrSize}
                  className="thumb large"
                  label="HR"
                />
                <span className="arrow">∗</span>
                <KernelCanvas kernel={sample.kernel} size={sample.kernelSize} />
                <span className="arrow">↓{scale}</span>
                <LowWithPatch
                  pixels={sample.low}
                  side={sample.hrSize / scale}
                  patchSize={snapshot.patchSize}
                  patches={
                    !patchesShown ? [] : sample.partnerLow ? [sample.patches[0]] : sample.patches
                  }
                  first={0}
                />
                {sample.partnerLow ? (
                  <>
                    <span className="arrow" title={t('panel.degradation.partner')}>
                      ⇄
                    </span>
                    <LowWithPatch
                      pixels={sample.partnerLow}
                      side={sample.hrSize / scale}
                      patchSize={snapshot.patchSize}
                      patches={patchesShown ? [sample.patches[1]] : []}
                      first={1}
                    />
                  </>
                ) : null}
                <span className="degradation-params">
                  {t('panel.degradation.params', {
                    sigma: sample.degradation.sigma.toFixed(2),
                    noise: sample.degradation.noise.toFixed(1),
                  })}
                </span>
              </div>
            ))}
          </div>
        </StageGate>
      ) : (
        <p className="empty">{t('panel.loss.empty')}</p>
      )}
      {stageMode && snapshot && snapshot.samples.length > 0 ? (
        <StageGate stage="patches">
          <PatchPairs samples={snapshot.samples} patchSize={snapshot.patchSize} scale={scale} />
        </StageGate>
      ) : null}
    </Panel>
  );
}
