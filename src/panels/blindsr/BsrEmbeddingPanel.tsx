import { Panel } from '../common/Panel';
import { useEffect, useRef } from 'react';
import { useT } from '../../state/useT';
import { StageGate, useStageReached } from '../../controls/StageGate';
import { useStore } from '../../state/store';
import { ColorLegend } from '../common/ColorLegend';
import { viridisCss } from '../common/colors';
import { chartColors, chartSizes } from '../common/chart-style';
import { drawScatter, toScreen } from '../common/draw-scatter';

const style = chartSizes.degradationEmbedding;
const size = style.side;

/** PCA of the degradation representation of a fixed grid (blur levels × contents), coloured by σ. */
export function BsrEmbeddingPanel() {
  const t = useT();
  const evaluation = useStore((s) => s.blindsrEvaluation);
  const { sigmaMin, sigmaMax } = useStore((s) => s.config.blindsr);
  const revealed = useStageReached('encode').reached;
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context || !evaluation) return;
    const screen = toScreen(evaluation.points, size, style.padding);
    // marker shape by content: the eye can check that content does not drive the layout
    drawScatter(context, size, screen, (i) => {
      const circle = evaluation.content[i] % 2 === 0;
      return {
        shape: circle ? 'circle' : 'square',
        radius: circle ? style.radius : style.square,
        fill: viridisCss(evaluation.sigma[i], sigmaMin, sigmaMax),
        fillAlpha: 1,
        stroke: chartColors.markerOutline,
        lineWidth: style.outline,
      };
    });
  }, [evaluation, sigmaMin, sigmaMax, revealed]);
  return (
    <Panel
      id="bsr-embedding"
      title={t('panel.bsrEmbedding.title')}
      actions={
        <>
          {evaluation ? (
            <strong data-testid="spearman-value">
              {t('panel.bsrEmbedding.spearman', {
                value: Math.abs(evaluation.spearmanSigma).toFixed(2),
              })}
            </strong>
          ) : null}
        </>
      }
    >
      <p className="caption">{t('panel.bsrEmbedding.caption')}</p>
      <StageGate stage="encode">
        <div className="heatmap-wrap">
          <canvas
            ref={ref}
            width={size}
            height={size}
            className="embedding-canvas"
            data-testid="bsr-embedding"
            role="img"
            aria-label={t('panel.bsrEmbedding.title')}
          />
          <ColorLegend domain={[sigmaMin, sigmaMax]} label="σ" height={size} />
        </div>
      </StageGate>
    </Panel>
  );
}
