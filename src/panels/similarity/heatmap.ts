import { rowSoftmax } from '../../core/simclr/similarity';
import type { SimilarityMode } from '../../state/config';
import { maskedRgba } from '../common/chart-style';
import { lookupIndex } from '../common/colors';

/**
 * What a cell shows in each mode, from the cached cosine similarities and the current τ.
 * self cells are NaN (masked). similarity: [V·V] → [V·V]
 */
export function cellValues(
  similarity: Float32Array,
  viewCount: number,
  mode: SimilarityMode,
  temperature: number,
): Float32Array {
  const out = new Float32Array(viewCount * viewCount);
  if (mode === 'softmax') {
    for (let row = 0; row < viewCount; row++)
      out.set(rowSoftmax(similarity, viewCount, row, temperature), row * viewCount);
  } else {
    const scale = mode === 'logits' ? 1 / temperature : 1;
    for (let i = 0; i < out.length; i++) out[i] = similarity[i] * scale;
  }
  for (let row = 0; row < viewCount; row++) out[row * viewCount + row] = NaN;
  return out;
}

/** The colour scale's domain in each mode. */
export function valueDomain(
  values: Float32Array,
  mode: SimilarityMode,
  temperature: number,
): [number, number] {
  if (mode === 'cosine') return [-1, 1];
  if (mode === 'logits') return [-1 / temperature, 1 / temperature];
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return [0, max || 1];
}

/** RGBA pixels, one per cell; masked cells in the masked colour. */
export function paintCells(
  values: Float32Array,
  domain: [number, number],
  table: Uint8ClampedArray,
): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      rgba.set(maskedRgba, i * 4);
      continue;
    }
    const k = lookupIndex(v, domain[0], domain[1]) * 3;
    rgba[i * 4] = table[k];
    rgba[i * 4 + 1] = table[k + 1];
    rgba[i * 4 + 2] = table[k + 2];
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

/** The cell under a point of a square canvas of side `pixels`, or null outside. */
export function hitCell(
  x: number,
  y: number,
  pixels: number,
  viewCount: number,
): { row: number; column: number } | null {
  if (x < 0 || y < 0 || x >= pixels || y >= pixels) return null;
  const cell = pixels / viewCount;
  return { row: Math.floor(y / cell), column: Math.floor(x / cell) };
}

/** Short name of view v: "3a" / "3b" (image 3, first or second view). */
export function viewLabel(view: number, viewCount: number): string {
  const n = viewCount / 2;
  return `${(view % n) + 1}${view < n ? 'a' : 'b'}`;
}
