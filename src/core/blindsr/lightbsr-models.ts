import * as tf from '@tensorflow/tfjs-core';
import { encoderTrainables, type ConvEncoder, type ConvEncoderConfig } from '../nn/models';
import { priorDims } from './kernel-prior';

/** The teacher: the DASR-style lab's encoder, its input RGB + the prior map. */
export const teacherEncoderConfig: ConvEncoderConfig = {
  inputChannels: 3 + priorDims,
  channels: [16, 16, 32, 32, 64, 64],
  strides: [1, 1, 2, 1, 2, 1],
  activation: 'leakyRelu',
  // the RGB part is centred by teacherInput: centring would erase the constant prior map
  centerInput: false,
};

/**
 * The student: LR only, four convolutions, a third of the teacher's weights; its last maps
 * have the teacher's shape (6 × 6 × 64 on a 24² patch) so the feature MSE needs no adapter.
 */
export const studentEncoderConfig: ConvEncoderConfig = {
  inputChannels: 3,
  channels: [8, 16, 32, 64],
  strides: [1, 2, 2, 1],
  activation: 'leakyRelu',
  centerInput: true,
};

/**
 * η² of h over the grid: Σ_levels n_l ‖mean_l − mean‖² / Σ_i ‖h_i − mean‖².
 * h: [M, D] row-major, sigma: [M] (rows with equal σ form a level).
 */
export function sigmaShare(h: Float32Array, sigma: Float32Array, dim: number): number {
  const rows = sigma.length;
  const mean = new Float64Array(dim);
  for (let i = 0; i < rows; i++) for (let d = 0; d < dim; d++) mean[d] += h[i * dim + d] / rows;
  const levels = new Map<number, { count: number; sum: Float64Array }>();
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const level = levels.get(sigma[i]) ?? { count: 0, sum: new Float64Array(dim) };
    level.count += 1;
    for (let d = 0; d < dim; d++) {
      level.sum[d] += h[i * dim + d];
      total += (h[i * dim + d] - mean[d]) ** 2;
    }
    levels.set(sigma[i], level);
  }
  let between = 0;
  for (const { count, sum } of levels.values())
    for (let d = 0; d < dim; d++) between += count * (sum[d] / count - mean[d]) ** 2;
  return total > 0 ? between / total : 0;
}

export function parameterCount(encoder: ConvEncoder): number {
  return encoderTrainables(encoder).reduce((sum, v) => sum + v.size, 0);
}

/** A new encoder with the same weights and running statistics. */
export function copyEncoder(source: ConvEncoder): ConvEncoder {
  return {
    ...source,
    convs: source.convs.map((c) => copyParams(c)),
    norms: source.norms.map((n) => copyParams(n)),
  };
}

function copyParams<T extends object>(params: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params))
    out[key] =
      value instanceof tf.Variable
        ? tf.tidy(() => tf.variable(value.clone(), value.trainable))
        : value;
  return out as T;
}
