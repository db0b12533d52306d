import { Panel } from '../common/Panel';
import { useDeferredValue, useMemo, useState } from 'react';
import { StageGate } from '../../controls/StageGate';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../state/useT';
import { setView, useStore } from '../../state/store';
import { PixelCanvas } from '../../ui/PixelCanvas';
import type { RgbImage } from '../../core/image';
import { viewLabel } from '../similarity/heatmap';
import { describeView } from './describe-view';
import './views.css';

/** Every image of the batch with its two views; hovering shows where a view came from. */
export function ViewsPanel() {
  const t = useT();
  const { snapshot, dataset, hoveredCell, hoveredView, hoveredImage } = useStore(
    useShallow((s) => ({
      snapshot: s.snapshot,
      dataset: s.dataset,
      hoveredCell: s.view.hoveredCell,
      hoveredView: s.view.hoveredView,
      hoveredImage: s.view.hoveredImage,
    })),
  );
  const n = snapshot?.batchSize ?? 0;
  const viewCount = 2 * n;
  // roving focus: one view is in the tab order, arrow keys walk a1, b1, a2, b2, …
  const [focusView, setFocusView] = useState(0);
  const readingOrder = useMemo(() => Array.from({ length: n }, (_, k) => [k, k + n]).flat(), [n]);
  const onViewKey = (event: React.KeyboardEvent<HTMLCanvasElement>, view: number) => {
    const forward = event.key === 'ArrowRight' || event.key === 'ArrowDown';
    const back = event.key === 'ArrowLeft' || event.key === 'ArrowUp';
    if (!forward && !back) return;
    event.preventDefault();
    const at = readingOrder.indexOf(view);
    const next =
      readingOrder[Math.max(0, Math.min(readingOrder.length - 1, at + (forward ? 1 : -1)))];
    setFocusView(next);
    event.currentTarget
      .closest('.view-grid')
      ?.querySelector<HTMLCanvasElement>(`[data-view="${next}"]`)
      ?.focus();
  };
  const views = useMemo(() => {
    if (!snapshot) return [];
    const stride = snapshot.viewSize * snapshot.viewSize * 3;
    return Array.from({ length: viewCount }, (_, v) =>
      snapshot.views.subarray(v * stride, (v + 1) * stride),
    );
  }, [snapshot, viewCount]);
  if (!snapshot || !dataset)
    return <section className="panel panel-views" data-testid="augmented-views" />;

  const highlighted = new Set<number>();
  if (hoveredCell) {
    highlighted.add(hoveredCell.row);
    highlighted.add(hoveredCell.column);
  }
  if (hoveredView !== null) highlighted.add(hoveredView);
  const activeView = hoveredView ?? hoveredCell?.row ?? null;
  const activeParams =
    activeView !== null && activeView < viewCount ? snapshot.viewParams[activeView] : null;

  return (
    <Panel
      id="views"
      title={t('panel.views.title')}
      className="panel-views"
      attributes={{ 'data-testid': 'augmented-views' }}
      actions={
        <>{snapshot.pending ? <span className="muted">{t('panel.views.pending')}</span> : null}</>
      }
    >
      <p className="caption">{t('panel.views.caption')}</p>
      <p className="view-params" data-testid="view-params" aria-live="polite">
        {activeParams && activeView !== null
          ? `${viewLabel(activeView, viewCount)}: ${describeView(activeParams, t)}`
          : '\u00a0'}
      </p>
      <StageGate stage="augment">
        <div className="view-grid" aria-describedby="views-keys">
          {Array.from({ length: n }, (_, k) => {
            const boxes = [k, k + n]
              .filter((v) => v === activeView)
              .map((v) => snapshot.viewParams[v].crop);
            return (
              // linked hover: a point hovered in the embedding lights up its image here
              <div
                className={`view-triplet${hoveredImage === snapshot.imageIndices[k] ? ' linked' : ''}`}
                key={k}
              >
                <div className="view-original">
                  <OriginalThumb
                    images={dataset.images}
                    index={snapshot.imageIndices[k]}
                    label={t('panel.views.image', { n: k + 1 })}
                  />
                  {boxes.map((box, i) => (
                    <div
                      key={i}
                      className="crop-box"
                      data-testid="crop-box"
                      style={{
                        left: `${box.x * 100}%`,
                        top: `${box.y * 100}%`,
                        width: `${box.width * 100}%`,
                        height: `${box.height * 100}%`,
                      }}
                    />
                  ))}
                  <span className="thumb-label">{k + 1}</span>
                </div>
                {[k, k + n].map((v) => (
                  <PixelCanvas
                    key={v}
                    pixels={views[v]}
                    size={snapshot.viewSize}
                    className={`thumb view${highlighted.has(v) ? ' highlighted' : ''}`}
                    label={t('panel.views.view', { label: viewLabel(v, viewCount) })}
                    data-view={v}
                    data-highlighted={highlighted.has(v) ? 'true' : 'false'}
                    tabIndex={v === (focusView < viewCount ? focusView : 0) ? 0 : -1}
                    onKeyDown={(e) => onViewKey(e, v)}
                    onFocus={() => {
                      setFocusView(v);
                      setView({ hoveredView: v });
                    }}
                    onBlur={() => setView({ hoveredView: null })}
                    onMouseEnter={() => setView({ hoveredView: v })}
                    onMouseLeave={() => setView({ hoveredView: null })}
                  />
                ))}
              </div>
            );
          })}
        </div>
        <span id="views-keys" className="visually-hidden">
          {t('panel.views.keys')}
        </span>
      </StageGate>
    </Panel>
  );
}

/**
 * A batch image as the dataset has it. A built-in shape is drawn on first reading, several ms
 * of cold code each, so the thumbnail follows its index deferred: the views and the Play
 * button a snapshot brings commit first, the originals in a render of their own after.
 */
function OriginalThumb({
  images,
  index,
  label,
}: {
  images: readonly RgbImage[];
  index: number;
  label: string;
}) {
  const shown = useDeferredValue<number | null>(index, null);
  const image = shown === null ? undefined : images[shown];
  return image ? (
    <PixelCanvas pixels={image.pixels} size={image.size} className="thumb" label={label} />
  ) : null;
}
