import { max, scaleBand, scaleLinear } from 'd3';
import { chartColors } from '../common/chart-style';

/** Gradient norm of every layer as horizontal bars, with its value. */
export function GradientBars({ layers }: { layers: { name: string; norm: number }[] }) {
  const width = 380;
  const rowHeight = 20;
  const left = 70;
  const height = layers.length * rowHeight + 6;
  const x = scaleLinear()
    .domain([0, max(layers, (l) => l.norm) || 1])
    .range([0, width - left - 70]);
  const y = scaleBand<string>()
    .domain(layers.map((l) => l.name))
    .range([3, height - 3])
    .padding(0.2);
  return (
    <svg
      className="gradient-bars"
      data-testid="gradient-norms"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={layers.map((l) => `${l.name}: ${l.norm.toPrecision(3)}`).join(', ')}
    >
      {layers.map((l) => (
        <g key={l.name} transform={`translate(0, ${y(l.name) ?? 0})`}>
          <text x={left - 6} y={y.bandwidth() / 2} dy="0.32em" textAnchor="end" fontSize={12}>
            {l.name}
          </text>
          <rect
            x={left}
            width={Math.max(1, x(l.norm))}
            height={y.bandwidth()}
            fill={chartColors.bar}
          />
          <text
            x={left + Math.max(1, x(l.norm)) + 4}
            y={y.bandwidth() / 2}
            dy="0.32em"
            fontSize={12}
          >
            {l.norm.toPrecision(3)}
          </text>
        </g>
      ))}
    </svg>
  );
}
