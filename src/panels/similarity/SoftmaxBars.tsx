import { scaleBand, scaleLinear } from 'd3';
import { positiveOf, rowLoss, rowSoftmax } from '../../core/simclr/similarity';
import { useT } from '../../state/useT';
import { setView } from '../../state/store';
import { viewLabel } from './heatmap';
import { chartColors } from '../common/chart-style';

const width = 460;
const height = 150;
const margin = { top: 8, right: 8, bottom: 22, left: 36 };

/** One anchor's softmax over its 2N − 1 candidates, the positive marked, with its loss term. */
export function SoftmaxBars({
  similarity,
  viewCount,
  row,
  temperature,
}: {
  similarity: Float32Array;
  viewCount: number;
  row: number;
  temperature: number;
}) {
  const t = useT();
  const probabilities = rowSoftmax(similarity, viewCount, row, temperature);
  const candidates = Array.from({ length: viewCount }, (_, k) => k).filter((k) => k !== row);
  const positive = positiveOf(row, viewCount);
  const x = scaleBand<number>()
    .domain(candidates)
    .range([margin.left, width - margin.right])
    .padding(0.15);
  const maxP = Math.max(...candidates.map((k) => probabilities[k]), 1e-6);
  const y = scaleLinear()
    .domain([0, maxP])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const loss = rowLoss(similarity, viewCount, row, temperature);
  return (
    <div className="softmax-bars" data-testid="softmax-bars">
      <div className="softmax-header">
        <strong>
          {t('panel.softmax.title', { row: viewLabel(row, viewCount), count: viewCount - 1 })}
        </strong>
        <span data-testid="row-loss">{t('panel.softmax.loss', { loss: loss.toFixed(4) })}</span>
        <button
          type="button"
          className="link-button"
          onClick={() => setView({ selectedRow: null })}
        >
          {t('panel.softmax.close')}
        </button>
      </div>
      <svg
        width="100%"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('panel.softmax.title', {
          row: viewLabel(row, viewCount),
          count: viewCount - 1,
        })}
      >
        {y.ticks(3).map((tick) => (
          <g key={tick} transform={`translate(0, ${y(tick)})`}>
            <line x1={margin.left} x2={width - margin.right} stroke={chartColors.baseline} />
            <text x={margin.left - 4} dy="0.32em" textAnchor="end" fontSize={9} fill="currentColor">
              {tick}
            </text>
          </g>
        ))}
        {candidates.map((k) => (
          <rect
            key={k}
            x={x(k)}
            y={y(probabilities[k])}
            width={x.bandwidth()}
            height={y(0) - y(probabilities[k])}
            fill={k === positive ? chartColors.positive : chartColors.candidate}
          >
            <title>
              {viewLabel(k, viewCount)}: {probabilities[k].toFixed(4)}
            </title>
          </rect>
        ))}
        <text
          x={(x(positive) ?? 0) + x.bandwidth() / 2}
          y={height - 6}
          textAnchor="middle"
          fontSize={10}
          fill={chartColors.positive}
        >
          {t('panel.softmax.positive')}
        </text>
      </svg>
    </div>
  );
}
