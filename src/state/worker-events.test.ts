import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerEvent } from '../worker/protocol';
import { emptyRunOutputs, initialRun, resetPacing, useStore } from './store';
import { onWorkerMessage } from './worker-events';

const host = { ack: () => {}, threadStarted: () => {} };
const loss = (step: number): WorkerEvent => ({
  type: 'loss',
  step,
  loss: 2,
  milliseconds: 10,
  augmentMilliseconds: 1,
});
const shownSteps = () => useStore.getState().history.loss.map((p) => p.step);

describe('the worker’s steps reach the store together', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (run: () => void) => setTimeout(run, 16));
    useStore.setState({ run: { ...initialRun }, ...emptyRunOutputs });
    resetPacing();
    onWorkerMessage({ type: 'status', running: true, step: 0 }, host);
  });
  afterEach(() => {
    vi.runAllTimers();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('the first step at once, the next ones at the end of a 100 ms window, in order', () => {
    onWorkerMessage(loss(1), host);
    expect(shownSteps()).toEqual([1]);
    for (const step of [2, 3, 4]) onWorkerMessage(loss(step), host);
    vi.advanceTimersByTime(99);
    expect(shownSteps()).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(shownSteps()).toEqual([1, 2, 3, 4]);
    expect(useStore.getState().run.step).toBe(4);
    // an empty window closes: the next step after a pause shows at once again
    vi.advanceTimersByTime(100);
    onWorkerMessage(loss(5), host);
    expect(shownSteps()).toEqual([1, 2, 3, 4, 5]);
  });

  it('another message lands the steps before it first, and the window keeps its end', () => {
    onWorkerMessage(loss(1), host);
    vi.advanceTimersByTime(40);
    onWorkerMessage(loss(2), host);
    onWorkerMessage({ type: 'heartbeat', step: 2, numTensors: 3, bytes: 4 }, host);
    expect(shownSteps()).toEqual([1, 2]);
    onWorkerMessage(loss(3), host);
    vi.advanceTimersByTime(59);
    expect(shownSteps()).toEqual([1, 2]);
    vi.advanceTimersByTime(1);
    expect(shownSteps()).toEqual([1, 2, 3]);
  });
});
