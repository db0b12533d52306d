import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TrainingClient } from './client';
import type { PageToWorker, WorkerEvent, WorkerToPage } from './protocol';

/** A stand-in for the browser's Worker: records what the page sends, replies on demand. */
class FakeWorker {
  static last: FakeWorker;
  readonly sent: PageToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerToPage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;

  constructor() {
    FakeWorker.last = this;
  }

  postMessage(message: PageToWorker): void {
    this.sent.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(message: WorkerToPage): void {
    this.onmessage?.({ data: message } as MessageEvent<WorkerToPage>);
  }

  /** the id the page gave its last request */
  lastId(): number {
    const message = this.sent[this.sent.length - 1] as { id?: number };
    expect(message.id).toBeTypeOf('number');
    return message.id!;
  }
}

let events: WorkerEvent[];
let client: TrainingClient;

beforeEach(() => {
  vi.stubGlobal('Worker', FakeWorker);
  events = [];
  client = new TrainingClient((message) => events.push(message));
  client.start({ forcedBackend: 'cpu', testHooks: false });
});

afterEach(() => {
  client.stop();
  vi.unstubAllGlobals();
});

describe('TrainingClient requests', () => {
  it('says whether test hooks are on in init', () => {
    expect(FakeWorker.last.sent[0]).toEqual({
      type: 'init',
      forcedBackend: 'cpu',
      testHooks: false,
    });
  });

  it('resolves each request with the reply carrying its id, in any order', async () => {
    const worker = FakeWorker.last;
    const exported = client.request({ type: 'exportWeights' });
    const exportId = worker.lastId();
    const imported = client.request({ type: 'importWeights', text: '{}' });
    const importId = worker.lastId();
    expect(importId).not.toBe(exportId);
    expect(worker.sent[worker.sent.length - 1]).toEqual({
      type: 'importWeights',
      text: '{}',
      id: importId,
    });
    worker.reply({ type: 'weightsRejected', id: importId, message: 'not JSON' });
    const file = { format: 'contrastive-playground-weights', version: 1, lab: 'simclr' } as const;
    worker.reply({ type: 'weights', id: exportId, file: { ...file, tensors: [] } });
    expect(await imported).toEqual({ type: 'weightsRejected', id: importId, message: 'not JSON' });
    expect((await exported).type).toBe('weights');
    // replies are not events: the store never sees them
    expect(events).toEqual([]);
  });

  it('rejects on requestFailed, and events still reach the listener', async () => {
    const worker = FakeWorker.last;
    const profile = client.request({ type: 'profile' });
    worker.reply({ type: 'requestFailed', id: worker.lastId(), message: 'hooks are off' });
    await expect(profile).rejects.toThrow('hooks are off');
    worker.reply({ type: 'status', running: false, step: 3 });
    expect(events).toEqual([{ type: 'status', running: false, step: 3 }]);
  });

  it('rejects every pending request when the worker fails or is stopped', async () => {
    const worker = FakeWorker.last;
    const probe = client.request({ type: 'stageProbe' });
    const probeId = worker.lastId();
    worker.onerror?.({ message: 'boom', preventDefault: () => undefined } as ErrorEvent);
    await expect(probe).rejects.toThrow('boom');
    expect(events).toEqual([{ type: 'error', code: 'crash', message: 'boom' }]);
    // a late answer to a rejected request is dropped
    worker.reply({ type: 'stageProbe', id: probeId, probe: null });
    expect(events).toHaveLength(1);

    const step = client.request({ type: 'stageStep' });
    client.stop();
    expect(worker.terminated).toBe(true);
    await expect(step).rejects.toThrow('stopped');
    await expect(client.request({ type: 'exportWeights' })).rejects.toThrow('not running');
  });
});
