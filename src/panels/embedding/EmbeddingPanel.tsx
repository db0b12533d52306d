import { Panel } from '../common/Panel';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../state/useT';
import { setView, useStore } from '../../state/store';
import { categoricalColors } from '../common/colors';
import { PixelCanvas } from '../../ui/PixelCanvas';
import { chartSizes } from '../common/chart-style';
import { drawScatter, toScreen } from '../common/draw-scatter';
import { nearestPoint } from './scatter';
import { ClassLegend } from './ClassLegend';
import './embedding.css';

const style = chartSizes.embedding;
const size = style.side;

/** PCA of h for the whole data set, coloured by class; hover a point to see its image. */
export function EmbeddingPanel() {
  const t = useT();
  const { embedding, dataset, hoveredImage } = useStore(
    useShallow((s) => ({
      embedding: s.embedding,
      dataset: s.dataset,
      hoveredImage: s.view.hoveredImage,
    })),
  );
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [tip, setTip] = useState<{ index: number; x: number; y: number } | null>(null);

  // a fixed minimum scale (a quarter of the mean ‖h‖): collapse shrinks the cloud to a dot
  const screen = useMemo(
    () =>
      embedding
        ? toScreen(embedding.points, style.side, style.padding, embedding.meanNorm * 0.25)
        : new Float32Array(0),
    [embedding],
  );

  useEffect(() => {
    const context = canvasRef.current?.getContext('2d');
    if (!context) return;
    if (!embedding) {
      context.clearRect(0, 0, size, size);
      return;
    }
    // training images filled, held-out ones as rings, in their class's colour
    const trainCount = screen.length / 2 - embedding.heldOutCount;
    drawScatter(context, size, screen, (i) => {
      const colour = categoricalColors[(embedding.labels?.[i] ?? 0) % categoricalColors.length];
      const heldOut = i >= trainCount;
      return {
        shape: 'circle',
        radius: i === hoveredImage ? style.hoveredRadius : style.radius,
        fill: heldOut ? null : colour,
        fillAlpha: 0.8,
        stroke: heldOut ? colour : null,
        lineWidth: style.heldOutLine,
      };
    });
  }, [embedding, screen, hoveredImage]);

  const allImages = dataset ? [...dataset.images, ...(dataset.heldOut?.images ?? [])] : [];
  const tipImage = tip ? allImages[tip.index] : undefined;
  const tipLabel =
    tip && embedding?.labels ? dataset?.classNames[embedding.labels[tip.index]] : undefined;
  const percent = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)} %`;

  return (
    <Panel
      id="embedding"
      title={t('panel.embedding.title')}
      className="panel-embedding"
      actions={
        <>
          <span className="metric" title={t('panel.metrics.knn.help')}>
            {t('panel.metrics.knn')}:{' '}
            <strong data-testid="knn-accuracy">{percent(embedding?.knnAccuracy)}</strong>
          </span>
          <span className="metric" title={t('panel.metrics.knnZ.help')}>
            {t('panel.metrics.knnZ')}:{' '}
            <strong data-testid="knn-accuracy-z">
              {percent(embedding?.projectionKnnAccuracy)}
            </strong>
          </span>
        </>
      }
    >
      <p className="caption">{t('panel.embedding.caption')}</p>
      <div className="embedding-wrap">
        <canvas
          ref={canvasRef}
          width={size}
          height={size}
          className="embedding-canvas"
          data-testid="embedding-plot"
          data-points={screen.length / 2}
          data-step={embedding?.step ?? -1}
          role="img"
          aria-label={t('panel.embedding.title')}
          onMouseMove={(e) => {
            const rect = e.currentTarget.getBoundingClientRect();
            const px = ((e.clientX - rect.left) * size) / rect.width;
            const py = ((e.clientY - rect.top) * size) / rect.height;
            const index = nearestPoint(screen, px, py, 8);
            setTip(
              index === null ? null : { index, x: screen[index * 2], y: screen[index * 2 + 1] },
            );
            setView({ hoveredImage: index });
          }}
          onMouseLeave={() => {
            setTip(null);
            setView({ hoveredImage: null });
          }}
        />
        {tip && tipImage ? (
          <div
            className="embedding-tip"
            style={{ left: `${(tip.x / size) * 100}%`, top: `${(tip.y / size) * 100}%` }}
          >
            <PixelCanvas pixels={tipImage.pixels} size={tipImage.size} className="thumb" />
            <span>{tipLabel ?? ''}</span>
          </div>
        ) : null}
      </div>
      {embedding ? (
        <p className="caption">
          {t('panel.embedding.explained', {
            pc1: (embedding.explained[0] * 100).toFixed(0),
            pc2: (embedding.explained[1] * 100).toFixed(0),
          })}{' '}
          <span data-testid="embedding-spread" data-value={embedding.spread.toFixed(4)}>
            {t('panel.embedding.spread', { value: embedding.spread.toFixed(2) })}
            {embedding.spread < 0.05 ? ` — ${t('panel.embedding.collapsed')}` : ''}
          </span>
        </p>
      ) : null}
      {dataset?.classNames.length ? <ClassLegend classNames={dataset.classNames} /> : null}
    </Panel>
  );
}
