import type { History } from './history';

/** Metric history as CSV (unit-tested). */
export function historyToCsv(history: History): string {
  const rows = ['series,step,value'];
  for (const [series, points] of Object.entries(history)) {
    for (const p of points as { step: number; value: number }[])
      rows.push(`${series},${p.step},${p.value}`);
  }
  return rows.join('\n') + '\n';
}
