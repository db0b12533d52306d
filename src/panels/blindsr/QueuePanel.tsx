import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/useT';
import { StageGate, useStageReached } from '../../controls/StageGate';
import { useStore } from '../../state/store';
import { viridisCss } from '../common/colors';
import { entryAngle } from './queue-ring';

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
    context.clearRect(0, 0, size, size);
    const centre = size / 2;
    const k = queue.capacity;
    const span = (2 * Math.PI) / k;
    const maxWeight = Math.max(...queue.weights, 1e-6);
    for (let i = 0; i < k; i++) {
      const start = entryAngle(i, k) - span / 2;
      const end = start + span * 1.02;
      const sigma = queue.sigma[i];
      context.beginPath();
      context.arc(centre, centre, 140, start, end);
      context.arc(centre, centre, 112, end, start, true);
      context.fillStyle = Number.isNaN(sigma) ? '#c8c8c8' : viridisCss(sigma, sigmaMin, sigmaMax);
      context.fill();
      const weight = queue.weights[i];
      context.beginPath();
      context.arc(centre, centre, 106, start, end);
      context.arc(centre, centre, 84, end, start, true);
      const shade = Math.round(255 - 220 * Math.min(1, weight / maxWeight));
      context.fillStyle = `rgb(${shade},${shade},${shade})`;
      context.fill();
    }
    // write pointer
    const angle = entryAngle(queue.pointer, k);
    context.strokeStyle = '#d55e00';
    context.fillStyle = '#d55e00';
    context.lineWidth = 3;
    context.beginPath();
    context.moveTo(centre + Math.cos(angle) * 60, centre + Math.sin(angle) * 60);
    context.lineTo(centre + Math.cos(angle) * 146, centre + Math.sin(angle) * 146);
    context.stroke();
    context.beginPath();
    context.arc(centre + Math.cos(angle) * 146, centre + Math.sin(angle) * 146, 5, 0, 2 * Math.PI);
    context.fill();
  }, [queue, sigmaMin, sigmaMax, revealed]);

  const weights = queue?.weights;
  const meanWeight = weights ? weights.reduce((a, b) => a + b, 0) / weights.length : 0;
  const minWeight = weights ? Math.min(...weights) : 0;
  return (
    <section
      className="panel"
      aria-labelledby="queue-title"
      data-testid="queue-panel"
      data-panel="queue"
      data-pointer={queue?.pointer ?? -1}
      data-fill={queue ? queue.fillRatio.toFixed(3) : '0'}
      data-weights={weights ? `${minWeight.toFixed(3)}/${meanWeight.toFixed(3)}` : ''}
      data-capacity={queue?.capacity ?? 0}
    >
      <header className="panel-header">
        <h2 id="queue-title">{t('panel.queue.title')}</h2>
        {queue ? (
          <span className="muted">
            {t('panel.queue.fill', { percent: Math.round(queue.fillRatio * 100) })}
          </span>
        ) : null}
      </header>
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
    </section>
  );
}
