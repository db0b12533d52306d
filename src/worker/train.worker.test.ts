import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import type { BackendInfo, PageToWorker, WorkerToPage } from './protocol';

/**
 * The worker adapter with a stand-in `self`: debug messages are obeyed only when `init`
 * said `testHooks`. Timers are fake, so the heartbeat never fires and a requested crash
 * is a scheduled timer, not a thrown error.
 */
const started: BackendInfo = {
  name: 'cpu',
  reason: 'forced',
  requested: null,
  threads: null,
  simd: null,
  kernels: null,
  adapter: null,
  failures: [],
};
/** how the mocked backend start goes: at once, or never (a slow probe, a slow binary) */
let backendStart: () => Promise<BackendInfo> = async () => started;
vi.mock('./backends', () => ({ chooseAndStartBackend: () => backendStart() }));

let posted: WorkerToPage[];
let self: { postMessage(message: WorkerToPage): void; addEventListener(): void } & {
  onmessage: ((event: MessageEvent<PageToWorker>) => void) | null;
};

async function bootWorker(testHooks: boolean): Promise<(message: PageToWorker) => void> {
  vi.resetModules();
  await import('./train.worker');
  // the entry announces itself before its body (tfjs, the loop) has loaded …
  expect(posted.map((m) => m.type)).toEqual(['booting']);
  const send = (message: PageToWorker) =>
    self.onmessage?.({ data: message } as MessageEvent<PageToWorker>);
  // … and keeps what arrives meanwhile: this init is answered once the body takes over
  send({ type: 'init', forcedBackend: 'cpu', testHooks });
  return send;
}

async function startWorker(testHooks: boolean): Promise<(message: PageToWorker) => void> {
  const send = await bootWorker(testHooks);
  // the body's import takes seconds on a loaded machine
  await vi.waitFor(() => expect(posted.map((m) => m.type)).toContain('ready'), {
    timeout: 20_000,
  });
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
  backendStart = async () => started;
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

describe('train.worker start-up', () => {
  it('beats before a backend has started without starting one itself', async () => {
    backendStart = () => new Promise<BackendInfo>(() => undefined);
    // one engine per realm (tfjs keeps it on the global object): the body's is this one
    const engineMemory = vi.spyOn(tf.engine(), 'memory');
    await bootWorker(false);
    await vi.waitFor(() => expect(posted.map((m) => m.type)).toContain('heartbeat'), {
      timeout: 20_000,
    });
    // tf.memory() here would start the highest-priority backend registered (wasm, whose
    // module the entry loads early) with tfjs' own file names, and throw while it starts
    vi.advanceTimersByTime(5000);
    const beats = posted.filter((m) => m.type === 'heartbeat');
    expect(beats.length).toBeGreaterThanOrEqual(5);
    expect(beats.every((m) => m.numTensors === 0 && m.bytes === 0)).toBe(true);
    expect(posted.filter((m) => m.type === 'error' || m.type === 'ready')).toEqual([]);
    expect(engineMemory).not.toHaveBeenCalled();
    engineMemory.mockRestore();
  });
});
