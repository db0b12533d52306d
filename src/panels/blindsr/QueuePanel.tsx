import { Panel } from '../common/Panel';
import { QueueFill, queueAttributes } from '../common/QueueFill';
import { useEffect, useRef } from 'react';
import { useT } from '../../state/useT';
import { StageGate, useStageReached } from '../../controls/StageGate';
import { useStore } from '../../state/store';
import { viridisCss } from '../common/colors';
import { drawQueueRing } from '../common/queue-ring';
import { chartColors } from '../common/chart-style';

const size = 300;

/** The MoCo queue as a ring: σ of every entry, its weight for the current query, the write pointer. */
export function QueuePanel() {
  const t = useT();
  const snapshot = useStore((s) => s.blindsr);
  const { sigmaMin, sigmaMax } = useStore((s) => s.config.blindsr);
  const revealed = useStageReached('queue').reached;
  const ref = useRef<HTMLCanvasElement>(null);
  const queue = snapshot?.queue;

  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context || !queue) return;
    const maxWeight = Math.max(...queue.weights, 1e-6);
    drawQueueRing(
      context,
      size,
      queue.capacity,
      queue.pointer,
      { outer: [112, 140], inner: [84, 106] },
      // σ of the entry (grey: the random start)
      (i) =>
        Number.isNaN(queue.sigma[i])
          ? chartColors.masked
          : viridisCss(queue.sigma[i], sigmaMin, sigmaMax),
      // its weight for the current query: dark = counts fully
      (i) => {
        const shade = Math.round(255 - 220 * Math.min(1, queue.weights[i] / maxWeight));
        return `rgb(${shade},${shade},${shade})`;
      },
    );
  }, [queue, sigmaMin, sigmaMax, revealed]);

  const weights = queue?.weights;
  const meanWeight = weights ? weights.reduce((a, b) => a + b, 0) / weights.length : 0;
  const minWeight = weights ? Math.min(...weights) : 0;
  return (
    <Panel
      id="queue"
      title={t('panel.queue.title')}
      attributes={{
        'data-testid': 'queue-panel',
        ...queueAttributes(queue),
        'data-weights': weights ? `${minWeight.toFixed(3)}/${meanWeight.toFixed(3)}` : '',
      }}
      actions={<QueueFill queue={queue} />}
    >
      <p className="caption">{t('panel.queue.caption')}</p>
      <StageGate stage="queue">
        <div className="queue-wrap">
          <canvas
            ref={ref}
            width={size}
            height={size}
            className="queue-canvas"
            role="img"
            aria-label={t('panel.queue.title')}
          />
          <div className="queue-centre">
            <strong>K = {queue?.capacity ?? '—'}</strong>
            <StageGate stage="weighted">
              {queue?.queryDegradation ? (
                <span>
                  {t('panel.queue.query', { sigma: queue.queryDegradation.sigma.toFixed(2) })}
                </span>
              ) : null}
              {queue && !queue.weighting ? (
                <span className="muted">{t('panel.queue.weightsOff')}</span>
              ) : null}
              {queue?.weighting ? (
                <span>
                  {t('stage.queue.weights', {
                    min: minWeight.toFixed(2),
                    mean: meanWeight.toFixed(2),
                  })}
                </span>
              ) : null}
            </StageGate>
          </div>
        </div>
      </StageGate>
    </Panel>
  );
}
