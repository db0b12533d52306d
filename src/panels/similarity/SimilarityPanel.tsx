import { Panel } from '../common/Panel';
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { StageGate, useStageReached } from '../../controls/StageGate';
import { useT } from '../../state/useT';
import type { SimilarityMode } from '../../state/config';
import { useStore } from '../../state/store';
import { chartSizes } from '../common/chart-style';
import { ColorLegend } from '../common/ColorLegend';
import { cellValues, valueDomain, viewLabel } from './heatmap';
import { drawMatrix } from './draw-matrix';
import { matrixHandlers } from './matrix-events';
import { ModeSelect } from './ModeSelect';
import { AnchorLosses } from './AnchorLosses';
import { BatchReadout } from './BatchReadout';
import { SoftmaxBars } from './SoftmaxBars';
import './similarity.css';

const pixels = chartSizes.matrix;

export function SimilarityPanel() {
  const t = useT();
  const { snapshot, temperature, mode, selectedRow, hoveredCell } = useStore(
    useShallow((s) => ({
      snapshot: s.snapshot,
      temperature: s.config.simclr.temperature,
      mode: s.config.similarityMode,
      selectedRow: s.view.selectedRow,
      hoveredCell: s.view.hoveredCell,
    })),
  );
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const viewCount = snapshot ? snapshot.batchSize * 2 : 0;
  const stageMode = useStore((s) => s.view.stageMode);
  // step by stage: the matrix appears at "similarity"; at "loss" it shows the row softmax
  const revealed = useStageReached('similarity').reached;
  const atLossStage = useStageReached('loss').current;
  const shownMode: SimilarityMode = atLossStage ? 'softmax' : mode;

  // recomputed on the page from cached similarities: τ acts at once, no training step
  const values = useMemo(
    () => (snapshot ? cellValues(snapshot.similarity, viewCount, mode, temperature) : null),
    [snapshot, viewCount, mode, temperature],
  );
  const domain = useMemo<[number, number]>(
    () => (values ? valueDomain(values, shownMode, temperature) : [0, 1]),
    [values, shownMode, temperature],
  );

  useEffect(() => {
    const context = canvasRef.current?.getContext('2d');
    if (!context) return;
    if (values)
      drawMatrix(context, pixels, { values, domain, viewCount, selectedRow, hoveredCell });
    else context.clearRect(0, 0, pixels, pixels);
  }, [values, domain, viewCount, selectedRow, hoveredCell, revealed]);

  const hoveredValue =
    hoveredCell && values ? values[hoveredCell.row * viewCount + hoveredCell.column] : null;
  const format = (v: number) => (shownMode === 'softmax' ? v.toFixed(3) : v.toFixed(2));

  return (
    <Panel
      id="similarity"
      title={t('panel.similarity.title')}
      className="panel-similarity"
      actions={<ModeSelect />}
    >
      <p className="caption">{t('panel.similarity.caption')}</p>
      <StageGate stage="similarity">
        <div className="heatmap-wrap">
          <div className="heatmap-axis-label heatmap-axis-top">
            a ← {t('panel.views.title')} → b
          </div>
          <canvas
            ref={canvasRef}
            data-testid="similarity-matrix"
            data-views={viewCount}
            width={pixels}
            height={pixels}
            className="heatmap"
            role="img"
            tabIndex={0}
            aria-label={t('panel.similarity.title')}
            aria-describedby="similarity-keys"
            {...matrixHandlers(pixels, viewCount, selectedRow, hoveredCell)}
          />
          <ColorLegend domain={domain} label={t(`panel.similarity.mode.${shownMode}`)} />
          <span id="similarity-keys" className="visually-hidden">
            {t('panel.similarity.keys')}
          </span>
        </div>
        <div className="heatmap-status" aria-live="polite">
          {hoveredCell && hoveredValue !== null ? (
            <span data-testid="similarity-hover">
              {t('panel.similarity.hover', {
                row: viewLabel(hoveredCell.row, viewCount),
                column: viewLabel(hoveredCell.column, viewCount),
                value: Number.isNaN(hoveredValue) ? '—' : format(hoveredValue),
              })}
            </span>
          ) : null}
          {snapshot ? <BatchReadout snapshot={snapshot} temperature={temperature} /> : null}
        </div>
        {snapshot && selectedRow !== null && selectedRow < viewCount ? (
          <SoftmaxBars
            similarity={snapshot.similarity}
            viewCount={viewCount}
            row={selectedRow}
            temperature={temperature}
          />
        ) : null}
      </StageGate>
      {stageMode && snapshot ? (
        <StageGate stage="loss">
          <AnchorLosses
            similarity={snapshot.similarity}
            viewCount={viewCount}
            temperature={temperature}
          />
        </StageGate>
      ) : null}
    </Panel>
  );
}
