import { interpolateViridis } from 'd3';

/** 256-entry RGB look-up table of a d3 colour map: bulk pixels never call d3 per cell. */
export function makeLookupTable(
  interpolate: (t: number) => string = interpolateViridis,
): Uint8ClampedArray {
  const table = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const colour = interpolate(i / 255);
    const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour) ?? [];
    const rgb =
      match.length === 4
        ? match.slice(1).map((h) => parseInt(h, 16))
        : (colour.match(/\d+/g) ?? []).map(Number);
    table[i * 3] = rgb[0] ?? 0;
    table[i * 3 + 1] = rgb[1] ?? 0;
    table[i * 3 + 2] = rgb[2] ?? 0;
  }
  return table;
}

export const viridisTable = makeLookupTable();

/** Index into a 256-entry table for value in [low, high], clamped; NaN → 0. */
export function lookupIndex(value: number, low: number, high: number): number {
  if (!Number.isFinite(value) || high <= low) return 0;
  const t = (value - low) / (high - low);
  return Math.max(0, Math.min(255, Math.round(t * 255)));
}

/** CSS colour of a value on the viridis look-up table, for SVG and canvas strokes. */
export function viridisCss(value: number, low: number, high: number): string {
  const k = lookupIndex(value, low, high) * 3;
  return `rgb(${viridisTable[k]},${viridisTable[k + 1]},${viridisTable[k + 2]})`;
}

/** Okabe–Ito: eight categorical colours distinguishable with the common colour-vision deficiencies. */
export const categoricalColors = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#000000',
];
