/** px between two ghost labels' baselines: their 11 px text does not overlap */
const labelGap = 13;

/**
 * Label baselines moved apart (in their order on the chart) so that no two overlap, and
 * kept inside [top, bottom]: four pins' labels at the end of nearby lines stay readable.
 */
export function dodgeLabels(wanted: number[], top: number, bottom: number): number[] {
  const order = wanted
    .map((value, index) => ({ value, index }))
    .filter((entry) => Number.isFinite(entry.value))
    .sort((a, b) => a.value - b.value);
  const placed = order.map((entry) => Math.min(bottom, Math.max(top, entry.value)));
  for (let i = 1; i < placed.length; i++)
    placed[i] = Math.max(placed[i]!, placed[i - 1]! + labelGap);
  for (let i = placed.length - 1; i >= 0; i--) {
    const limit = i === placed.length - 1 ? bottom : placed[i + 1]! - labelGap;
    placed[i] = Math.min(placed[i]!, limit);
  }
  const result = wanted.slice();
  order.forEach((entry, i) => (result[entry.index] = placed[i]!));
  return result;
}
