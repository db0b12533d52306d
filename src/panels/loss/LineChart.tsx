import { axisBottom, axisLeft, extent, line, scaleLinear, select } from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import type { HistoryPoint } from '../../state/history';
import type { Ghost } from '../common/usePinGhosts';
import { GhostLines } from './GhostLines';
import './loss.css';

export interface Series {
  id: string;
  label: string;
  color: string;
  points: HistoryPoint[];
  dashed?: boolean;
}

const margin = { top: 10, right: 12, bottom: 24, left: 42 };

/** Lines over steps with SVG axes; optional horizontal reference lines. */
export function LineChart({
  series,
  references = [],
  width = 460,
  height = 170,
  yDomain,
  testId,
  ariaLabel,
  xLabel,
  ghosts = [],
}: {
  series: Series[];
  /** pinned runs' curves, drawn under the live ones with their labels at their ends */
  ghosts?: Ghost[];
  references?: { value: number; label: string; color: string }[];
  width?: number;
  height?: number;
  yDomain?: [number, number];
  testId?: string;
  ariaLabel: string;
  /** a label at the right end of the x axis (default: none — the axis counts steps) */
  xLabel?: string;
}) {
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  const all = [...series, ...ghosts].flatMap((s) => s.points);
  const [minStep, maxStep] = extent(all, (p) => p.step) as [number | undefined, number | undefined];
  const values = [...all.map((p) => p.value), ...references.map((r) => r.value)].filter(
    Number.isFinite,
  );
  const low = yDomain?.[0] ?? Math.min(...values, 0);
  const high = yDomain?.[1] ?? Math.max(...values, 1);
  const first = minStep ?? 0;
  const last = Math.max(maxStep ?? 1, first + 1);
  const x = useMemo(
    () =>
      scaleLinear()
        .domain([first, last])
        .range([margin.left, width - margin.right]),
    [first, last, width],
  );
  const y = useMemo(
    () =>
      scaleLinear()
        .domain([low, high])
        .nice()
        .range([height - margin.bottom, margin.top]),
    [low, high, height],
  );

  // the axes again only when their scale changed: a chart whose data did not change is
  // re-rendered with its panel at every step
  useEffect(() => {
    if (xAxisRef.current) select(xAxisRef.current).call(axisBottom(x).ticks(5).tickSizeOuter(0));
  }, [x]);
  useEffect(() => {
    if (yAxisRef.current) select(yAxisRef.current).call(axisLeft(y).ticks(4));
  }, [y]);

  const path = line<HistoryPoint>()
    .defined((p) => Number.isFinite(p.value))
    .x((p) => x(p.step))
    .y((p) => y(p.value));

  return (
    <svg
      className="line-chart"
      data-testid={testId}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={ariaLabel}
    >
      <g ref={xAxisRef} transform={`translate(0, ${height - margin.bottom})`} />
      <g ref={yAxisRef} transform={`translate(${margin.left}, 0)`} />
      {xLabel && (
        <text
          x={width - margin.right}
          y={height - margin.bottom - 4}
          textAnchor="end"
          fontSize={11}
        >
          {xLabel}
        </text>
      )}
      {references.map((r) => (
        <g key={r.label}>
          <line
            x1={margin.left}
            x2={width - margin.right}
            y1={y(r.value)}
            y2={y(r.value)}
            stroke={r.color}
            strokeDasharray="5 4"
          />
          <text
            x={width - margin.right - 2}
            y={y(r.value) - 4}
            textAnchor="end"
            fontSize={10}
            fill={r.color}
          >
            {r.label}
          </text>
        </g>
      ))}
      <GhostLines
        ghosts={ghosts}
        x={x}
        y={y}
        path={path}
        right={width - margin.right}
        top={margin.top + 10}
        bottom={height - margin.bottom - 3}
      />
      {series.map((s) => (
        <path
          key={s.id}
          data-series={s.id}
          d={path(s.points) ?? ''}
          fill="none"
          stroke={s.color}
          strokeWidth={1.6}
          strokeDasharray={s.dashed ? '4 3' : undefined}
        />
      ))}
    </svg>
  );
}
