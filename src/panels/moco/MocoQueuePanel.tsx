import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/useT';
import { useStore } from '../../state/store';
import { entryAngle } from '../blindsr/queue-ring';
import { categoricalColors } from '../common/colors';

const size = 300;

/**
 * MoCo's queue in the SimCLR lab, drawn as Blind-SR's ring: every key coloured by the
 * class of the image it came from (grey: the random keys it starts with), the outer band
 * by age, and the write pointer.
 */
export function MocoQueuePanel() {
  const t = useT();
  const queue = useStore((s) => s.snapshot?.queue ?? null);
  const labels = useStore((s) => s.dataset?.labels ?? null);
  const step = useStore((s) => s.snapshot?.step ?? 0);
  const ref = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context || !queue) return;
    context.clearRect(0, 0, size, size);
    const centre = size / 2;
    const k = queue.capacity;
    const span = (2 * Math.PI) / k;
    const oldest = Math.max(1, ...Array.from(queue.enteredAt, (s) => step - s));
    for (let i = 0; i < k; i++) {
      const start = entryAngle(i, k) - span / 2;
      const end = start + span * 1.02;
      const source = queue.sources[i];
      const label = source >= 0 && labels ? labels[source] : -1;
      context.beginPath();
      context.arc(centre, centre, 140, start, end);
      context.arc(centre, centre, 108, end, start, true);
      context.fillStyle =
        source < 0
          ? '#c8c8c8'
          : label >= 0
            ? categoricalColors[label % categoricalColors.length]
            : '#4477aa';
      context.fill();
      // age: dark = just written, light = about to be overwritten
      const entered = queue.enteredAt[i];
      const shade =
        entered < 0 ? 235 : Math.round(40 + 195 * Math.min(1, (step - entered) / oldest));
      context.beginPath();
      context.arc(centre, centre, 102, start, end);
      context.arc(centre, centre, 86, end, start, true);
      context.fillStyle = `rgb(${shade},${shade},${shade})`;
      context.fill();
    }
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
  }, [queue, labels, step]);

  return (
    <section
      className="panel"
      aria-labelledby="moco-queue-title"
      data-testid="moco-queue-panel"
      data-panel="moco-queue"
      data-pointer={queue?.pointer ?? -1}
      data-fill={queue ? queue.fillRatio.toFixed(3) : '0'}
      data-capacity={queue?.capacity ?? 0}
    >
      <header className="panel-header">
        <h2 id="moco-queue-title">{t('panel.mocoQueue.title')}</h2>
        {queue ? (
          <span className="muted">
            {t('panel.queue.fill', { percent: Math.round(queue.fillRatio * 100) })}
          </span>
        ) : null}
      </header>
      <p className="caption">{t('panel.mocoQueue.caption')}</p>
      <div className="queue-wrap">
        <canvas
          ref={ref}
          width={size}
          height={size}
          className="queue-canvas"
          data-testid="moco-queue-ring"
          role="img"
          aria-label={t('panel.mocoQueue.title')}
        />
        <div className="queue-centre">
          <strong>K = {queue?.capacity ?? '—'}</strong>
        </div>
      </div>
    </section>
  );
}
