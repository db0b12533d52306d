import { Panel } from '../common/Panel';
import { interpolateRdBu, max, scaleBand, scaleLinear } from 'd3';
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { StageGate } from '../../controls/StageGate';
import { useT } from '../../state/useT';
import { useStore } from '../../state/store';
import { viridisTable, lookupIndex } from '../common/colors';
import './stages.css';
import { chartColors } from '../common/chart-style';

/**
 * One row per view, one column per dimension: h (viridis, ≥ 0 after ReLU and pooling) or
 * normalised z (diverging, blue < 0 < red). values: [rows, columns]
 */
function HeatStrip({
  values,
  rows,
  columns,
  diverging,
  label,
  testId,
}: {
  values: Float32Array;
  rows: number;
  columns: number;
  diverging: boolean;
  label: string;
  testId: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    let peak = 0;
    for (const v of values) peak = Math.max(peak, Math.abs(v));
    peak = peak || 1;
    const rgba = new Uint8ClampedArray(rows * columns * 4);
    for (let i = 0; i < rows * columns; i++) {
      if (diverging) {
        const colour = interpolateRdBu(0.5 - values[i] / (2 * peak));
        const [r, g, b] = colour.match(/\d+/g)!.map(Number);
        rgba.set([r, g, b, 255], i * 4);
      } else {
        const k = lookupIndex(values[i], 0, peak) * 3;
        rgba.set([viridisTable[k], viridisTable[k + 1], viridisTable[k + 2], 255], i * 4);
      }
    }
    context.putImageData(new ImageData(rgba, columns, rows), 0, 0);
  }, [values, rows, columns, diverging]);
  return (
    <div className="heat-strip-wrap">
      <span className="heat-strip-rows" aria-hidden="true">
        <span>a</span>
        <span>b</span>
      </span>
      <canvas
        ref={ref}
        width={columns}
        height={rows}
        className="heat-strip"
        data-testid={testId}
        role="img"
        aria-label={label}
        style={{ aspectRatio: `${columns} / ${Math.max(rows, columns / 8)}` }}
      />
    </div>
  );
}

/** Gradient norm of every layer as horizontal bars, with its value. */
function GradientBars({ layers }: { layers: { name: string; norm: number }[] }) {
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

/** Step by stage, SimCLR: what encode, project and update compute for the batch on screen. */
export function StagePanel() {
  const t = useT();
  const { probe, update, updating } = useStore(
    useShallow((s) => ({
      probe: s.stageData.probe,
      update: s.stageData.update,
      updating: s.stageData.updating,
    })),
  );
  return (
    <Panel
      id="stages"
      title={t('stage.panel.title')}
      className="panel-stages"
      attributes={{ 'data-testid': 'stage-panel' }}
    >
      <p className="caption">{t('stage.panel.caption')}</p>
      <div className="stage-sections">
        <StageGate stage="encode">
          {probe ? (
            <>
              <h3 className="stage-heading">
                {t('stage.encode.title', { views: probe.viewCount, dim: probe.hDim })}
              </h3>
              <HeatStrip
                values={probe.h}
                rows={probe.viewCount}
                columns={probe.hDim}
                diverging={false}
                label={t('stage.encode.title', { views: probe.viewCount, dim: probe.hDim })}
                testId="stage-h"
              />
            </>
          ) : (
            <p className="muted">{t('stage.noData')}</p>
          )}
        </StageGate>
        <StageGate stage="project">
          {probe ? (
            <>
              <h3 className="stage-heading">
                {t('stage.project.title', { views: probe.viewCount, dim: probe.zDim })}
              </h3>
              <HeatStrip
                values={probe.z}
                rows={probe.viewCount}
                columns={probe.zDim}
                diverging
                label={t('stage.project.title', { views: probe.viewCount, dim: probe.zDim })}
                testId="stage-z"
              />
            </>
          ) : (
            <p className="muted">{t('stage.noData')}</p>
          )}
        </StageGate>
        <StageGate stage="update">
          <h3 className="stage-heading">{t('stage.update.title')}</h3>
          {update ? (
            <>
              <p className="stage-update-loss" data-testid="stage-update-loss">
                {t('stage.update.loss', {
                  before: update.lossBefore.toFixed(4),
                  after: update.lossAfter.toFixed(4),
                })}
              </p>
              <p className="caption">{t('stage.update.gradients')}</p>
              <GradientBars layers={update.layers} />
            </>
          ) : (
            <p className="muted">{updating ? t('stage.update.working') : t('stage.noData')}</p>
          )}
        </StageGate>
      </div>
    </Panel>
  );
}
