import type { History } from './history';
import type { PinnedRun } from './pin-model';

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Metric history as CSV, one row per point. With pinned runs a fourth column names the
 * run ("live", or the pinned run's label); without, the three columns as they always were.
 */
export function historyToCsv(
  history: History,
  pinned: { label: string; series: PinnedRun['series'] }[] = [],
): string {
  const withRuns = pinned.length > 0;
  const rows = [withRuns ? 'series,step,value,run' : 'series,step,value'];
  const write = (series: string, points: { step: number; value: number }[], run: string) => {
    for (const p of points)
      rows.push(`${series},${p.step},${p.value}${withRuns ? `,${csvField(run)}` : ''}`);
  };
  for (const [series, points] of Object.entries(history)) write(series, points, 'live');
  for (const pin of pinned)
    for (const [series, points] of Object.entries(pin.series)) write(series, points, pin.label);
  return rows.join('\n') + '\n';
}
