/**
 * The colours and sizes the panels draw with, named by what they mark. Colour maps (viridis,
 * the categorical classes) are in ./colors.ts. Canvas sizes are in canvas pixels: CSS
 * scales the canvas to its box, and the e2e figure export reads these pixels.
 */
export const chartColors = {
  /** a positive pair: its cell's outline in the matrix, its bar in a row's softmax */
  positive: '#ff2d55',
  /** the other candidates of a row's softmax */
  candidate: '#3b6ea5',
  /** the selected row of the matrix */
  selection: '#111',
  /** the cell under the pointer or the keyboard */
  hover: '#fff',
  /** the split between the first and the second views of the batch */
  viewSplit: 'rgba(255,255,255,0.7)',
  /** a masked cell (self-similarity) or an empty queue slot (the random start) */
  masked: '#c8c8c8',
  /** a queue key whose image has no class */
  unlabelled: '#4477aa',
  /** the outline of a filled marker */
  markerOutline: '#333',
  /** the frame of a colour bar, and its ticks */
  legendFrame: '#888',
  legendTick: '#555',
  /** a bar chart's baseline */
  baseline: '#e5e5e5',
  /** the zero line of the per-anchor loss bars */
  zeroLine: '#e3e6ee',
  /** a loss term per anchor; the queue's write pointer */
  accent: '#d55e00',
  /** a bar of a per-layer readout */
  bar: '#0072b2',
  /** LightBSR's distillation terms */
  distillation: { kl: '#1f77b4', l1: '#d62728', mse: '#2ca02c' },
} as const;

/** The masked colour as RGBA bytes, for bulk pixels. */
export const maskedRgba: readonly [number, number, number, number] = [200, 200, 200, 255];

export const chartSizes = {
  /** the 2N × 2N similarity matrix */
  matrix: 384,
  /** SimCLR's embedding: PCA of h, one dot per image */
  embedding: { side: 320, padding: 8, radius: 3.2, hoveredRadius: 6, heldOutLine: 1.5 },
  /** Blind-SR's embedding: the σ × content grid, marker shape by content */
  degradationEmbedding: { side: 300, padding: 10, radius: 5, square: 4.5, outline: 0.6 },
  /** LightBSR's three small embeddings side by side (teacher, two students) */
  modelEmbedding: { side: 180, padding: 8, radius: 4, outline: 0.5 },
  /** LightBSR's distillation terms */
  distillationCurves: { width: 320, height: 120 },
} as const;
