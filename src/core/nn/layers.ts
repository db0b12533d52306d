import * as tf from '@tensorflow/tfjs-core';
import { batchNormActivation, type Activation } from './batchnorm';
import { conv2d, forwardConv, type Padding } from './conv';
import { simdKernelsActive } from './simd-kernels';
import { momentumKernel } from './simd-ops';
import type { Random } from '../random';

const leakySlope = 0.1; // DASR's LeakyReLU(0.1), as in batchnorm.ts

/**
 * Functional layers over plain tf.Variables: every model owns its variable list
 * explicitly, so each optimizer gets an explicit varList (tfjs #4290) and nothing
 * depends on tf.layers' global naming.
 */

export interface ConvParams {
  filter: tf.Variable; // [K, K, Ci, Co]
  /** null when a batch norm follows (its β makes a bias redundant) */
  bias: tf.Variable | null; // [Co]
  stride: number;
  pad: Padding;
}

export interface BatchNormParams {
  gamma: tf.Variable; // [C]
  beta: tf.Variable; // [C]
  runningMean: tf.Variable; // [C], not trainable
  runningVariance: tf.Variable; // [C], not trainable
}

export interface DenseParams {
  kernel: tf.Variable; // [In, Out]
  bias: tf.Variable; // [Out]
}

/** He-normal initial values from our seeded stream (tfjs' initialisers take no seed stream). */
function heNormal(shape: number[], fanIn: number, random: Random, gain = 1): tf.Tensor {
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  random.fillNormal(values, gain * Math.sqrt(2 / fanIn));
  return tf.tensor(values, shape);
}

let variableCounter = 0;
/** A variable from a fresh initial value, which is freed here (the variable keeps the data). */
function variable(initial: tf.Tensor, trainable: boolean, name: string): tf.Variable {
  variableCounter += 1;
  const v = tf.variable(initial, trainable, `${name}_${variableCounter}`);
  initial.dispose();
  return v;
}

export function makeConv(
  inChannels: number,
  outChannels: number,
  kernelSize: number,
  stride: number,
  random: Random,
  pad: Padding = 'same',
  withBias = true,
  /** multiplies the He-normal initial weights (0: a zero-initialised layer) */
  gain = 1,
): ConvParams {
  const initial = heNormal(
    [kernelSize, kernelSize, inChannels, outChannels],
    kernelSize * kernelSize * inChannels,
    random,
    gain,
  );
  const filter = variable(initial, true, 'conv_filter');
  const bias = withBias ? variable(tf.zeros([outChannels]), true, 'conv_bias') : null;
  return { filter, bias, stride, pad };
}

export function makeBatchNorm(channels: number): BatchNormParams {
  return {
    gamma: variable(tf.ones([channels]), true, 'bn_gamma'),
    beta: variable(tf.zeros([channels]), true, 'bn_beta'),
    runningMean: variable(tf.zeros([channels]), false, 'bn_mean'),
    runningVariance: variable(tf.ones([channels]), false, 'bn_var'),
  };
}

export function makeDense(
  inFeatures: number,
  outFeatures: number,
  random: Random,
  gain = 1,
): DenseParams {
  return {
    kernel: variable(
      heNormal([inFeatures, outFeatures], inFeatures, random, gain),
      true,
      'dense_kernel',
    ),
    bias: variable(tf.zeros([outFeatures]), true, 'dense_bias'),
  };
}

/** [B, H, W, Ci] → [B, OH, OW, Co] */
export function applyConv(p: ConvParams, x: tf.Tensor4D, inputGradient = true): tf.Tensor4D {
  return conv2d(
    x,
    p.filter as tf.Tensor4D,
    p.stride,
    p.pad,
    inputGradient,
    p.bias as tf.Tensor1D | null,
  );
}

/** True inside tf.grad / variableGrads: a tape is recording and may need gradients. */
function recordingGradients(): boolean {
  return (tf.engine() as unknown as { state: { gradientDepth: number } }).state.gradientDepth > 0;
}

/**
 * conv → batch norm on the running statistics → activation, as ONE fused convolution:
 * BN folded into the filter (W·s, s = γ/√(σ² + ε)) and a bias (β − μ·s + b·s), the
 * activation applied as XNNPACK writes the output. Same values as the three layers up to
 * float rounding; no gradient (tfjs-wasm has no fused-conv gradient), so only off the tape.
 */
function convBatchNormFolded(
  conv: ConvParams,
  norm: BatchNormParams,
  x: tf.Tensor4D,
  activation: Activation,
): tf.Tensor4D {
  return tf.tidy(() => {
    const scale = norm.gamma.mul(norm.runningVariance.add(1e-5).rsqrt());
    const shift = norm.beta.sub(norm.runningMean.mul(scale));
    return forwardConv(
      x,
      conv.filter.mul(scale) as tf.Tensor4D,
      conv.stride,
      conv.pad,
      (conv.bias ? shift.add(conv.bias.mul(scale)) : shift) as tf.Tensor1D,
      activation,
      leakySlope,
    );
  });
}

/**
 * conv → batch norm → activation. Training: batch statistics (fused BN kernel with an
 * analytic gradient, kept in `stats`); inference off the tape: one folded, fused conv.
 */
export function applyConvBatchNorm(
  conv: ConvParams,
  norm: BatchNormParams,
  x: tf.Tensor4D,
  training: boolean,
  activation: Activation,
  inputGradient = true,
  stats?: BatchStats,
): tf.Tensor4D {
  if (!training && !recordingGradients()) return convBatchNormFolded(conv, norm, x, activation);
  return applyBatchNorm(norm, applyConv(conv, x, inputGradient), training, activation, stats);
}

/** [B, In] → [B, Out] */
export function applyDense(p: DenseParams, x: tf.Tensor2D): tf.Tensor2D {
  return x.matMul(p.kernel as tf.Tensor2D).add(p.bias);
}

/**
 * Batch statistics collected during a training forward pass, applied to the running
 * averages after the optimizer step (outside the gradient tape).
 */
export type BatchStats = { params: BatchNormParams; mean: tf.Tensor; variance: tf.Tensor }[];

/**
 * Batch norm over [B, H, W, C] (axes 0–2) and its activation. In training, batch
 * statistics (fused kernel with an analytic gradient), kept in `stats` for the running
 * averages; otherwise the running averages.
 */
export function applyBatchNorm(
  p: BatchNormParams,
  x: tf.Tensor4D,
  training: boolean,
  activation: Activation,
  stats?: BatchStats,
): tf.Tensor4D {
  if (training) {
    return batchNormActivation(
      x,
      p.gamma as tf.Tensor1D,
      p.beta as tf.Tensor1D,
      activation,
      (mean, variance) => {
        if (stats) stats.push({ params: p, mean, variance });
        else tf.dispose([mean, variance]);
      },
    );
  }
  const y = x
    .sub(p.runningMean)
    .mul(p.runningVariance.add(1e-5).rsqrt())
    .mul(p.gamma)
    .add(p.beta) as tf.Tensor4D;
  return activation === 'relu'
    ? y.relu()
    : activation === 'leakyRelu'
      ? y.leakyRelu(leakySlope)
      : y;
}

/** running ← m·running + (1−m)·batch, then frees the batch statistics. */
export function updateRunningStats(stats: BatchStats, momentum = 0.9): void {
  // a layer run twice in one step (two views apart) updates twice, in order: the tfjs ops
  const once = new Set(stats.map(({ params }) => params)).size === stats.length;
  if (stats.length > 0 && once && simdKernelsActive()) {
    // tfjs-wasm: one kernel for every statistic of every layer
    const running = stats.flatMap(({ params }) => [params.runningMean, params.runningVariance]);
    const updated = momentumKernel(
      running,
      stats.flatMap(({ mean, variance }) => [mean, variance]),
      momentum,
    );
    running.forEach((r, i) => r.assign(updated[i]));
    tf.dispose(updated);
  } else
    tf.tidy(() => {
      for (const { params, mean, variance } of stats) {
        params.runningMean.assign(params.runningMean.mul(momentum).add(mean.mul(1 - momentum)));
        params.runningVariance.assign(
          params.runningVariance.mul(momentum).add(variance.mul(1 - momentum)),
        );
      }
    });
  for (const { mean, variance } of stats) tf.dispose([mean, variance]);
  stats.length = 0;
}

export function trainableOf(p: ConvParams | BatchNormParams | DenseParams): tf.Variable[] {
  if ('filter' in p) return p.bias ? [p.filter, p.bias] : [p.filter];
  if ('gamma' in p) return [p.gamma, p.beta];
  return [p.kernel, p.bias];
}

export function allVariablesOf(p: ConvParams | BatchNormParams | DenseParams): tf.Variable[] {
  if ('gamma' in p) return [p.gamma, p.beta, p.runningMean, p.runningVariance];
  return trainableOf(p);
}
