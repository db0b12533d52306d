/**
 * NT-Xent from a cached cosine-similarity matrix, in plain TypeScript (no tfjs), so the
 * page can re-evaluate loss and softmax the instant τ moves, without a training step.
 *
 * Layout: views stacked as [z1; z2], 2N rows; the positive of row i is (i + N) mod 2N.
 */
export function positiveOf(row: number, viewCount: number): number {
  const n = viewCount / 2;
  return row < n ? row + n : row - n;
}

/**
 * Softmax of row i over its 2N−1 candidates (self excluded, set to 0).
 * similarity: [2N·2N] row-major cosine similarities. → [2N]
 */
export function rowSoftmax(
  similarity: Float32Array,
  viewCount: number,
  row: number,
  temperature: number,
): Float32Array {
  const out = new Float32Array(viewCount);
  let max = -Infinity;
  for (let k = 0; k < viewCount; k++)
    if (k !== row) max = Math.max(max, similarity[row * viewCount + k] / temperature);
  let sum = 0;
  for (let k = 0; k < viewCount; k++) {
    if (k === row) continue;
    out[k] = Math.exp(similarity[row * viewCount + k] / temperature - max);
    sum += out[k];
  }
  for (let k = 0; k < viewCount; k++) out[k] /= sum;
  return out;
}

/** ℓ(i, pos(i)) = −log softmax_i[pos(i)], computed with log-sum-exp. */
export function rowLoss(
  similarity: Float32Array,
  viewCount: number,
  row: number,
  temperature: number,
): number {
  let max = -Infinity;
  for (let k = 0; k < viewCount; k++)
    if (k !== row) max = Math.max(max, similarity[row * viewCount + k] / temperature);
  let sum = 0;
  for (let k = 0; k < viewCount; k++)
    if (k !== row) sum += Math.exp(similarity[row * viewCount + k] / temperature - max);
  const positive = similarity[row * viewCount + positiveOf(row, viewCount)] / temperature;
  return max + Math.log(sum) - positive;
}

/** SimCLR eq. 1 averaged over all 2N anchors (the loss the UI shows). */
export function ntXentFromSimilarity(
  similarity: Float32Array,
  viewCount: number,
  temperature: number,
): number {
  let total = 0;
  for (let row = 0; row < viewCount; row++)
    total += rowLoss(similarity, viewCount, row, temperature);
  return total / viewCount;
}

/** Positive-pair top-1 accuracy: the share of rows whose argmax (self excluded) is the positive. */
export function positiveTop1(similarity: Float32Array, viewCount: number): number {
  let hits = 0;
  for (let row = 0; row < viewCount; row++) {
    let best = -1;
    let bestValue = -Infinity;
    for (let k = 0; k < viewCount; k++) {
      if (k === row) continue;
      const v = similarity[row * viewCount + k];
      if (v > bestValue) {
        bestValue = v;
        best = k;
      }
    }
    if (best === positiveOf(row, viewCount)) hits++;
  }
  return hits / viewCount;
}

/** The loss of a random encoder: every candidate equally likely, log(2N − 1). */
export function chanceLoss(viewCount: number): number {
  return Math.log(viewCount - 1);
}
