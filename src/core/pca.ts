/**
 * The first two principal components of [rows, dim] data by power iteration on the
 * covariance (dim is small: 32–256). Returns the projected points [rows, 2].
 * `previous` axes keep signs stable between refreshes so the plot doesn't flip.
 */
export interface Projection {
  points: Float32Array; // [rows, 2]
  axes: Float32Array; // [2, dim]
  explained: [number, number];
}

export function pca2(
  data: Float32Array,
  rows: number,
  dim: number,
  previous?: Float32Array,
): Projection {
  const mean = new Float64Array(dim);
  for (let i = 0; i < rows; i++) for (let d = 0; d < dim; d++) mean[d] += data[i * dim + d];
  for (let d = 0; d < dim; d++) mean[d] /= rows || 1;
  const cov = new Float64Array(dim * dim);
  const centred = new Float64Array(dim);
  for (let i = 0; i < rows; i++) {
    for (let d = 0; d < dim; d++) centred[d] = data[i * dim + d] - mean[d];
    for (let a = 0; a < dim; a++) {
      const ca = centred[a];
      if (ca === 0) continue;
      for (let b = a; b < dim; b++) cov[a * dim + b] += ca * centred[b];
    }
  }
  for (let a = 0; a < dim; a++) for (let b = a; b < dim; b++) cov[b * dim + a] = cov[a * dim + b];
  let trace = 0;
  for (let d = 0; d < dim; d++) trace += cov[d * dim + d];

  const axes = new Float32Array(2 * dim);
  const explained: [number, number] = [0, 0];
  const work = Float64Array.from(cov);
  for (let component = 0; component < 2; component++) {
    let v = new Float64Array(dim).map((_, d) => Math.sin(d * 12.9898 + component * 78.233) + 1.5);
    let eigen = 0;
    for (let iter = 0; iter < 200; iter++) {
      const next = new Float64Array(dim);
      for (let a = 0; a < dim; a++) {
        let s = 0;
        for (let b = 0; b < dim; b++) s += work[a * dim + b] * v[b];
        next[a] = s;
      }
      const norm = Math.hypot(...next);
      if (norm === 0) break;
      for (let a = 0; a < dim; a++) next[a] /= norm;
      eigen = norm;
      const delta = next.reduce((acc, x, a) => acc + Math.abs(x - v[a]), 0);
      v = next;
      if (delta < 1e-9) break;
    }
    if (previous) {
      let dot = 0;
      for (let d = 0; d < dim; d++) dot += v[d] * previous[component * dim + d];
      if (dot < 0) v = v.map((x) => -x);
    }
    for (let d = 0; d < dim; d++) axes[component * dim + d] = v[d];
    explained[component] = trace > 0 ? eigen / trace : 0;
    // deflate: remove this component
    for (let a = 0; a < dim; a++)
      for (let b = 0; b < dim; b++) work[a * dim + b] -= eigen * v[a] * v[b];
  }

  const points = new Float32Array(rows * 2);
  for (let i = 0; i < rows; i++)
    for (let component = 0; component < 2; component++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += (data[i * dim + d] - mean[d]) * axes[component * dim + d];
      points[i * 2 + component] = s;
    }
  return { points, axes, explained };
}
