import * as tf from '@tensorflow/tfjs-core';
import { bicubicMatrix, blurCovariance, degradeBatch, noiseFor, type Degradation } from './degrade';
import type { Random } from '../random';

/**
 * The fast path of the degradation for separable blur kernels: blur + bicubic ↓ as one
 * sparse matrix per axis, in plain JS (same numbers as degradeBatch).
 */

/**
 * The 1-D factors of a blur kernel that is separable — isotropic, or anisotropic with its
 * axes on the pixel grid (no xy term in Σ⁻¹) — each normalised to sum 1, so that
 * blurKernel = y ⊗ x; null otherwise. [size] each
 */
export function separableBlur(
  degradation: Degradation,
  size: number,
): { x: Float64Array; y: Float64Array } | null {
  const [a, b, d] = blurCovariance(degradation);
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
  const noise = noiseFor(degradations, pixelCount, random);
  for (let p = 0; p < low.length; p++) low[p] = Math.min(Math.max(low[p] + noise[p], 0), 1);
  return tf.tensor4d(low, [count, lowSize, lowSize, 3]);
}
