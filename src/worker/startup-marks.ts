/**
 * The page load's critical path as `performance.mark`s named `startup:<thread>:<point>`,
 * the first of each name only (a rebuild or a second Play adds nothing). The worker sends
 * its marks to the page once its first step is done; the page moves them onto its own clock
 * (the two threads' time origins differ by the worker's start) and adds them to its
 * timeline, where the bench (bench/startup-timeline.mjs) and a developer's Performance panel
 * read one timeline. A mark costs a few microseconds; they stay in production builds.
 */
const prefix = 'startup:';
const marked = new Set<string>();

/** Marks `point` on this thread's timeline, once. */
export function markStartup(point: string): void {
  if (marked.has(point) || typeof performance === 'undefined' || !performance.mark) return;
  marked.add(point);
  performance.mark(prefix + point);
}

/** The page: a step's loss has arrived, and (one frame later) is on screen. */
export function markFirstStep(): void {
  if (marked.has('page:first-step-received')) return;
  markStartup('page:first-step-received');
  requestAnimationFrame(() => markStartup('page:first-step-shown'));
}

/** This thread's start-up marks, for the other thread: its time origin and each mark. */
export interface StartupMarks {
  /** `performance.timeOrigin` of the thread that made them (ms since the epoch) */
  origin: number;
  marks: [point: string, atMs: number][];
}

/**
 * This thread's marks, and when each of its code and wasm files arrived
 * (`<thread>:fetched <file>`, the file's hash left out).
 */
export function collectStartupMarks(thread: string): StartupMarks {
  const marks = performance
    .getEntriesByType('mark')
    .filter((entry) => entry.name.startsWith(prefix))
    .map((entry): [string, number] => [entry.name.slice(prefix.length), entry.startTime]);
  const fetched = performance
    .getEntriesByType('resource')
    .filter((entry) => /\.(js|wasm)$/.test(entry.name))
    .map((entry): [string, number] => [
      `${thread}:fetched ${(entry.name.split('/').pop() ?? '').replace(/-[\w-]{8}\./, '.')}`,
      (entry as PerformanceResourceTiming).responseEnd,
    ]);
  return { origin: performance.timeOrigin, marks: [...marks, ...fetched] };
}

/**
 * The worker's marks on this thread's clock: a mark at `t` on a clock that started at
 * `origin` happened at `t + origin - ownOrigin` here. Marks before this clock began (none
 * in practice: the worker starts after the page) are dropped, as `performance.mark` would
 * refuse a negative time.
 */
export function shiftedMarks(
  received: StartupMarks,
  ownOrigin: number,
): [point: string, atMs: number][] {
  const shift = received.origin - ownOrigin;
  return received.marks
    .map(([point, at]): [string, number] => [point, at + shift])
    .filter(([, at]) => at >= 0);
}

/** Adds the worker's marks to this (the page's) timeline. */
export function acceptStartupMarks(received: StartupMarks): void {
  for (const [point, at] of shiftedMarks(received, performance.timeOrigin)) {
    if (marked.has(point)) continue;
    marked.add(point);
    performance.mark(prefix + point, { startTime: at });
  }
}
