import * as tf from '@tensorflow/tfjs';
import type { Random } from './random';

/**
 * The blind-SR degradation model of DASR / LightBSR (utils/util.py): blur the HR image with
 * a Gaussian kernel (isotropic σ, or anisotropic Σ = R(θ) diag(λ1², λ2²) R(θ)ᵀ), reflection
 * padding, bicubic down-sampling ×s (antialiased like MATLAB imresize), Gaussian noise
 * of level U[0, n] in 0–255 units, clamp to [0, 1].
 */
export interface Degradation {
  kind: 'isotropic' | 'anisotropic';
  /** isotropic σ, or for anisotropic the geometric mean √(λ1·λ2) — one "blur amount" to colour by */
  sigma: number;
  lambda1: number;
  lambda2: number;
  theta: number;
  /** noise standard deviation in 0–255 units */
  noise: number;
}

export interface DegradationRanges {
  kind: 'isotropic' | 'anisotropic';
  sigmaMin: number;
  sigmaMax: number;
  noiseMax: number;
}

export function sampleDegradation(ranges: DegradationRanges, random: Random): Degradation {
  const noise = random.uniform(0, ranges.noiseMax);
  if (ranges.kind === 'isotropic') {
    const sigma = random.uniform(ranges.sigmaMin, ranges.sigmaMax);
    return { kind: 'isotropic', sigma, lambda1: sigma, lambda2: sigma, theta: 0, noise };
  }
  const lambda1 = random.uniform(ranges.sigmaMin, ranges.sigmaMax);
  const lambda2 = random.uniform(ranges.sigmaMin, ranges.sigmaMax);
  const theta = random.uniform(0, Math.PI);
  return {
    kind: 'anisotropic',
    sigma: Math.sqrt(lambda1 * lambda2),
    lambda1,
    lambda2,
    theta,
    noise,
  };
}

/** Gaussian blur kernel, size×size, sums to 1. [size · size] row-major */
export function blurKernel(degradation: Degradation, size: number): Float32Array {
  const { lambda1, lambda2, theta } = degradation;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  // Σ = R diag(λ1², λ2²) Rᵀ; the kernel is exp(−½ xᵀ Σ⁻¹ x)
  const a = cos * cos * lambda1 ** 2 + sin * sin * lambda2 ** 2;
  const b = cos * sin * (lambda1 ** 2 - lambda2 ** 2);
  const d = sin * sin * lambda1 ** 2 + cos * cos * lambda2 ** 2;
  const det = a * d - b * b;
  const inverse = [d / det, -b / det, a / det];
  const kernel = new Float32Array(size * size);
  const centre = (size - 1) / 2;
  let sum = 0;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const u = x - centre;
      const v = y - centre;
      const value = Math.exp(
        -0.5 * (inverse[0] * u * u + 2 * inverse[1] * u * v + inverse[2] * v * v),
      );
      kernel[y * size + x] = value;
      sum += value;
    }
  for (let i = 0; i < kernel.length; i++) kernel[i] /= sum;
  return kernel;
}

/** Keys' cubic convolution kernel (a = −0.5), as MATLAB's imresize. */
function cubic(x: number): number {
  const ax = Math.abs(x);
  if (ax <= 1) return 1.5 * ax ** 3 - 2.5 * ax ** 2 + 1;
  if (ax <= 2) return -0.5 * ax ** 3 + 2.5 * ax ** 2 - 4 * ax + 2;
  return 0;
}

/**
 * Bicubic resampling as a matrix [outSize, inSize], antialiased when shrinking (the kernel
 * is stretched by 1/scale, MATLAB imresize), symmetric reflection at the borders.
 */
export function bicubicMatrix(inSize: number, outSize: number): Float32Array {
  const scale = outSize / inSize;
  const antialias = scale < 1;
  const width = antialias ? 4 / scale : 4;
  const matrix = new Float32Array(outSize * inSize);
  for (let i = 0; i < outSize; i++) {
    const centre = (i + 0.5) / scale - 0.5;
    const first = Math.floor(centre - width / 2);
    const taps = Math.ceil(width) + 2;
    let sum = 0;
    const row: [number, number][] = [];
    for (let k = 0; k < taps; k++) {
      const j = first + k;
      const distance = centre - j;
      const w = antialias ? scale * cubic(scale * distance) : cubic(distance);
      if (w === 0) continue;
      // symmetric padding
      let source = j;
      while (source < 0 || source >= inSize)
        source = source < 0 ? -source - 1 : 2 * inSize - source - 1;
      row.push([source, w]);
      sum += w;
    }
    for (const [source, w] of row) matrix[i * inSize + source] += w / sum;
  }
  return matrix;
}

/** [rows, columns] row-major → its transpose [columns, rows] */
function transposed(matrix: Float32Array, rows: number, columns: number): Float32Array {
  const out = new Float32Array(matrix.length);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < columns; j++) out[j * rows + i] = matrix[i * columns + j];
  return out;
}

/**
 * Resize a batch with separable bicubic matrices: two matrix products.
 * images: [B, H, W, C] → [B, outSize, outSize, C] (square images)
 */
export function bicubicResize(images: tf.Tensor4D, outSize: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [b, h, w, c] = images.shape;
    // the matrices go in already transposed: tfjs-wasm runs matMul(…, transposeB) ~30×
    // slower than the plain product
    const rows = tf.tensor2d(transposed(bicubicMatrix(h, outSize), outSize, h), [h, outSize]);
    const columns = tf.tensor2d(transposed(bicubicMatrix(w, outSize), outSize, w), [w, outSize]);
    // along W: move W last, multiply, move back
    const alongW = images
      .transpose([0, 1, 3, 2]) // [B, H, C, W]
      .reshape([b * h * c, w])
      .matMul(columns) // [B·H·C, out]
      .reshape([b, h, c, outSize])
      .transpose([0, 3, 2, 1]) // [B, out(W), C, H]
      .reshape([b * outSize * c, h])
      .matMul(rows) // [B·outW·C, outH]
      .reshape([b, outSize, c, outSize])
      .transpose([0, 3, 1, 2]); // [B, outH, outW, C]
    return alongW as tf.Tensor4D;
  });
}

/**
 * Blur each image with its own kernel (reflection padding), as one depthwise convolution
 * over the batch laid out as channels. images: [B, H, W, 3], kernels: B × [k·k] → [B, H, W, 3]
 */
export function blurBatch(
  images: tf.Tensor4D,
  kernels: Float32Array[],
  kernelSize: number,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [b, h, w] = images.shape;
    const half = Math.floor(kernelSize / 2);
    const padded = tf.mirrorPad(
      images,
      [
        [0, 0],
        [half, half],
        [half, half],
        [0, 0],
      ],
      'reflect',
    );
    const asChannels = padded
      .transpose([1, 2, 0, 3])
      .reshape([1, h + 2 * half, w + 2 * half, b * 3]) as tf.Tensor4D;
    const filter = new Float32Array(kernelSize * kernelSize * b * 3);
    for (let i = 0; i < b; i++)
      for (let t = 0; t < kernelSize * kernelSize; t++)
        for (let c = 0; c < 3; c++) filter[t * b * 3 + i * 3 + c] = kernels[i][t];
    const blurred = tf.depthwiseConv2d(
      asChannels,
      tf.tensor4d(filter, [kernelSize, kernelSize, b * 3, 1]),
      1,
      'valid',
    );
    return blurred.reshape([h, w, b, 3]).transpose([2, 0, 1, 3]) as tf.Tensor4D;
  });
}

/**
 * The 1-D factors of a blur kernel that is separable — isotropic, or anisotropic with its
 * axes on the pixel grid (no xy term in Σ⁻¹) — each normalised to sum 1, so that
 * blurKernel = y ⊗ x; null otherwise. [size] each
 */
export function separableBlur(
  degradation: Degradation,
  size: number,
): { x: Float64Array; y: Float64Array } | null {
  const { lambda1, lambda2, theta } = degradation;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const a = cos * cos * lambda1 ** 2 + sin * sin * lambda2 ** 2;
  const b = cos * sin * (lambda1 ** 2 - lambda2 ** 2);
  const d = sin * sin * lambda1 ** 2 + cos * cos * lambda2 ** 2;
  if (b !== 0) return null;
  // same Σ⁻¹ as blurKernel: exp(−½ (u²/a + v²/d)) = exp(−½u²/a) · exp(−½v²/d)
  const factor = (variance: number) => {
    const centre = (size - 1) / 2;
    const values = new Float64Array(size);
    let sum = 0;
    for (let t = 0; t < size; t++) {
      values[t] = Math.exp((-0.5 * (t - centre) ** 2) / variance);
      sum += values[t];
    }
    return values.map((v) => v / sum);
  };
  return { x: factor(a), y: factor(d) };
}

/**
 * One axis of blur-then-resize as a sparse matrix [outSize, inSize]: the reflection-padded
 * 1-D blur (mirrorPad 'reflect', as blurBatch) followed by the bicubic matrix. Rows as
 * (column index, weight) lists: ≤ taps(bicubic) + size − 1 nonzeros each.
 */
function blurResizeRows(
  blur: Float64Array,
  bicubic: Float32Array,
  inSize: number,
  outSize: number,
): { index: Int32Array; weight: Float64Array }[] {
  const half = Math.floor(blur.length / 2);
  const dense = new Float64Array(inSize);
  return Array.from({ length: outSize }, (_, o) => {
    dense.fill(0);
    for (let i = 0; i < inSize; i++) {
      const r = bicubic[o * inSize + i];
      if (r === 0) continue;
      for (let t = 0; t < blur.length; t++) {
        let j = i + t - half;
        j = j < 0 ? -j : j >= inSize ? 2 * (inSize - 1) - j : j;
        dense[j] += r * blur[t];
      }
    }
    const index: number[] = [];
    for (let j = 0; j < inSize; j++) if (dense[j] !== 0) index.push(j);
    return { index: Int32Array.from(index), weight: Float64Array.from(index, (j) => dense[j]) };
  });
}

/**
 * Blur + bicubic ↓ of one image with separable blur factors, in plain JS: both are linear
 * and separable, so each axis is one sparse [out, in] matrix and LR = Mᵧ · X · Mₓᵀ per
 * channel — ~20 taps per output instead of a 13×13 depthwise convolution at full HR
 * resolution (the single most expensive kernel of the Blind-SR step on wasm).
 * pixels: [size, size, 3] → out: [outSize, outSize, 3] at `offset`
 */
function blurResizeSeparable(
  pixels: Float32Array,
  size: number,
  rows: { index: Int32Array; weight: Float64Array }[],
  columns: { index: Int32Array; weight: Float64Array }[],
  out: Float32Array,
  offset: number,
): void {
  const outSize = rows.length;
  const rowStride = size * 3;
  const alongH = new Float64Array(outSize * rowStride);
  for (let o = 0; o < outSize; o++) {
    const { index, weight } = rows[o];
    const target = o * rowStride;
    for (let k = 0; k < index.length; k++) {
      const source = index[k] * rowStride;
      const wk = weight[k];
      for (let p = 0; p < rowStride; p++) alongH[target + p] += wk * pixels[source + p];
    }
  }
  for (let o = 0; o < outSize; o++)
    for (let q = 0; q < outSize; q++) {
      const { index, weight } = columns[q];
      let r = 0;
      let g = 0;
      let b = 0;
      for (let k = 0; k < index.length; k++) {
        const source = o * rowStride + index[k] * 3;
        r += weight[k] * alongH[source];
        g += weight[k] * alongH[source + 1];
        b += weight[k] * alongH[source + 2];
      }
      const target = offset + (o * outSize + q) * 3;
      out[target] = r;
      out[target + 1] = g;
      out[target + 2] = b;
    }
}

/**
 * The same degradation as degradeBatch for HR images given as pixels ([B, H, W, 3]
 * row-major, square): separable kernels (every isotropic one) take the sparse JS path
 * above; any other batch goes through degradeBatch. Noise is drawn in the same order.
 * → LR [B, H/s, W/s, 3]
 */
export function degradePixels(
  pixels: Float32Array,
  count: number,
  size: number,
  degradations: Degradation[],
  scale: number,
  kernelSize: number,
  random: Random,
): tf.Tensor4D {
  const factors = degradations.map((d) => separableBlur(d, kernelSize));
  if (factors.some((f) => f === null) || kernelSize > 2 * size - 1)
    return tf.tidy(() =>
      degradeBatch(
        tf.tensor4d(pixels, [count, size, size, 3]),
        degradations,
        scale,
        kernelSize,
        random,
      ),
    );
  const lowSize = Math.round(size / scale);
  const bicubic = bicubicMatrix(size, lowSize);
  const pixelCount = lowSize * lowSize * 3;
  const low = new Float32Array(count * pixelCount);
  factors.forEach((factor, i) => {
    const { x, y } = factor!;
    blurResizeSeparable(
      pixels.subarray(i * size * size * 3, (i + 1) * size * size * 3),
      size,
      blurResizeRows(y, bicubic, size, lowSize),
      blurResizeRows(x, bicubic, size, lowSize),
      low,
      i * pixelCount,
    );
  });
  degradations.forEach((d, i) => {
    const level = d.noise / 255;
    if (level > 0)
      for (let p = 0; p < pixelCount; p++) low[i * pixelCount + p] += random.normal() * level;
  });
  for (let p = 0; p < low.length; p++) low[p] = Math.min(Math.max(low[p], 0), 1);
  return tf.tensor4d(low, [count, lowSize, lowSize, 3]);
}

/**
 * HR [B, H, W, 3] → LR [B, H/s, W/s, 3]: blur, bicubic ↓s, noise, clamp.
 * Noise comes from `random` (seeded), not from tfjs' generator.
 */
export function degradeBatch(
  hr: tf.Tensor4D,
  degradations: Degradation[],
  scale: number,
  kernelSize: number,
  random: Random,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [b, h] = hr.shape;
    const lowSize = Math.round(h / scale);
    const blurred = blurBatch(
      hr,
      degradations.map((d) => blurKernel(d, kernelSize)),
      kernelSize,
    );
    const low = bicubicResize(blurred, lowSize);
    const pixels = lowSize * lowSize * 3;
    const noise = new Float32Array(b * pixels);
    degradations.forEach((d, i) => {
      const level = d.noise / 255;
      if (level > 0)
        for (let p = 0; p < pixels; p++) noise[i * pixels + p] = random.normal() * level;
    });
    return low.add(tf.tensor4d(noise, [b, lowSize, lowSize, 3])).clipByValue(0, 1) as tf.Tensor4D;
  });
}

/**
 * log Σ^½ = R(θ) diag(log λ1, log λ2) R(θ)ᵀ as [xx, xy, yy]: the log of the kernel's
 * standard-deviation matrix, which depends only on Σ, not on how it was parametrised
 * ((λ1, λ2, θ) and (λ2, λ1, θ + π/2) are the same kernel).
 */
function logDeviationMatrix(d: Degradation): [number, number, number] {
  const l1 = Math.log(d.lambda1);
  const l2 = Math.log(d.lambda2);
  const cos = Math.cos(d.theta);
  const sin = Math.sin(d.theta);
  return [cos * cos * l1 + sin * sin * l2, cos * sin * (l1 - l2), sin * sin * l1 + cos * cos * l2];
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
  const logSpan = Math.log(ranges.sigmaMax / ranges.sigmaMin) || 1;
  const noise = ranges.noiseMax > 0 ? (a.noise - b.noise) / ranges.noiseMax : 0;
  let blur: number;
  if (a.kind === 'isotropic' && b.kind === 'isotropic') {
    const d1 = Math.log(a.lambda1 / b.lambda1) / logSpan;
    const d2 = Math.log(a.lambda2 / b.lambda2) / logSpan;
    blur = d1 * d1 + d2 * d2;
  } else {
    const [axx, axy, ayy] = logDeviationMatrix(a);
    const [bxx, bxy, byy] = logDeviationMatrix(b);
    blur = ((axx - bxx) ** 2 + 2 * (axy - bxy) ** 2 + (ayy - byy) ** 2) / logSpan ** 2;
  }
  return Math.sqrt(blur + noise * noise);
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
  const weights = new Float32Array(negatives.length);
  let sum = 0;
  negatives.forEach((negative, j) => {
    const d = negative ? degradationDistance(query, negative, ranges) : Infinity;
    weights[j] = negative ? 1 - Math.exp(-(d * d) / (2 * gamma * gamma)) : 1;
    sum += weights[j];
  });
  const mean = sum / (negatives.length || 1);
  if (mean > 0) for (let j = 0; j < weights.length; j++) weights[j] /= mean;
  return weights;
}
