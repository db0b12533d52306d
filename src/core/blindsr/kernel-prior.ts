import * as tf from '@tensorflow/tfjs-core';
import { Random } from '../random';
import { blurKernel, sampleDegradation, type Degradation, type DegradationRanges } from './degrade';

/**
 * LightBSR's degradation prior: the blur kernel projected onto the first principal
 * components of random kernels (the paper: 15 of 5,000 random 21 × 21 kernels),
 * broadcast to a map of that many channels beside the teacher's RGB input.
 *
 * This lab's kernels are 21 × 21 too, so the size stays; the kernels are drawn from the
 * lab's own range (isotropic or anisotropic σ ∈ [σmin, σmax]). 15 components keep 98.5 %
 * of the variance of anisotropic kernels; isotropic ones have almost none past the fifth
 * (99.97 % in 4, bench/reference/lightbsr_mirror.py), so every coefficient is divided by
 * one scale, PC1's standard deviation, instead of its own — a per-component scale would
 * turn those near-zero directions into unit-sized noise.
 */
export const priorDims = 15;
/** random kernels for the PCA: 21² = 441 dimensions, a few hundred samples suffice */
const priorSamples = 600;
/** subspace iterations: the isotropic spectrum falls ~10× per component */
const priorIterations = 40;

export class KernelPrior {
  /** [dims, k²] row-major, orthonormal rows */
  readonly components: Float32Array;
  /** [k²] */
  readonly mean: Float32Array;
  /** PC1's standard deviation over the sample */
  readonly scale: number;
  /** variance along each component over the sample [dims] */
  readonly variances: Float32Array;

  constructor(
    ranges: DegradationRanges,
    readonly kernelSize: number,
    readonly dims: number,
    seed: number,
  ) {
    const random = new Random(seed);
    const width = kernelSize * kernelSize;
    const kernels = Array.from({ length: priorSamples }, () =>
      blurKernel(sampleDegradation(ranges, random), kernelSize),
    );
    this.mean = new Float32Array(width);
    for (const k of kernels) for (let i = 0; i < width; i++) this.mean[i] += k[i] / priorSamples;
    const covariance = covarianceOf(kernels, this.mean, width);
    const { vectors, values } = topEigenvectors(covariance, width, dims, random);
    this.components = vectors;
    this.variances = values;
    this.scale = Math.sqrt(Math.max(values[0], 1e-30));
  }

  /** Each kernel's coefficients in units of PC1's standard deviation: [B · dims] */
  codes(degradations: Degradation[]): Float32Array {
    const width = this.kernelSize * this.kernelSize;
    const out = new Float32Array(degradations.length * this.dims);
    degradations.forEach((d, b) => {
      const kernel = blurKernel(d, this.kernelSize);
      for (let c = 0; c < this.dims; c++) {
        let dot = 0;
        for (let i = 0; i < width; i++)
          dot += (kernel[i] - this.mean[i]) * this.components[c * width + i];
        out[b * this.dims + c] = dot / this.scale;
      }
    });
    return out;
  }

  /** images [B, H, W, 3] → [B, H, W, 3 + dims]: the codes broadcast over the image */
  withPrior(images: tf.Tensor4D, degradations: Degradation[]): tf.Tensor4D {
    return tf.tidy(() => {
      const [b, h, w] = images.shape;
      const codes = tf.tensor4d(this.codes(degradations), [b, 1, 1, this.dims]);
      return tf.concat([images, codes.tile([1, h, w, 1])], 3) as tf.Tensor4D;
    });
  }
}

/** Sample covariance (biased) of the rows: [width, width] row-major */
function covarianceOf(rows: Float32Array[], mean: Float32Array, width: number): Float64Array {
  const covariance = new Float64Array(width * width);
  const centred = new Float64Array(width);
  for (const row of rows) {
    for (let i = 0; i < width; i++) centred[i] = row[i] - mean[i];
    for (let i = 0; i < width; i++) {
      const ci = centred[i];
      if (ci === 0) continue;
      const offset = i * width;
      for (let j = i; j < width; j++) covariance[offset + j] += ci * centred[j];
    }
  }
  for (let i = 0; i < width; i++)
    for (let j = i; j < width; j++) {
      const value = covariance[i * width + j] / rows.length;
      covariance[i * width + j] = value;
      covariance[j * width + i] = value;
    }
  return covariance;
}

/**
 * The leading `count` eigenvectors of a symmetric PSD matrix by subspace iteration
 * (multiply, then Gram–Schmidt), ordered by their Rayleigh quotients.
 */
export function topEigenvectors(
  matrix: Float64Array,
  width: number,
  count: number,
  random: Random,
  iterations = priorIterations,
): { vectors: Float32Array; values: Float32Array } {
  let basis = Array.from({ length: count }, () =>
    Float64Array.from({ length: width }, () => random.normal()),
  );
  orthonormalise(basis);
  const multiply = (v: Float64Array) => {
    const out = new Float64Array(width);
    for (let i = 0; i < width; i++) {
      let sum = 0;
      const offset = i * width;
      for (let j = 0; j < width; j++) sum += matrix[offset + j] * v[j];
      out[i] = sum;
    }
    return out;
  };
  for (let it = 0; it < iterations; it++) {
    basis = basis.map(multiply);
    orthonormalise(basis);
  }
  const quotients = basis.map((v) => {
    const mv = multiply(v);
    return mv.reduce((s, x, i) => s + x * v[i], 0);
  });
  const order = quotients.map((_, i) => i).sort((a, b) => quotients[b] - quotients[a]);
  const vectors = new Float32Array(count * width);
  order.forEach((k, c) => vectors.set(basis[k], c * width));
  return { vectors, values: Float32Array.from(order, (k) => Math.max(quotients[k], 0)) };
}

function orthonormalise(basis: Float64Array[]): void {
  basis.forEach((v, k) => {
    for (let p = 0; p < k; p++) {
      const u = basis[p];
      let dot = 0;
      for (let i = 0; i < v.length; i++) dot += v[i] * u[i];
      for (let i = 0; i < v.length; i++) v[i] -= dot * u[i];
    }
    let norm = 0;
    for (let i = 0; i < v.length; i++) norm += v[i] * v[i];
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < v.length; i++) v[i] /= norm;
  });
}
