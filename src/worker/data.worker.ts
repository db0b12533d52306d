/// <reference lib="webworker" />
import { DataThreadState, type DataRequest } from './data-batches';

/**
 * The data thread: draws the Blind-SR lab's next batch while the training worker trains
 * on the current one (data-thread.ts starts it, core/blindsr/batch-ahead.ts uses it).
 */
declare const self: DedicatedWorkerGlobalScope;

const state = new DataThreadState();
// requests are answered in order: a batch request after a pool message draws from that pool
let queue = Promise.resolve();
self.onmessage = (event: MessageEvent<DataRequest>) => {
  queue = queue.then(async () => {
    const answer = await state.handle(event.data);
    if (answer) self.postMessage(answer.reply, answer.transfer);
  });
};
