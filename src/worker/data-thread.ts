import type { PrepareBatch, PreparedBatch } from '../core/blindsr/batch-ahead';
import type { RgbImage } from '../core/image';
import type { DataReply, DataRequest } from './data-batches';

/** What the training worker needs of a worker (a test passes its own). */
export interface DataPort {
  postMessage(message: DataRequest): void;
  onmessage: ((event: MessageEvent<DataReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** A new data worker (its entry: data.worker.ts). */
export function spawnDataWorker(): DataPort {
  return new Worker(new URL('./data.worker.ts', import.meta.url), {
    type: 'module',
    name: 'data',
  }) as unknown as DataPort;
}

/**
 * The training worker's side of the data thread: started on the first batch asked for
 * (after the first step: nothing competes with the page load), the pool sent when it
 * changes, one reply per request. When the thread fails every request after rejects, and
 * the trainer draws its batches itself (batch-ahead.ts).
 */
export class DataThread {
  private port: DataPort | null = null;
  private failed = false;
  private pool: RgbImage[] | null = null;
  private nextId = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (batch: PreparedBatch) => void; reject: (error: Error) => void; pool: RgbImage[] }
  >();

  constructor(private readonly spawn: () => DataPort = spawnDataWorker) {}

  readonly prepare: PrepareBatch = (spec, state, pool) => {
    if (this.failed) return Promise.reject(new Error('the data thread failed'));
    const port = this.started();
    if (this.pool !== pool) {
      // structured clone: the pool stays the training worker's too
      port.postMessage({ type: 'pool', pool });
      this.pool = pool;
    }
    const id = this.nextId++;
    return new Promise<PreparedBatch>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, pool });
      port.postMessage({ type: 'batch', id, spec, state });
    });
  };

  private started(): DataPort {
    if (this.port) return this.port;
    const port = this.spawn();
    port.onmessage = ({ data }) => {
      const waiter = this.waiting.get(data.id);
      this.waiting.delete(data.id);
      if (!waiter) return;
      if (data.type === 'batch')
        waiter.resolve({ batch: { ...data.batch, pool: waiter.pool }, state: data.state });
      else waiter.reject(new Error(data.message));
    };
    port.onerror = (event) => {
      event.preventDefault?.();
      this.fail(new Error(`the data thread failed: ${event.message}`));
    };
    this.port = port;
    return port;
  }

  private fail(error: Error): void {
    this.failed = true;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
    this.port?.terminate();
    this.port = null;
  }

  dispose(): void {
    this.fail(new Error('the data thread was stopped'));
  }
}
