import { describe, expect, it } from 'vitest';
import {
  emptyRunOutputs,
  initialRun,
  recordLosses,
  resetPacing,
  useStore,
  type LossEntry,
} from './store';

const entry = (step: number, receivedAt: number): LossEntry => ({
  step,
  loss: 3 - step / 10,
  milliseconds: 9,
  augmentMilliseconds: 1,
  drawnAhead: false,
  receivedAt,
});

function fresh(): void {
  useStore.setState({ run: { ...initialRun }, ...emptyRunOutputs });
  resetPacing();
}

describe('steps recorded together (the page applies the worker’s steps at most every 100 ms)', () => {
  it('keep every step in the history and pace the meter by when each arrived', () => {
    fresh();
    recordLosses([entry(1, 100), entry(2, 110), entry(3, 120)]);
    const { run, history } = useStore.getState();
    expect(history.loss.map((p) => p.step)).toEqual([1, 2, 3]);
    expect(run.step).toBe(3);
    expect(run.loss).toBeCloseTo(2.7, 12);
    // the first interval is the step's own time, then the arrivals' spacing (EMA 0.8 / 0.2)
    expect(run.msPerStep).toBeCloseTo(0.8 * (0.8 * 9 + 0.2 * 10) + 0.2 * 10, 12);
    expect(run.firstStepAt).toBe(100);
  });

  it('end where recording them one at a time ends', () => {
    fresh();
    const steps = [entry(1, 100), entry(2, 117), entry(3, 121), entry(4, 150)];
    recordLosses(steps);
    const together = useStore.getState();
    fresh();
    for (const step of steps) recordLosses([step]);
    const oneByOne = useStore.getState();
    expect(together.run).toEqual(oneByOne.run);
    expect(together.history).toEqual(oneByOne.history);
  });
});
