/** Pure helpers for the embedding scatter: fit a square view, find the nearest point. */
export function fitDomain(
  points: Float32Array,
  /** the smallest half-width of the view, around the origin (PCA points are centred) */
  minimumHalfWidth = 0,
): { x: [number, number]; y: [number, number] } {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < points.length; i += 2) {
    minX = Math.min(minX, points[i]);
    maxX = Math.max(maxX, points[i]);
    minY = Math.min(minY, points[i + 1]);
    maxY = Math.max(maxY, points[i + 1]);
  }
  if (!Number.isFinite(minX)) return { x: [-1, 1], y: [-1, 1] };
  const pad = (lo: number, hi: number): [number, number] => {
    const span = hi - lo || 1e-6;
    return [
      Math.min(lo - span * 0.05, -minimumHalfWidth),
      Math.max(hi + span * 0.05, minimumHalfWidth),
    ];
  };
  return { x: pad(minX, maxX), y: pad(minY, maxY) };
}

export function nearestPoint(
  screen: Float32Array,
  x: number,
  y: number,
  radius: number,
): number | null {
  let best: number | null = null;
  let bestDistance = radius * radius;
  for (let i = 0; i < screen.length / 2; i++) {
    const d = (screen[i * 2] - x) ** 2 + (screen[i * 2 + 1] - y) ** 2;
    if (d <= bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return best;
}
