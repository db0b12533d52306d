import { Panel } from '../common/Panel';
import { useEffect, useRef } from 'react';
import { useT } from '../../state/useT';
import { StageGate, useStageReached } from '../../controls/StageGate';
import { useStore } from '../../state/store';
import { viridisTable } from '../common/colors';
import { paintCells } from '../similarity/heatmap';
import { PixelCanvas } from '../../ui/PixelCanvas';
import './blindsr.css';

/** A blur kernel as a small heatmap, normalised to its peak. */
function KernelCanvas({ kernel, size }: { kernel: Float32Array; size: number }) {
  const t = useT();
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const rgba = paintCells(kernel, [0, Math.max(...kernel)], viridisTable);
    context.putImageData(new ImageData(rgba, size, size), 0, 0);
  }, [kernel, size]);
  return (
    <canvas
      ref={ref}
      width={size}
      height={size}
      className="thumb kernel"
      aria-label={t('panel.degradation.kernel')}
      role="img"
    />
  );
}

/** An LR image with its patch outlines (red: query, blue: key). */
function LowWithPatch({
  pixels,
  side,
  patchSize,
  patches,
  first,
}: {
  pixels: Float32Array;
  side: number;
  patchSize: number;
  patches: { x: number; y: number }[];
  first: number;
}) {
  return (
    <div className="view-original">
      <PixelCanvas pixels={pixels} size={side} className="thumb large" label="LR" />
      {patches.map((p, k) => (
        <div
          key={k}
          className={`crop-box patch-${first + k}`}
          style={{
            left: `${(p.x / side) * 100}%`,
            top: `${(p.y / side) * 100}%`,
            width: `${(patchSize / side) * 100}%`,
            height: `${(patchSize / side) * 100}%`,
          }}
        />
      ))}
    </div>
  );
}

/** A square patch [side, side, 3] cut from an RGB image [imageSide, imageSide, 3]. */
function cutPatch(pixels: Float32Array, imageSide: number, x: number, y: number, side: number) {
  const out = new Float32Array(side * side * 3);
  for (let row = 0; row < side; row++)
    out.set(
      pixels.subarray(((y + row) * imageSide + x) * 3, ((y + row) * imageSide + x + side) * 3),
      row * side * 3,
    );
  return out;
}

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
          <p className="caption">{t('stage.patches.title')}</p>
          <div className="patch-pairs">
            {snapshot.samples.map((sample, i) => {
              const side = sample.hrSize / scale;
              const key = sample.partnerLow ?? sample.low;
              return (
                <span className="patch-pair" key={i}>
                  <PixelCanvas
                    pixels={cutPatch(
                      sample.low,
                      side,
                      sample.patches[0].x,
                      sample.patches[0].y,
                      snapshot.patchSize,
                    )}
                    size={snapshot.patchSize}
                    className="thumb patch query"
                    label={t('stage.patches.query', { n: i + 1 })}
                  />
                  <PixelCanvas
                    pixels={cutPatch(
                      key,
                      side,
                      sample.patches[1].x,
                      sample.patches[1].y,
                      snapshot.patchSize,
                    )}
                    size={snapshot.patchSize}
                    className="thumb patch key"
                    label={t('stage.patches.key', { n: i + 1 })}
                  />
                </span>
              );
            })}
          </div>
        </StageGate>
      ) : null}
    </Panel>
  );
}
