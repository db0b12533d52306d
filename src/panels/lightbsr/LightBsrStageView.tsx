import { useEffect, useRef } from 'react';
import { patchSize } from '../../core/blindsr/config';
import type { BlindSrSample } from '../../core/blindsr/types';
import type { MessageKey } from '../../i18n/en';
import { useStore } from '../../state/store';
import { useT } from '../../state/useT';
import { PixelCanvas } from '../../ui/PixelCanvas';
import { viridisTable } from '../common/colors';
import { paintCells } from '../similarity/heatmap';

/** A square patch [side, side, 3] at (x, y) of an RGB image [imageSide, imageSide, 3]. */
function cutPatch(pixels: Float32Array, imageSide: number, x: number, y: number, side: number) {
  const out = new Float32Array(side * side * 3);
  for (let row = 0; row < side; row++) {
    const from = ((y + row) * imageSide + x) * 3;
    out.set(pixels.subarray(from, from + side * 3), row * side * 3);
  }
  return out;
}

/** One row of values as a strip of cells (viridis over the row's own range). */
function Strip({ values, label }: { values: Float32Array; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context || values.length === 0) return;
    let low = Infinity;
    let high = -Infinity;
    for (const v of values) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
    const rgba = paintCells(values, [low, high > low ? high : low + 1], viridisTable);
    context.putImageData(new ImageData(rgba, values.length, 1), 0, 0);
  }, [values]);
  return (
    <canvas
      ref={ref}
      width={Math.max(1, values.length)}
      height={1}
      className="lightbsr-strip"
      role="img"
      aria-label={label}
      data-testid="lightbsr-stage-signal"
    />
  );
}

/** The LR patch a step trains on (quadrant 0), and the HR patch under it. */
function patchesOf(sample: BlindSrSample) {
  const { x, y } = sample.patches[0];
  const lowSide = Math.round(Math.sqrt(sample.low.length / 3));
  const scale = sample.hrSize / lowSide;
  return {
    low: cutPatch(sample.low, lowSide, x, y, patchSize),
    hr: cutPatch(sample.hr, sample.hrSize, x * scale, y * scale, patchSize * scale),
    hrSide: patchSize * scale,
  };
}

/**
 * Stage mode of the LightBSR pipeline: the samples the current stage trains on; from the
 * second stage of the step on, what it learns from beside each (prior codes, the teacher's
 * h, or the HR target).
 */
export function LightBsrStageView() {
  const t = useT();
  const stageMode = useStore((s) => s.view.stageMode);
  const stageIndex = useStore((s) => s.view.stageIndex);
  const batch = useStore((s) => s.lightbsrBatch);
  const stage = useStore((s) => s.config.blindsr.stage);
  // a batch of another stage is stale: the current stage's comes with the next preview
  if (!stageMode || !batch || batch.stage !== stage || batch.samples.length === 0) return null;
  const signalShown = stageIndex >= 1;
  const row = (i: number) =>
    batch.side && batch.sideDim > 0
      ? batch.side.subarray(i * batch.sideDim, (i + 1) * batch.sideDim)
      : null;
  return (
    <section
      className="lightbsr-stage"
      data-testid="lightbsr-stage-batch"
      data-stage={batch.stage}
      data-step={batch.step}
    >
      <h4>{t('lightbsr.stage.batch', { stage: batch.stage })}</h4>
      <p className="caption">{t(`lightbsr.stage.caption.${batch.stage}` as MessageKey)}</p>
      <ul className="lightbsr-stage-samples">
        {batch.samples.slice(0, 4).map((sample, i) => {
          const patches = patchesOf(sample);
          const values = row(i);
          return (
            <li key={i}>
              <PixelCanvas
                pixels={patches.low}
                size={patchSize}
                className="thumb"
                label="LR"
                data-testid="lightbsr-stage-patch"
              />
              <span className="lightbsr-stage-sigma">σ {sample.degradation.sigma.toFixed(2)}</span>
              {signalShown && batch.stage === 3 ? (
                <PixelCanvas
                  pixels={patches.hr}
                  size={patches.hrSide}
                  className="thumb"
                  label={t('lightbsr.stage.hr')}
                  data-testid="lightbsr-stage-signal"
                />
              ) : null}
              {signalShown && batch.stage !== 3 && values ? (
                <Strip
                  values={values}
                  label={t(batch.stage === 1 ? 'lightbsr.stage.prior' : 'lightbsr.stage.target')}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {signalShown && batch.stage === 2 && !batch.side ? (
        <p className="caption">{t('lightbsr.stage.noTarget')}</p>
      ) : null}
      {signalShown && batch.stage !== 3 && batch.side ? (
        <p className="caption">
          {t(batch.stage === 1 ? 'lightbsr.stage.prior' : 'lightbsr.stage.target')}
        </p>
      ) : null}
    </section>
  );
}
