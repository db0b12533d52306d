import { scaleBand, scaleLinear } from 'd3';
import { rowLoss } from '../../core/simclr/similarity';
import { useT } from '../../state/useT';
import { viewLabel } from './heatmap';
import { chartColors } from '../common/chart-style';

/** Stage "loss": ℓ_i = −log softmax_i(positive) of every anchor, as bars (SimCLR eq. 1). */
export function AnchorLosses({
  similarity,
  viewCount,
  temperature,
}: {
  similarity: Float32Array;
  viewCount: number;
  temperature: number;
}) {
  const t = useT();
  const width = 384;
  const height = 110;
  const margin = { top: 6, right: 6, bottom: 20, left: 34 };
  const anchors = Array.from({ length: viewCount }, (_, i) => i);
  const losses = anchors.map((i) => rowLoss(similarity, viewCount, i, temperature));
  const mean = losses.reduce((a, b) => a + b, 0) / Math.max(1, viewCount);
  const x = scaleBand<number>()
    .domain(anchors)
    .range([margin.left, width - margin.right])
    .padding(0.15);
  const y = scaleLinear()
    .domain([0, Math.max(...losses.filter(Number.isFinite), 1e-6)])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const labelEvery = Math.ceil(viewCount / 16);
  return (
    <figure className="anchor-losses" data-testid="anchor-losses">
      <figcaption>{t('stage.loss.title', { mean: mean.toFixed(4) })}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={t('stage.loss.title', { mean: mean.toFixed(4) })}
      >
        {y.ticks(3).map((tick) => (
          <g key={tick} transform={`translate(${margin.left}, ${y(tick)})`}>
            <line x1={-3} x2={width - margin.left - margin.right} stroke={chartColors.zeroLine} />
            <text x={-5} dy="0.32em" textAnchor="end" fontSize={10}>
              {tick}
            </text>
          </g>
        ))}
        {anchors.map((i) => (
          <g key={i}>
            <rect
              x={x(i)}
              y={y(Number.isFinite(losses[i]) ? losses[i] : 0)}
              width={x.bandwidth()}
              height={height - margin.bottom - y(Number.isFinite(losses[i]) ? losses[i] : 0)}
              fill={chartColors.accent}
            />
            {i % labelEvery === 0 ? (
              <text
                x={(x(i) ?? 0) + x.bandwidth() / 2}
                y={height - margin.bottom + 13}
                textAnchor="middle"
                fontSize={10}
              >
                {viewLabel(i, viewCount)}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
    </figure>
  );
}
