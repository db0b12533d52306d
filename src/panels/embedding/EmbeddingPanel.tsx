import { Panel } from '../common/Panel';
import { scaleLinear } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../state/useT';
import { setView, useStore } from '../../state/store';
import { categoricalColors } from '../common/colors';
import { PixelCanvas } from '../../ui/PixelCanvas';
import { fitDomain, nearestPoint } from './scatter';
import { shapeClasses, type ShapeClass } from '../../data/shapes';
import './embedding.css';

const isShape = (name: string): name is ShapeClass =>
  (shapeClasses as readonly string[]).includes(name);

const size = 320;

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

  const screen = useMemo(() => {
    if (!embedding) return new Float32Array(0);
    // a fixed minimum scale (a quarter of the mean ‖h‖): collapse shrinks the cloud to a dot
    const domain = fitDomain(embedding.points, embedding.meanNorm * 0.25);
    const x = scaleLinear()
      .domain(domain.x)
      .range([8, size - 8]);
    const y = scaleLinear()
      .domain(domain.y)
      .range([size - 8, 8]);
    const out = new Float32Array(embedding.points.length);
    for (let i = 0; i < out.length; i += 2) {
      out[i] = x(embedding.points[i]);
      out[i + 1] = y(embedding.points[i + 1]);
    }
    return out;
  }, [embedding]);

  useEffect(() => {
    const context = canvasRef.current?.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, size, size);
    if (!embedding) return;
    const count = screen.length / 2;
    const trainCount = count - embedding.heldOutCount;
    for (let i = 0; i < count; i++) {
      const label = embedding.labels?.[i] ?? 0;
      const colour = categoricalColors[label % categoricalColors.length];
      context.beginPath();
      context.arc(screen[i * 2], screen[i * 2 + 1], i === hoveredImage ? 6 : 3.2, 0, 2 * Math.PI);
      if (i < trainCount) {
        context.fillStyle = colour;
        context.globalAlpha = 0.8;
        context.fill();
      } else {
        context.globalAlpha = 1;
        context.strokeStyle = colour;
        context.lineWidth = 1.5;
        context.stroke();
      }
    }
    context.globalAlpha = 1;
  }, [embedding, screen, hoveredImage]);

  const allImages = dataset ? [...dataset.images, ...(dataset.heldOut?.images ?? [])] : [];
  const tipImage = tip ? allImages[tip.index] : undefined;
  const className = (name: string) => (isShape(name) ? t(`shape.${name}`) : name);
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
      {dataset?.classNames.length ? (
        <ul className="chart-legend">
          {dataset.classNames.map((name, i) => (
            <li key={name}>
              <span
                className="swatch"
                style={{ background: categoricalColors[i % categoricalColors.length] }}
              />
              {className(name)}
            </li>
          ))}
          <li>
            <span className="swatch ring" /> {t('panel.embedding.heldOut')}
          </li>
        </ul>
      ) : null}
    </Panel>
  );
}
