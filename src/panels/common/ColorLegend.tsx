import { scaleLinear } from 'd3';
import { useMemo } from 'react';
import { viridisCss } from './colors';
import { chartColors } from './chart-style';

/** A vertical colour bar with its value axis, in SVG. */
export function ColorLegend({
  domain,
  label,
  height = 384,
}: {
  domain: [number, number];
  label: string;
  height?: number;
}) {
  const stops = useMemo(
    () =>
      Array.from({ length: 11 }, (_, i) => ({
        offset: `${i * 10}%`,
        color: viridisCss(i / 10, 0, 1),
      })),
    [],
  );
  const scale = scaleLinear()
    .domain(domain)
    .range([height - 6, 6]);
  const ticks = scale.ticks(5);
  return (
    <svg className="color-legend" width={64} height={height} aria-label={label} role="img">
      <defs>
        <linearGradient id="legend-gradient" x1="0" x2="0" y1="1" y2="0">
          {stops.map((s) => (
            <stop key={s.offset} offset={s.offset} stopColor={s.color} />
          ))}
        </linearGradient>
      </defs>
      <rect
        x={4}
        y={6}
        width={14}
        height={height - 12}
        fill="url(#legend-gradient)"
        stroke={chartColors.legendFrame}
        strokeWidth={0.5}
      />
      {ticks.map((tick) => (
        <g key={tick} transform={`translate(18, ${scale(tick)})`}>
          <line x2={4} stroke={chartColors.legendTick} />
          <text x={7} dy="0.32em" fontSize={10} fill="currentColor">
            {Math.abs(tick) < 1e-9 ? 0 : tick}
          </text>
        </g>
      ))}
    </svg>
  );
}
