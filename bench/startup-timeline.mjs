// The page load's critical path for the bench (run.mjs, --loads): milestones of one load
// and their medians over several.

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * The start-up milestones of one load, in ms on the page's clock: the page's and the
 * training worker's `startup:` marks (src/worker/timeline.ts; the worker's moved by the
 * difference of the two time origins), the navigation, the worker's own fetches (its
 * chunks, the wasm binary), Play enabled and the first step.
 */
export async function startupTimeline(page, load) {
  const marksOf = () => ({
    origin: performance.timeOrigin,
    marks: performance
      .getEntriesByType('mark')
      .filter((mark) => mark.name.startsWith('startup:'))
      .map((mark) => [mark.name.slice('startup:'.length), mark.startTime]),
    fetched: performance
      .getEntriesByType('resource')
      .filter((entry) => /\.(wasm|js)$/.test(entry.name))
      .map((entry) => [`fetched ${entry.name.split('/').pop()}`, entry.responseEnd]),
  });
  const own = await page.evaluate(marksOf);
  const navigation = await page.evaluate(() => {
    const entry = performance.getEntriesByType('navigation')[0];
    return entry
      ? [
          ['page:response', entry.responseEnd],
          ['page:dom-content-loaded', entry.domContentLoadedEventEnd],
          ['page:load-event', entry.loadEventEnd],
        ]
      : [];
  });
  const trainer = page.workers().find((worker) => worker.url().includes('train.worker'));
  const worker = trainer ? await trainer.evaluate(marksOf).catch(() => null) : null;
  const shift = worker ? worker.origin - own.origin : 0;
  return [
    ...navigation,
    ...own.marks,
    ...own.fetched.filter(([name]) => /^fetched index-/.test(name)),
    ...(worker ? [...worker.marks, ...worker.fetched].map(([name, t]) => [name, t + shift]) : []),
    ['bench:play-enabled', load.playAt],
    ['bench:first-step', load.firstStepAt],
  ].map(([name, t]) => [name.replace(/-[\w-]{8}\.(js|wasm)$/, '.$1'), t]);
}

/** Each milestone's median over the loads that reached it, in time order. */
export function medianTimeline(timelines) {
  const byName = new Map();
  for (const timeline of timelines)
    for (const [name, t] of timeline) byName.set(name, [...(byName.get(name) ?? []), t]);
  return [...byName].map(([name, times]) => [name, median(times)]).sort((a, b) => a[1] - b[1]);
}
