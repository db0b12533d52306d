import { Panel } from '../common/Panel';
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { positiveOf as positiveView } from '../../core/simclr/similarity';
import { StageGate, useStageReached } from '../../controls/StageGate';
import { useT } from '../../state/useT';
import { updateConfig } from '../../state/actions';
import type { SimilarityMode } from '../../state/config';
import { setView, useStore } from '../../state/store';
import { viridisTable } from '../common/colors';
import { ColorLegend } from '../common/ColorLegend';
import { cellValues, hitCell, paintCells, positiveOf, valueDomain, viewLabel } from './heatmap';
import { AnchorLosses } from './AnchorLosses';
import { BatchReadout } from './BatchReadout';
import { SoftmaxBars } from './SoftmaxBars';
import './similarity.css';

const canvasSize = 384;

const modes: SimilarityMode[] = ['cosine', 'logits', 'softmax'];

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
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    context.clearRect(0, 0, canvasSize, canvasSize);
    if (!values || viewCount === 0) return;
    const cells = new OffscreenCanvas(viewCount, viewCount);
    cells
      .getContext('2d')
      ?.putImageData(
        new ImageData(paintCells(values, domain, viridisTable), viewCount, viewCount),
        0,
        0,
      );
    context.imageSmoothingEnabled = false;
    context.drawImage(cells, 0, 0, canvasSize, canvasSize);
    const cell = canvasSize / viewCount;
    context.lineWidth = Math.max(1, Math.min(2, cell / 6));
    context.strokeStyle = '#ff2d55';
    for (let row = 0; row < viewCount; row++) {
      context.strokeRect(
        positiveOf(row, viewCount) * cell + 0.5,
        row * cell + 0.5,
        cell - 1,
        cell - 1,
      );
    }
    // the split between the first and second views of the batch
    context.strokeStyle = 'rgba(255,255,255,0.7)';
    context.lineWidth = 1;
    context.beginPath();
    context.moveTo(canvasSize / 2, 0);
    context.lineTo(canvasSize / 2, canvasSize);
    context.moveTo(0, canvasSize / 2);
    context.lineTo(canvasSize, canvasSize / 2);
    context.stroke();
    if (selectedRow !== null && selectedRow < viewCount) {
      context.strokeStyle = '#111';
      context.lineWidth = 2;
      context.strokeRect(1, selectedRow * cell + 1, canvasSize - 2, cell - 2);
    }
    if (hoveredCell) {
      context.strokeStyle = '#fff';
      context.lineWidth = 2;
      context.strokeRect(
        hoveredCell.column * cell + 1,
        hoveredCell.row * cell + 1,
        cell - 2,
        cell - 2,
      );
    }
  }, [values, domain, viewCount, selectedRow, hoveredCell, revealed]);

  const cellFromEvent = (event: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const scale = canvasSize / rect.width;
    return hitCell(
      (event.clientX - rect.left) * scale,
      (event.clientY - rect.top) * scale,
      canvasSize,
      viewCount,
    );
  };

  const hoveredValue =
    hoveredCell && values ? values[hoveredCell.row * viewCount + hoveredCell.column] : null;
  const format = (v: number) => (shownMode === 'softmax' ? v.toFixed(3) : v.toFixed(2));

  // keyboard: the focused matrix moves a highlighted cell; Enter opens that row's softmax
  const onKeyDown = (event: React.KeyboardEvent<HTMLCanvasElement>) => {
    if (viewCount === 0) return;
    const current = hoveredCell ?? {
      row: selectedRow ?? 0,
      column: positiveView(selectedRow ?? 0, viewCount),
    };
    const clamp = (v: number) => Math.max(0, Math.min(viewCount - 1, v));
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setView({
        hoveredCell: { row: clamp(current.row + move[0]), column: clamp(current.column + move[1]) },
      });
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      setView({ selectedRow: current.row, hoveredCell: current });
    } else if (event.key === 'Escape') {
      setView({ selectedRow: null });
    }
  };

  return (
    <Panel
      id="similarity"
      title={t('panel.similarity.title')}
      className="panel-similarity"
      actions={
        <>
          <label className="inline-control">
            {t('panel.similarity.mode')}{' '}
            <select
              data-testid="similarity-mode"
              value={mode}
              onChange={(e) => updateConfig({ similarityMode: e.target.value as SimilarityMode })}
            >
              {modes.map((m) => (
                <option key={m} value={m}>
                  {t(`panel.similarity.mode.${m}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      }
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
            width={canvasSize}
            height={canvasSize}
            className="heatmap"
            role="img"
            tabIndex={0}
            aria-label={t('panel.similarity.title')}
            aria-describedby="similarity-keys"
            onKeyDown={onKeyDown}
            onFocus={() => {
              if (!hoveredCell && viewCount > 0)
                setView({
                  hoveredCell: {
                    row: selectedRow ?? 0,
                    column: positiveView(selectedRow ?? 0, viewCount),
                  },
                });
            }}
            onMouseMove={(e) => {
              const cell = cellFromEvent(e);
              setView({ hoveredCell: cell });
            }}
            onMouseLeave={() => setView({ hoveredCell: null })}
            onClick={(e) => {
              const cell = cellFromEvent(e);
              if (cell) setView({ selectedRow: cell.row });
            }}
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
