import { Panel } from '../common/Panel';
import { QueueFill, queueAttributes } from '../common/QueueFill';
import { useEffect, useRef } from 'react';
import { useT } from '../../state/useT';
import { useStore } from '../../state/store';
import { drawQueueRing } from '../common/queue-ring';
import { categoricalColors } from '../common/colors';
import { chartColors } from '../common/chart-style';

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
    const oldest = Math.max(1, ...Array.from(queue.enteredAt, (s) => step - s));
    drawQueueRing(
      context,
      size,
      queue.capacity,
      queue.pointer,
      { outer: [108, 140], inner: [86, 102] },
      // the class of the image the key came from (grey: the random start)
      (i) => {
        const source = queue.sources[i];
        const label = source >= 0 && labels ? labels[source] : -1;
        if (source < 0) return chartColors.masked;
        return label >= 0
          ? categoricalColors[label % categoricalColors.length]
          : chartColors.unlabelled;
      },
      // age: dark = just written, light = about to be overwritten
      (i) => {
        const entered = queue.enteredAt[i];
        const shade =
          entered < 0 ? 235 : Math.round(40 + 195 * Math.min(1, (step - entered) / oldest));
        return `rgb(${shade},${shade},${shade})`;
      },
    );
  }, [queue, labels, step]);

  return (
    <Panel
      id="moco-queue"
      title={t('panel.mocoQueue.title')}
      attributes={{
        'data-testid': 'moco-queue-panel',
        ...queueAttributes(queue),
      }}
      actions={<QueueFill queue={queue} />}
    >
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
    </Panel>
  );
}
