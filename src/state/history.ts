/**
 * Bounded metric history: when a series passes `capacity` points it keeps every other
 * one, so a lecture-long run costs the same memory as a short one and still spans
 * the whole run.
 */
export interface HistoryPoint {
  step: number;
  value: number;
}

export const historyCapacity = 1200;

export function appendBounded(
  series: HistoryPoint[],
  point: HistoryPoint,
  capacity = historyCapacity,
): HistoryPoint[] {
  const next = series.length >= capacity ? series.filter((_, i) => i % 2 === 1) : series.slice();
  next.push(point);
  return next;
}

export interface History {
  /** SimCLR NT-Xent, or the Blind-SR stage-1 InfoNCE */
  loss: HistoryPoint[];
  accuracy: HistoryPoint[];
  alignment: HistoryPoint[];
  uniformity: HistoryPoint[];
  knn: HistoryPoint[];
  /** kNN of the projection z, beside kNN of h */
  knnProjection: HistoryPoint[];
  /** Blind-SR stage 2: L1 of the upsampler */
  srLoss: HistoryPoint[];
  /** Blind-SR: |Spearman(σ, PC1)| of the degradation embedding */
  spearman: HistoryPoint[];
  psnrSr: HistoryPoint[];
  psnrBicubic: HistoryPoint[];
  psnrWithout: HistoryPoint[];
  psnrOracle: HistoryPoint[];
}

export const emptyHistory: History = {
  loss: [],
  accuracy: [],
  alignment: [],
  uniformity: [],
  knn: [],
  knnProjection: [],
  srLoss: [],
  spearman: [],
  psnrSr: [],
  psnrBicubic: [],
  psnrWithout: [],
  psnrOracle: [],
};
