/**
 * Start-up milestones on this thread's performance timeline (`startup:<name>`), the first
 * of each name only: page load → first step, read by the bench (bench/run.mjs) from the
 * page and from the training worker, whose times it moves onto the page's clock.
 */
const marked = new Set<string>();

export function markStartup(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(`startup:${name}`);
}
