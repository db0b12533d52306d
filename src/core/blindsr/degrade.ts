import * as tf from '@tensorflow/tfjs-core';
import type { Random } from '../random';

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

/**
 * R(θ) diag(e1, e2) R(θ)ᵀ as [xx, xy, yy]: a kernel's covariance from (λ1², λ2²), or the
 * log of its standard-deviation matrix from (log λ1, log λ2).
 */
export function rotatedDiagonal(e1: number, e2: number, theta: number): [number, number, number] {
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  return [cos * cos * e1 + sin * sin * e2, cos * sin * (e1 - e2), sin * sin * e1 + cos * cos * e2];
}

/** The kernel's covariance Σ = R diag(λ1², λ2²) Rᵀ as [xx, xy, yy]. */
export function blurCovariance(d: Degradation): [number, number, number] {
  return rotatedDiagonal(d.lambda1 ** 2, d.lambda2 ** 2, d.theta);
}

/**
 * Gaussian noise of each image's level (0–255 units) from the seeded stream, in image
 * order: [count · pixels]
 */
export function noiseFor(
  degradations: Degradation[],
  pixels: number,
  random: Random,
): Float32Array {
  const noise = new Float32Array(degradations.length * pixels);
  degradations.forEach((d, i) => {
    const level = d.noise / 255;
    if (level > 0) for (let p = 0; p < pixels; p++) noise[i * pixels + p] = random.normal() * level;
  });
  return noise;
}

/** Gaussian blur kernel, size×size, sums to 1. [size · size] row-major */
export function blurKernel(degradation: Degradation, size: number): Float32Array {
  // the kernel is exp(−½ xᵀ Σ⁻¹ x)
  const [a, b, d] = blurCovariance(degradation);
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
    const noise = noiseFor(degradations, lowSize * lowSize * 3, random);
    return low.add(tf.tensor4d(noise, [b, lowSize, lowSize, 3])).clipByValue(0, 1) as tf.Tensor4D;
  });
}
