import { expect } from 'vitest';
import type { LoopMessage, WorkerToPage } from './protocol';
import { TrainingLoop } from './training-loop';

type Message<T extends WorkerToPage['type']> = Extract<WorkerToPage, { type: T }>;

/**
 * The page's side of the worker's TrainingLoop, for its tests (training-loop.wasm.test.ts):
 * it records the loop's messages and acknowledges snapshots as a page that drew them.
 */
export class FakePage {
  readonly messages: WorkerToPage[] = [];
  readonly loop: TrainingLoop;
  private waiters: { test: (m: WorkerToPage) => boolean; resolve(m: WorkerToPage): void }[] = [];

  constructor() {
    this.loop = new TrainingLoop({
      post: (message) => this.receive(message),
      snapshotInterval: 0,
      initialEvaluationDelay: 0,
    });
    this.loop.startAfter(Promise.resolve());
  }

  send(message: LoopMessage): void {
    this.loop.handle(message);
  }

  /** The first message of this type (and test) posted from now on. */
  next<T extends WorkerToPage['type']>(
    type: T,
    test: (m: Message<T>) => boolean = () => true,
  ): Promise<Message<T>> {
    return new Promise((resolve) =>
      this.waiters.push({
        test: (m) => m.type === type && test(m as Message<T>),
        resolve: (m) => resolve(m as Message<T>),
      }),
    );
  }

  all<T extends WorkerToPage['type']>(type: T): Message<T>[] {
    return this.messages.filter((m): m is Message<T> => m.type === type);
  }

  last<T extends WorkerToPage['type']>(type: T): Message<T> {
    const found = this.all(type);
    expect(found.length, `a ${type} message`).toBeGreaterThan(0);
    return found[found.length - 1];
  }

  /** One step by the Step button; resolves with its loss. */
  async step(): Promise<Message<'loss'>> {
    const loss = this.next('loss');
    this.send({ type: 'step' });
    await this.loop.idle();
    return loss;
  }

  private receive(message: WorkerToPage): void {
    this.messages.push(message);
    // the page acknowledges a snapshot once it has drawn it
    if (message.type === 'snapshot' || message.type === 'blindsrSnapshot')
      queueMicrotask(() => this.loop.handle({ type: 'ack' }));
    const matched = this.waiters.filter((w) => w.test(message));
    this.waiters = this.waiters.filter((w) => !matched.includes(w));
    matched.forEach((w) => w.resolve(message));
  }
}
