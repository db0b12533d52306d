import type {
  PageToWorker,
  ReplyTo,
  WorkerEvent,
  WorkerReply,
  WorkerRequest,
  WorkerToPage,
} from './protocol';
import type { BackendName } from './backend-choice';
import { payloadTransferables, type DatasetPayload } from '../data/payload';
import { adoptEarlyWorker, spawnTrainingWorker } from './spawn';
import { acceptStartupMarks, markFirstStep, markStartup } from './startup-marks';

/**
 * The page's typed handle on the training worker. Events go to one listener (the store);
 * requests return a promise settled by the reply with the same id, or rejected when the
 * worker fails, dies or is replaced. A dead or silent worker becomes an error event.
 */
export type WorkerListener = (message: WorkerEvent) => void;

export interface StartOptions {
  forcedBackend: BackendName | null;
  /** the worker obeys debug messages (state/test-hooks.ts) */
  testHooks: boolean;
}

// ms: a first step on a software WebGPU adapter was measured at 36 s, and is not a hang
const heartbeatTimeout = 45_000;

interface Pending {
  /** a reply of the request's own type (checked by the id) */
  resolve(reply: unknown): void;
  reject(error: Error): void;
}

export class TrainingClient {
  private worker: Worker | null = null;
  private lastBeat = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly listener: WorkerListener) {}

  start({ forcedBackend, testHooks }: StartOptions): void {
    this.stop();
    const early = adoptEarlyWorker();
    const worker = early?.worker ?? spawnTrainingWorker();
    worker.onmessage = (event: MessageEvent<WorkerToPage>) => {
      this.lastBeat = performance.now();
      const message = event.data;
      // the page load's critical path: the first message of each kind (booting, ready, ...)
      markStartup(`page:got-${message.type}`);
      if (message.type === 'loss') markFirstStep();
      if (message.type === 'startupMarks') acceptStartupMarks(message.marks);
      else if ('id' in message) this.settle(message);
      else this.listener(message);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.fail(event.message || 'the training worker stopped');
    };
    worker.onmessageerror = () => {
      this.fail('a message from the training worker could not be read');
    };
    this.worker = worker;
    this.lastBeat = performance.now();
    this.watchdog = setInterval(() => {
      if (this.worker && performance.now() - this.lastBeat > heartbeatTimeout) {
        this.fail(
          `the training worker has not answered for ${Math.round(heartbeatTimeout / 1000)} s`,
        );
        this.lastBeat = performance.now();
      }
    }, 2000);
    this.send({ type: 'init', forcedBackend, testHooks });
    for (const event of early?.messages ?? []) worker.onmessage(event);
  }

  send(message: PageToWorker): void {
    this.worker?.postMessage(message);
  }

  /** Sends a request with a fresh id; resolves with the worker's reply to it. */
  request<M extends WorkerRequest>(message: M): Promise<ReplyTo[M['type']]> {
    if (!this.worker) return Promise.reject(new Error('the training worker is not running'));
    const id = this.nextId++;
    return new Promise<ReplyTo[M['type']]>((resolve, reject) => {
      // the worker answers a request of type K with ReplyTo[K] (training-loop.ts)
      this.pending.set(id, { resolve: (reply) => resolve(reply as ReplyTo[M['type']]), reject });
      this.send({ ...message, id });
    });
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
    this.rejectAll('the training worker was stopped');
  }

  private settle(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    // a reply to a request already rejected (the worker failed meanwhile) is dropped
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.type === 'requestFailed') pending.reject(new Error(reply.message));
    else pending.resolve(reply);
  }

  private fail(message: string): void {
    this.rejectAll(message);
    this.listener({ type: 'error', code: 'crash', message });
  }

  private rejectAll(message: string): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of pending) reject(new Error(message));
  }
}
