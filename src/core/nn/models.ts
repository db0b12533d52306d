import * as tf from '@tensorflow/tfjs-core';
import {
  allVariablesOf,
  applyBatchNorm,
  applyConvBatchNorm,
  applyDense,
  makeBatchNorm,
  makeConv,
  makeDense,
  trainableOf,
  type BatchNormParams,
  type BatchStats,
  type ConvParams,
  type DenseParams,
} from './layers';
import type { Random } from '../random';

export type { Activation } from './batchnorm';
import type { Activation } from './batchnorm';
import { centerImages, globalAveragePool } from './pooling';

/** A stack of 3×3 conv → BN → activation, then global average pooling. */
export interface ConvEncoder {
  convs: ConvParams[];
  norms: BatchNormParams[];
  activation: Activation;
  /** length of h */
  outDim: number;
  /** subtract each image's per-channel mean first (see ConvEncoderConfig) */
  centerInput: boolean;
}

export interface ConvEncoderConfig {
  inputChannels: number;
  channels: number[];
  strides: number[];
  activation: Activation;
  /**
   * Subtract each image's per-channel mean before the first conv. The Blind-SR encoder
   * needs it: otherwise PC1 of h follows content brightness and colour, and |Spearman(σ,
   * PC1)| stalled near 0.25 in one seed of three (bench/reference/blindsr_mirror.py).
   */
  centerInput?: boolean;
}

export function makeConvEncoder(config: ConvEncoderConfig, random: Random): ConvEncoder {
  const convs: ConvParams[] = [];
  const norms: BatchNormParams[] = [];
  let inChannels = config.inputChannels;
  config.channels.forEach((outChannels, i) => {
    convs.push(makeConv(inChannels, outChannels, 3, config.strides[i] ?? 1, random, 'same', false));
    norms.push(makeBatchNorm(outChannels));
    inChannels = outChannels;
  });
  return {
    convs,
    norms,
    activation: config.activation,
    outDim: inChannels,
    centerInput: config.centerInput ?? false,
  };
}

/** Feature maps before pooling. [B, H, W, Cin] → [B, H', W', C] */
export function encodeMaps(
  encoder: ConvEncoder,
  images: tf.Tensor4D,
  training: boolean,
  stats?: BatchStats,
): tf.Tensor4D {
  let x = encoder.centerInput ? centerImages(images) : images;
  encoder.convs.forEach((conv, i) => {
    // the images need no gradient: the first conv skips it
    x = applyConvBatchNorm(conv, encoder.norms[i], x, training, encoder.activation, i > 0, stats);
  });
  return x;
}

/** The representation h: global average pool of the last maps. [B, H, W, Cin] → [B, C] */
export function encode(
  encoder: ConvEncoder,
  images: tf.Tensor4D,
  training: boolean,
  stats?: BatchStats,
): tf.Tensor2D {
  return globalAveragePool(encodeMaps(encoder, images, training, stats));
}

/**
 * SimCLR's projection head g: a 2-layer MLP, z = W2 σ(W1 h), with optional BN after the
 * hidden layer and on z (without γ, β, as SimSiam's builder.py); which method uses which:
 * family.ts projectorNormOf.
 */
export interface ProjectionHead {
  hidden: DenseParams;
  out: DenseParams;
  hiddenNorm: BatchNormParams | null;
  /** normalises z; its γ, β stay 1, 0 (not trained) */
  outNorm: BatchNormParams | null;
}

export type ProjectorNorm = 'none' | 'hidden' | 'all';

export function makeProjectionHead(
  inDim: number,
  hiddenDim: number,
  outDim: number,
  random: Random,
  norm: ProjectorNorm = 'none',
): ProjectionHead {
  return {
    hidden: makeDense(inDim, hiddenDim, random),
    out: makeDense(hiddenDim, outDim, random),
    hiddenNorm: norm === 'none' ? null : makeBatchNorm(hiddenDim),
    outNorm: norm === 'all' ? makeBatchNorm(outDim) : null,
  };
}

/** BN over the batch of [B, D] rows, run as [B, 1, 1, D]. */
function rowBatchNorm(
  norm: BatchNormParams,
  x: tf.Tensor2D,
  training: boolean,
  activation: Activation,
  stats?: BatchStats,
): tf.Tensor2D {
  const [rows, width] = x.shape;
  const y = applyBatchNorm(
    norm,
    x.reshape([rows, 1, 1, width]) as tf.Tensor4D,
    training,
    activation,
    stats,
  );
  return y.reshape([rows, width]) as tf.Tensor2D;
}

/** [B, In] → [B, Out]. training / stats matter only for a head with BN. */
export function project(
  head: ProjectionHead,
  h: tf.Tensor2D,
  activation: Activation = 'relu',
  training = true,
  stats?: BatchStats,
): tf.Tensor2D {
  const hidden = applyDense(head.hidden, h);
  const activated: tf.Tensor2D = head.hiddenNorm
    ? rowBatchNorm(head.hiddenNorm, hidden, training, activation, stats)
    : activation === 'relu'
      ? hidden.relu()
      : hidden.leakyRelu(0.1);
  const z = applyDense(head.out, activated);
  return head.outNorm ? rowBatchNorm(head.outNorm, z, training, 'none', stats) : z;
}

export function encoderTrainables(encoder: ConvEncoder): tf.Variable[] {
  return [...encoder.convs.flatMap(trainableOf), ...encoder.norms.flatMap(trainableOf)];
}

export function encoderVariables(encoder: ConvEncoder): tf.Variable[] {
  return [...encoder.convs.flatMap(allVariablesOf), ...encoder.norms.flatMap(allVariablesOf)];
}

/** What the optimiser moves. */
export function headTrainables(head: ProjectionHead): tf.Variable[] {
  return [
    ...trainableOf(head.hidden),
    ...(head.hiddenNorm ? trainableOf(head.hiddenNorm) : []),
    ...trainableOf(head.out),
  ];
}

/** Every variable, BN running statistics included (what a momentum copy follows). */
export function headVariables(head: ProjectionHead): tf.Variable[] {
  return [
    ...trainableOf(head.hidden),
    ...(head.hiddenNorm ? allVariablesOf(head.hiddenNorm) : []),
    ...trainableOf(head.out),
    ...(head.outNorm ? allVariablesOf(head.outNorm) : []),
  ];
}

/**
 * The predictor h of SimSiam / q of BYOL: Linear → BN → ReLU → Linear, with a bottleneck
 * hidden layer (SimSiam §A: 2048 → 512 → 2048; here projectionDim → predictorHiddenDim →
 * projectionDim). BN over the batch of [B, D] rows, run as [B, 1, 1, D].
 */
export interface Predictor {
  hidden: DenseParams;
  norm: BatchNormParams;
  out: DenseParams;
}

export function makePredictor(
  inDim: number,
  hiddenDim: number,
  outDim: number,
  random: Random,
): Predictor {
  return {
    hidden: makeDense(inDim, hiddenDim, random),
    norm: makeBatchNorm(hiddenDim),
    out: makeDense(hiddenDim, outDim, random),
  };
}

/** [B, D] → [B, D] */
export function predict(
  predictor: Predictor,
  z: tf.Tensor2D,
  training: boolean,
  stats?: BatchStats,
): tf.Tensor2D {
  const hidden = rowBatchNorm(
    predictor.norm,
    applyDense(predictor.hidden, z),
    training,
    'relu',
    stats,
  );
  return applyDense(predictor.out, hidden);
}

export function predictorTrainables(predictor: Predictor): tf.Variable[] {
  return [
    ...trainableOf(predictor.hidden),
    ...trainableOf(predictor.norm),
    ...trainableOf(predictor.out),
  ];
}

export function predictorVariables(predictor: Predictor): tf.Variable[] {
  return [
    ...trainableOf(predictor.hidden),
    ...allVariablesOf(predictor.norm),
    ...trainableOf(predictor.out),
  ];
}
