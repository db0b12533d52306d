import { Panel } from '../common/Panel';
import { scaleLinear } from 'd3';
import { useEffect, useRef } from 'react';
import { useT } from '../../state/useT';
import { StageGate, useStageReached } from '../../controls/StageGate';
import { useStore } from '../../state/store';
import { ColorLegend } from '../common/ColorLegend';
import { viridisCss } from '../common/colors';
import { fitDomain } from '../embedding/scatter';

const size = 300;

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
    context.clearRect(0, 0, size, size);
    const domain = fitDomain(evaluation.points);
    const x = scaleLinear()
      .domain(domain.x)
      .range([10, size - 10]);
    const y = scaleLinear()
      .domain(domain.y)
      .range([size - 10, 10]);
    for (let i = 0; i < evaluation.sigma.length; i++) {
      context.fillStyle = viridisCss(evaluation.sigma[i], sigmaMin, sigmaMax);
      context.beginPath();
      // marker shape by content: the eye can check that content does not drive the layout
      const px = x(evaluation.points[i * 2]);
      const py = y(evaluation.points[i * 2 + 1]);
      const content = evaluation.content[i];
      if (content % 2 === 0) context.arc(px, py, 5, 0, 2 * Math.PI);
      else context.rect(px - 4.5, py - 4.5, 9, 9);
      context.fill();
      context.strokeStyle = '#333';
      context.lineWidth = 0.6;
      context.stroke();
    }
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
