import { useT } from '../../state/useT';

interface QueueState {
  pointer: number;
  fillRatio: number;
  capacity: number;
}

/** The `data-*` hooks both queue panels (Blind-SR, MoCo) carry: write pointer, fill, K. */
export function queueAttributes(queue: QueueState | null | undefined) {
  return {
    'data-pointer': queue?.pointer ?? -1,
    'data-fill': queue ? queue.fillRatio.toFixed(3) : '0',
    'data-capacity': queue?.capacity ?? 0,
  };
}

/** How much of the queue holds real keys (the rest: its random start). */
export function QueueFill({ queue }: { queue: QueueState | null | undefined }) {
  const t = useT();
  return queue ? (
    <span className="muted">
      {t('panel.queue.fill', { percent: Math.round(queue.fillRatio * 100) })}
    </span>
  ) : null;
}
