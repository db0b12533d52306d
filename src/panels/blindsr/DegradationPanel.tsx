import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/useT';
import { useStore } from '../../state/store';
import { viridisTable } from '../common/colors';
import { paintCells } from '../similarity/heatmap';
import { PixelCanvas } from '../common/PixelCanvas';

/** A blur kernel as a small heatmap, normalised to its peak. */
function KernelCanvas({ kernel, size }: { kernel: Float32Array; size: number }) {
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
      aria-label="blur kernel"
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

export function DegradationPanel() {
  const t = useT();
  const snapshot = useStore((s) => s.blindsr);
  const scale = useStore((s) => s.config.blindsr.scale);
  return (
    <section className="panel" aria-labelledby="degradation-title" data-panel="degradation">
      <header className="panel-header">
        <h2 id="degradation-title">{t('panel.degradation.title')}</h2>
      </header>
      <p className="caption">{t('panel.degradation.caption')}</p>
      {snapshot ? (
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
                patches={sample.partnerLow ? [sample.patches[0]] : sample.patches}
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
                    patches={[sample.patches[1]]}
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
      ) : (
        <p className="empty">{t('panel.loss.empty')}</p>
      )}
    </section>
  );
}
