import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageToWorker, WorkerToPage } from './protocol';

/**
 * The worker adapter with a stand-in `self`: debug messages are obeyed only when `init`
 * said `testHooks`. Timers are fake, so the heartbeat never fires and a requested crash
 * is a scheduled timer, not a thrown error.
 */
vi.mock('./backends', () => ({
  chooseAndStartBackend: async () => ({
    name: 'cpu',
    reason: 'forced',
    requested: null,
    threads: null,
    simd: null,
    kernels: null,
    adapter: null,
    failures: [],
  }),
}));

let posted: WorkerToPage[];
let self: { postMessage(message: WorkerToPage): void; addEventListener(): void } & {
  onmessage: ((event: MessageEvent<PageToWorker>) => void) | null;
};

async function startWorker(testHooks: boolean): Promise<(message: PageToWorker) => void> {
  vi.resetModules();
  await import('./train.worker');
  // the entry announces itself before its body (tfjs, the loop) has loaded …
  expect(posted.map((m) => m.type)).toEqual(['booting']);
  const send = (message: PageToWorker) =>
    self.onmessage?.({ data: message } as MessageEvent<PageToWorker>);
  // … and keeps what arrives meanwhile: this init is answered once the body takes over
  send({ type: 'init', forcedBackend: 'cpu', testHooks, lab: 'simclr' });
  await vi.waitFor(() => expect(posted.map((m) => m.type)).toContain('ready'));
  return send;
}

beforeEach(() => {
  vi.useFakeTimers();
  posted = [];
  self = {
    postMessage: (message) => posted.push(message),
    addEventListener: () => {},
    onmessage: null,
  };
  vi.stubGlobal('self', self);
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('train.worker debug hooks', () => {
  it('without the flag: no crash, no device loss, no profile', async () => {
    const send = await startWorker(false);
    const timers = vi.getTimerCount();
    send({ type: 'debugCrash' });
    send({ type: 'debugLoseDevice' });
    send({ type: 'profile', id: 4 });
    expect(vi.getTimerCount()).toBe(timers);
    expect(posted.filter((m) => m.type === 'error')).toEqual([]);
    expect(posted[posted.length - 1]).toEqual({
      type: 'requestFailed',
      id: 4,
      message: 'the kernel profile is a developer hook',
    });
  });

  it('with the flag: the same messages act', async () => {
    const send = await startWorker(true);
    const timers = vi.getTimerCount();
    send({ type: 'debugCrash' });
    // the crash is thrown from a timer, outside any handler: the page sees an uncaught error
    expect(vi.getTimerCount()).toBe(timers + 1);
    vi.clearAllTimers();
    send({ type: 'debugLoseDevice' });
    expect(posted.find((m) => m.type === 'error')).toMatchObject({
      type: 'error',
      code: 'deviceLost',
      message: expect.stringContaining('simulated'),
    });
    send({ type: 'profile', id: 5 });
    // hooks on: the loop answers, and with no model yet it says so
    await vi.waitFor(() =>
      expect(posted[posted.length - 1]).toEqual({
        type: 'requestFailed',
        id: 5,
        message: 'no model yet',
      }),
    );
  });
});
