// Page load → first step for the bench (run.mjs --loads, pageload.mjs): one load in a
// fresh browser, its critical path (the start-up marks of src/worker/startup-marks.ts: the
// page's own and the training worker's, which the page has moved onto its clock) and their
// medians over several loads.
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/browser.mjs';

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
  try {
    await page.waitForFunction(
      () => performance.getEntriesByName('startup:worker:first-step-done').length > 0,
      null,
      { timeout: 10_000 },
    );
  } catch {
    // a build from before the marks (an A/B against an old commit): its navigation and files only
  }
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

/**
 * One load of `url` in a fresh browser (no code cache, no HTTP cache, no service worker),
 * `settleMs` after its launch (a browser just started is still starting its own UI: 0.6 s
 * more to the first step here), Play pressed in the frame it is enabled (a student who does
 * not wait). → { playAt,
 * firstStepAt, timeline } in ms after navigation start
 */
export async function measurePageLoad(url, { settleMs = 0 } = {}) {
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));
    await page.addInitScript(() => {
      window.__PLAYGROUND_TEST_HOOKS__ = true;
      const load = { firstStepAt: null };
      window.__load = load;
      const attach = setInterval(() => {
        if (!window.__playground) return;
        clearInterval(attach);
        window.__playground.store.subscribe((s, p) => {
          if (s.run.step !== p.run.step && s.run.lastStep) load.firstStepAt ??= performance.now();
        });
      }, 1);
    });
    await page.goto(url);
    await page.waitForFunction(
      () => {
        const play = document.querySelector('[data-testid=play]');
        if (play?.disabled !== false) return false;
        window.__load.playAt = performance.now();
        play.click();
        return true;
      },
      null,
      { timeout: 120_000, polling: 'raf' },
    );
    await page.waitForFunction(() => window.__load.firstStepAt !== null, null, {
      timeout: 60_000,
    });
    const load = await page.evaluate(() => ({ ...window.__load }));
    return { ...load, timeline: await startupTimeline(page) };
  } finally {
    await browser.close();
  }
}

/** Medians of several loads (null when none finished). */
export function pageLoadSummary(loads) {
  if (!loads.length) return null;
  return {
    loads: loads.length,
    medianReadyMs: median(loads.map((l) => l.playAt)),
    medianFirstStepMs: median(loads.map((l) => l.firstStepAt)),
    firstStepMs: loads.map((l) => Math.round(l.firstStepAt)),
    criticalPath: medianTimeline(loads.map((l) => l.timeline)),
  };
}
