// The page load's critical path for the bench (run.mjs, --loads): the start-up marks of
// one load (src/worker/startup-marks.ts: the page's own, and the training worker's, which
// the page has already moved onto its clock) and their medians over several loads.

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * Resolves once the worker's marks have reached the page (they come after its first
 * step), then returns one load's milestones in ms after navigation start: the navigation,
 * the page's script files, every `startup:` mark.
 */
export async function startupTimeline(page) {
  await page.waitForFunction(
    () => performance.getEntriesByName('startup:worker:first-step-done').length > 0,
    null,
    { timeout: 30_000 },
  );
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const short = (url) => (url.split('/').pop() ?? url).replace(/-[\w-]{8}\./, '.');
    return [
      ...(navigation
        ? [
            ['page:html-received', navigation.responseEnd],
            ['page:dom-content-loaded', navigation.domContentLoadedEventEnd],
          ]
        : []),
      ...performance
        .getEntriesByType('resource')
        .filter((entry) => /\.(js|wasm|css)$/.test(entry.name))
        .map((entry) => [`page:fetched ${short(entry.name)}`, entry.responseEnd]),
      ...performance
        .getEntriesByType('mark')
        .filter((mark) => mark.name.startsWith('startup:'))
        .map((mark) => [mark.name.slice('startup:'.length), mark.startTime]),
    ];
  });
}

/** Each milestone's median over the loads that reached it, in time order. */
export function medianTimeline(timelines) {
  const byName = new Map();
  for (const timeline of timelines)
    for (const [name, at] of timeline) byName.set(name, [...(byName.get(name) ?? []), at]);
  return [...byName]
    .map(([name, times]) => [name, median(times), times.length])
    .sort((a, b) => a[1] - b[1]);
}

/** The timeline as printed: one line per milestone, with the gap since the one before. */
export function timelineLines(timeline, loads) {
  let previous = 0;
  return timeline.map(([name, at, count]) => {
    const line = `${String(Math.round(at)).padStart(6)} ms  +${String(Math.round(at - previous)).padStart(4)}  ${name}${count < loads ? ` (${count} of ${loads} loads)` : ''}`;
    previous = at;
    return line;
  });
}
