import { expect, it } from 'vitest';
import { shiftedMarks } from './startup-marks';

it("moves the worker's marks onto the page's clock by the difference of the time origins", () => {
  // the worker's clock started 800 ms after the page's: its 100 ms is the page's 900 ms
  const received = {
    origin: 10_800,
    marks: [
      ['worker:entry', 100],
      ['worker:first-step-done', 650.5],
    ] as [string, number][],
  };
  expect(shiftedMarks(received, 10_000)).toEqual([
    ['worker:entry', 900],
    ['worker:first-step-done', 1450.5],
  ]);
  // a clock that began later than the mark would be negative here: dropped, not mis-placed
  expect(shiftedMarks(received, 11_000)).toEqual([['worker:first-step-done', 450.5]]);
});
