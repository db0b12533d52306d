import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setRun } from '../state/store';
import { afterFirstStep } from './after-first-step';

describe('afterFirstStep (the service worker install waits for the first step)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    setRun({ step: 0 });
  });
  afterEach(() => vi.useRealTimers());

  it('runs once, when the first step arrives', () => {
    const run = vi.fn();
    afterFirstStep(run, 10_000);
    setRun({ running: true });
    expect(run).not.toHaveBeenCalled(); // Play alone is not a step
    setRun({ step: 1 });
    expect(run).toHaveBeenCalledTimes(1);
    setRun({ step: 2 });
    vi.advanceTimersByTime(10_000); // neither later steps nor the timer run it again
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs once after the delay when no step comes', () => {
    const run = vi.fn();
    afterFirstStep(run, 10_000);
    vi.advanceTimersByTime(9_999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    setRun({ step: 1 });
    expect(run).toHaveBeenCalledTimes(1);
  });
});
