/**
 * Representation metrics on plain arrays. Embeddings are row-major [rows, dim].
 */

/** Wang & Isola 2020: alignment E‖ẑ_i − ẑ_i⁺‖² over positive pairs (rows of a and b). */
export function alignment(a: Float32Array, b: Float32Array, rows: number, dim: number): number {
  let total = 0;
  for (let i = 0; i < rows; i++) {
    let d = 0;
    for (let k = 0; k < dim; k++) {
      const diff = a[i * dim + k] - b[i * dim + k];
      d += diff * diff;
    }
    total += d;
  }
  return total / rows;
}

/** Wang & Isola 2020: uniformity log E exp(−t‖ẑ_i − ẑ_j‖²) over distinct pairs, t = 2. */
export function uniformity(z: Float32Array, rows: number, dim: number, t = 2): number {
  // log-mean-exp of −t·d² over i < j, stable
  const values: number[] = [];
  let max = -Infinity;
  for (let i = 0; i < rows; i++)
    for (let j = i + 1; j < rows; j++) {
      let d = 0;
      for (let k = 0; k < dim; k++) {
        const diff = z[i * dim + k] - z[j * dim + k];
        d += diff * diff;
      }
      const v = -t * d;
      values.push(v);
      if (v > max) max = v;
    }
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum / values.length);
}

/**
 * How spread out a set of representations is: the mean distance to their centroid over
 * the mean norm, ∈ [0, ~1]. 0 when every row is the same vector (collapse). Also returns
 * the mean norm (the embedding plot's minimum scale). x: [rows, dim]
 */
export function relativeSpread(
  x: Float32Array,
  rows: number,
  dim: number,
): { spread: number; meanNorm: number } {
  if (rows === 0) return { spread: 0, meanNorm: 0 };
  const centroid = new Float64Array(dim);
  for (let i = 0; i < rows; i++) for (let k = 0; k < dim; k++) centroid[k] += x[i * dim + k] / rows;
  let distance = 0;
  let norm = 0;
  for (let i = 0; i < rows; i++) {
    let d = 0;
    let n = 0;
    for (let k = 0; k < dim; k++) {
      const v = x[i * dim + k];
      d += (v - centroid[k]) ** 2;
      n += v * v;
    }
    distance += Math.sqrt(d) / rows;
    norm += Math.sqrt(n) / rows;
  }
  return { spread: norm > 0 ? distance / norm : 0, meanNorm: norm };
}

/** Row-wise L2 normalisation, copying. */
export function normalizeRows(x: Float32Array, rows: number, dim: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < rows; i++) {
    let norm = 0;
    for (let k = 0; k < dim; k++) norm += x[i * dim + k] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < dim; k++) out[i * dim + k] = x[i * dim + k] / norm;
  }
  return out;
}

/**
 * k-nearest-neighbour accuracy by cosine similarity (as in InstDisc / SimCLR's kNN monitor):
 * each query takes the majority label of its k nearest bank rows (ties → nearest).
 */
export function knnAccuracy(
  bank: Float32Array,
  bankLabels: ArrayLike<number>,
  queries: Float32Array,
  queryLabels: ArrayLike<number>,
  dim: number,
  k = 5,
): number {
  const bankRows = bankLabels.length;
  const queryRows = queryLabels.length;
  const b = normalizeRows(bank, bankRows, dim);
  const q = normalizeRows(queries, queryRows, dim);
  // the k best of each query kept in order as the bank is scanned (no array of every score
  // sorted per query): a score enters only above the k-th, after those it ties with — the
  // first k of a stable descending sort, the same neighbours
  const topScores = new Float64Array(k);
  const topLabels: number[] = new Array<number>(k).fill(-1);
  let correct = 0;
  for (let i = 0; i < queryRows; i++) {
    let filled = 0;
    for (let j = 0; j < bankRows; j++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += q[i * dim + d] * b[j * dim + d];
      if (filled === k && !(s > topScores[k - 1])) continue;
      let at = filled < k ? filled++ : k - 1;
      for (; at > 0 && topScores[at - 1] < s; at--) {
        topScores[at] = topScores[at - 1];
        topLabels[at] = topLabels[at - 1];
      }
      topScores[at] = s;
      topLabels[at] = bankLabels[j];
    }
    const top = topLabels.slice(0, filled);
    const votes = new Map<number, number>();
    for (const label of top) votes.set(label, (votes.get(label) ?? 0) + 1);
    let best = top[0] ?? -1;
    let bestVotes = 0;
    for (const label of top) {
      const v = votes.get(label) ?? 0;
      if (v > bestVotes) {
        bestVotes = v;
        best = label;
      }
    }
    if (best === queryLabels[i]) correct++;
  }
  return queryRows === 0 ? 0 : correct / queryRows;
}

/** Peak signal-to-noise ratio in dB for values in [0, 1]. */
export function psnr(a: Float32Array, b: Float32Array): number {
  let mse = 0;
  for (let i = 0; i < a.length; i++) mse += (a[i] - b[i]) ** 2;
  mse /= a.length;
  return mse === 0 ? Infinity : 10 * Math.log10(1 / mse);
}

/** Spearman rank correlation. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const rank = (v: ArrayLike<number>): number[] => {
    const idx = Array.from({ length: v.length }, (_, i) => i).sort((i, j) => v[i] - v[j]);
    const r = new Array<number>(v.length);
    idx.forEach((original, position) => (r[original] = position));
    return r;
  };
  const rx = rank(x);
  const ry = rank(y);
  const n = rx.length;
  const mean = (n - 1) / 2;
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < n; i++) {
    num += (rx[i] - mean) * (ry[i] - mean);
    dx += (rx[i] - mean) ** 2;
    dy += (ry[i] - mean) ** 2;
  }
  return num / Math.sqrt(dx * dy || 1);
}
