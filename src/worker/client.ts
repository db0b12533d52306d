import type { PageToWorker, WorkerToPage } from './protocol';
import type { BackendName } from './backend-choice';
import { payloadTransferables, type DatasetPayload } from '../data/payload';

/**
 * The page's typed handle on the training worker. It forwards every message to one
 * listener (the store) and turns a dead or silent worker into an error message.
 */
export type WorkerListener = (message: WorkerToPage) => void;

// ms: a first step on a software WebGPU adapter was measured at 36 s, and is not a hang
const heartbeatTimeout = 45_000;

export class TrainingClient {
  private worker: Worker | null = null;
  private lastBeat = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly listener: WorkerListener) {}

  start(forcedBackend: BackendName | null): void {
    this.stop();
    const worker = new Worker(new URL('./train.worker.ts', import.meta.url), {
      type: 'module',
      name: 'training',
    });
    worker.onmessage = (event: MessageEvent<WorkerToPage>) => {
      this.lastBeat = performance.now();
      this.listener(event.data);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.listener({
        type: 'error',
        code: 'crash',
        message: event.message || 'the training worker stopped',
      });
    };
    worker.onmessageerror = () => {
      this.listener({
        type: 'error',
        code: 'crash',
        message: 'a message from the training worker could not be read',
      });
    };
    this.worker = worker;
    this.lastBeat = performance.now();
    this.watchdog = setInterval(() => {
      if (this.worker && performance.now() - this.lastBeat > heartbeatTimeout) {
        this.listener({
          type: 'error',
          code: 'crash',
          message: `the training worker has not answered for ${Math.round(heartbeatTimeout / 1000)} s`,
        });
        this.lastBeat = performance.now();
      }
    }, 2000);
    this.send({ type: 'init', forcedBackend });
  }

  send(message: PageToWorker): void {
    this.worker?.postMessage(message);
  }

  sendData(dataset: DatasetPayload): void {
    this.worker?.postMessage(
      { type: 'setData', dataset } satisfies PageToWorker,
      payloadTransferables(dataset),
    );
  }

  /** Test hook: the worker disappears as it would after a crash of the tab's process. */
  kill(): void {
    this.stop();
    this.listener({ type: 'error', code: 'crash', message: 'the training worker was terminated' });
  }

  stop(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    this.worker?.terminate();
    this.worker = null;
  }
}
