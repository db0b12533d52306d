import { useEffect, useRef } from 'react';
import type { EmbeddingReadout } from '../../core/blindsr/lightbsr';
import { useStore } from '../../state/store';
import { useT } from '../../state/useT';
import { chartColors, chartSizes } from '../common/chart-style';
import { viridisCss } from '../common/colors';
import { drawScatter, toScreen } from '../common/draw-scatter';

const style = chartSizes.modelEmbedding;

/** One model's PCA of the blur grid, coloured by σ, with its |ρ| and η². */
export function ModelEmbedding({
  readout,
  sigma,
  title,
  testId,
}: {
  readout: EmbeddingReadout;
  sigma: Float32Array;
  title: string;
  testId: string;
}) {
  const t = useT();
  const { sigmaMin, sigmaMax } = useStore((s) => s.config.blindsr);
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const screen = toScreen(readout.points, style.side, style.padding);
    drawScatter(context, style.side, screen, (i) => ({
      shape: 'circle',
      radius: style.radius,
      fill: viridisCss(sigma[i], sigmaMin, sigmaMax),
      fillAlpha: 1,
      stroke: chartColors.markerOutline,
      lineWidth: style.outline,
    }));
  }, [readout, sigma, sigmaMin, sigmaMax]);
  return (
    <figure className="lightbsr-embedding">
      <figcaption>{title}</figcaption>
      <canvas
        ref={ref}
        width={style.side}
        height={style.side}
        data-testid={`${testId}-embedding`}
        role="img"
        aria-label={title}
      />
      <div data-testid={`${testId}-rho`}>
        {t('lightbsr.rho', { value: readout.rho.toFixed(2) })}
      </div>
      <div className="lightbsr-share">
        {t('lightbsr.sigmaShare', { value: readout.sigmaShare.toFixed(2) })}
      </div>
    </figure>
  );
}
