import { rotatedDiagonal, type Degradation, type DegradationRanges } from './degrade';

/**
 * log Σ^½ = R(θ) diag(log λ1, log λ2) R(θ)ᵀ as [xx, xy, yy]: the log of the kernel's
 * standard-deviation matrix, which depends only on Σ, not on how it was parametrised
 * ((λ1, λ2, θ) and (λ2, λ1, θ + π/2) are the same kernel).
 */
function logDeviationMatrix(d: Degradation): [number, number, number] {
  return rotatedDiagonal(Math.log(d.lambda1), Math.log(d.lambda2), d.theta);
}

/**
 * Distance between two degradations for the negative weights, each part scaled to about
 * [0, 1] over its range:
 * - isotropic kernels: the σ difference on a log scale (λ1 = λ2 = σ);
 * - anisotropic kernels: the log-Euclidean distance between the covariance matrices
 *   (Arsigny et al. 2006), ‖½ log Σa − ½ log Σb‖_F / log(σmax/σmin). It is 0 for the same
 *   kernel however it is written, and for two isotropic kernels it equals the isotropic
 *   formula (√2 · |log(σa/σb)| / log(σmax/σmin)), so both kinds share one scale;
 * - the noise level difference over its range.
 */
export function degradationDistance(
  a: Degradation,
  b: Degradation,
  ranges: DegradationRanges,
): number {
  const [p, q] = [degradationPoint(a, ranges), degradationPoint(b, ranges)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2], p[3] - q[3]);
}

/**
 * Where degradationDistance puts a degradation: d(a, b) = ‖p(a) − p(b)‖ with
 * p = [½ log Σ as (xx, √2·xy, yy) / log(σmax/σmin), noise / noiseMax] (for an isotropic
 * kernel ½ log Σ = log σ · I). One point per degradation, not two logarithms or rotations
 * per pair: a batch's 16 queries against a queue of 512 took ~0.75 ms a step pair by pair.
 */
function degradationPoint(d: Degradation, ranges: DegradationRanges): Float64Array {
  const logSpan = Math.log(ranges.sigmaMax / ranges.sigmaMin) || 1;
  const [xx, xy, yy] = logDeviationMatrix(d);
  const noise = ranges.noiseMax > 0 ? d.noise / ranges.noiseMax : 0;
  return Float64Array.of(xx / logSpan, (Math.SQRT2 * xy) / logSpan, yy / logSpan, noise);
}

/**
 * This playground's form of LightBSR's degradation-prior weighting:
 * w_j = 1 − exp(−d(deg_q, deg_j)² / (2γ²)), then normalised to mean 1 over the row.
 * A negative with (nearly) the query's degradation — a likely false negative — counts
 * little. Entries with no known degradation (the queue's random start) get weight 1.
 */
export function negativeWeights(
  query: Degradation,
  negatives: (Degradation | null)[],
  ranges: DegradationRanges,
  gamma: number,
): Float32Array {
  return negativeWeightRows([query], negatives, ranges, gamma)[0];
}

/**
 * Each queue entry's point, kept with the ranges it was computed for: the queue keeps its
 * degradations for K / N steps, and their logarithms and rotations were most of a step's
 * weights (~0.4 ms a step for 16 × 512).
 */
const pointCache = new WeakMap<Degradation, { ranges: string; point: Float64Array }>();

function cachedPoint(d: Degradation, ranges: DegradationRanges, key: string): Float64Array {
  const hit = pointCache.get(d);
  if (hit?.ranges === key) return hit.point;
  const point = degradationPoint(d, ranges);
  pointCache.set(d, { ranges: key, point });
  return point;
}

/** negativeWeights of several queries against the same negatives, one row each. */
export function negativeWeightRows(
  queries: Degradation[],
  negatives: (Degradation | null)[],
  ranges: DegradationRanges,
  gamma: number,
): Float32Array[] {
  const key = `${ranges.sigmaMin} ${ranges.sigmaMax} ${ranges.noiseMax}`;
  // the negatives' points side by side, four numbers each (NaN: no known degradation)
  const n = negatives.length;
  const points = new Float64Array(4 * n);
  for (let j = 0; j < n; j++) {
    const negative = negatives[j];
    if (negative) points.set(cachedPoint(negative, ranges, key), 4 * j);
    else points[4 * j] = NaN;
  }
  const scale = 1 / (2 * gamma * gamma);
  return queries.map((query) => {
    const [q0, q1, q2, q3] = degradationPoint(query, ranges);
    const weights = new Float32Array(n);
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const at = 4 * j;
      if (Number.isNaN(points[at])) weights[j] = 1;
      else {
        const e0 = q0 - points[at];
        const e1 = q1 - points[at + 1];
        const e2 = q2 - points[at + 2];
        const e3 = q3 - points[at + 3];
        const d2 = e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3;
        weights[j] = 1 - Math.exp(-d2 * scale);
      }
      sum += weights[j];
    }
    const mean = sum / (n || 1);
    if (mean > 0) for (let j = 0; j < n; j++) weights[j] /= mean;
    return weights;
  });
}
