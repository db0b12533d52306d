import * as tf from '@tensorflow/tfjs-core';
import {
  activationCode,
  adamName,
  momentumName,
  filmLeakyBackwardName,
  filmLeakyName,
  batchNormBackwardName,
  batchNormForwardName,
  centerImagesName,
  channelSumName,
  convForwardName,
  filterGradientName,
  flipFilterName,
  imageMeansName,
  inputGradientName,
  polyphaseFilterName,
  spreadMeansName,
  type KernelActivation,
} from './simd-kernel-names';
import { registerSimdKernels } from './simd-kernels';

/**
 * The SIMD kernels as tfjs ops (simd-kernels.ts registers them on the wasm backend; call
 * `simdKernelsActive()` first: on any other backend these do not exist).
 */
function run(name: string, inputs: tf.NamedTensorMap, attrs: Record<string, number>) {
  registerSimdKernels();
  return tf.engine().runKernel(name, inputs, attrs as unknown as tf.NamedAttrMap);
}

/**
 * y = act(conv(x, filter) + bias), direct: x [B, H, W, Ci], filter [KH, KW, Ci, Co] with
 * Co % 4 = 0 (convForwardFits) → [B, OH, OW, Co]
 */
export function convForwardKernel(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  bias: tf.Tensor1D | null,
  geometry: { outH: number; outW: number; stride: number; padTop: number; padLeft: number },
  activation: KernelActivation = 'none',
  slope = 0,
  winograd = false,
): tf.Tensor4D {
  const inputs: tf.NamedTensorMap = bias ? { x, filter, bias } : { x, filter };
  return run(convForwardName, inputs, {
    ...geometry,
    activation: activationCode[activation],
    slope,
    winograd: winograd ? 1 : 0,
  }) as tf.Tensor4D;
}

/**
 * What our Winograd forward conv takes (assembly/conv-winograd.ts): a 3×3 kernel, stride 1,
 * input and output channels by fours, at least four 2×2 output tiles.
 */
export function winogradFits(
  batch: number,
  outH: number,
  outW: number,
  filterShape: readonly number[],
  stride: number,
): boolean {
  const [kH, kW, inC, outC] = filterShape;
  const tiles = batch * Math.ceil(outH / 2) * Math.ceil(outW / 2);
  return kH === 3 && kW === 3 && stride === 1 && inC % 4 === 0 && outC % 4 === 0 && tiles >= 4;
}

/** What our direct forward conv takes: output channels by fours, a slope in [0, 1]. */
export function convForwardFits(outChannels: number, slope = 0): boolean {
  return outChannels % 4 === 0 && slope >= 0 && slope <= 1;
}

/** dL/dW of a conv, x: [B, H, W, Ci], dy: [B, OH, OW, Co] → [KH, KW, Ci, Co] */
export function filterGradientKernel(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  kH: number,
  kW: number,
  stride: number,
  padTop: number,
  padLeft: number,
  winograd = false,
): tf.Tensor4D {
  return run(
    filterGradientName,
    { x, dy },
    { kH, kW, stride, padTop, padLeft, winograd: winograd ? 1 : 0 },
  ) as tf.Tensor4D;
}

/** dL/dx of a conv, direct: dy [B, OH, OW, Co], filter [KH, KW, Ci, Co] → [B, H, W, Ci] */
export function inputGradientKernel(
  dy: tf.Tensor4D,
  filter: tf.Tensor4D,
  inputShape: [number, number, number, number],
  stride: number,
  padTop: number,
  padLeft: number,
): tf.Tensor4D {
  const [batch, height, width] = inputShape;
  return run(
    inputGradientName,
    { dy, filter },
    { batch, height, width, stride, padTop, padLeft },
  ) as tf.Tensor4D;
}

/** Σ over every axis but the last: [..., C] → [C] (a bias gradient) */
export function channelSumKernel(x: tf.Tensor): tf.Tensor1D {
  return run(channelSumName, { x }, {}) as tf.Tensor1D;
}

/** [B, H, W, C] → [B, C], each image's channel means (global average pooling) */
export function imageMeansKernel(x: tf.Tensor4D): tf.Tensor2D {
  return run(imageMeansName, { x }, {}) as tf.Tensor2D;
}

/** [B, C] → [B, H, W, C] with scale · v[b, c] at every pixel (the pooling's gradient) */
export function spreadMeansKernel(
  v: tf.Tensor2D,
  height: number,
  width: number,
  scale: number,
): tf.Tensor4D {
  return run(spreadMeansName, { v }, { height, width, scale }) as tf.Tensor4D;
}

/** [B, H, W, C] → each image minus its channel means */
export function centerImagesKernel(x: tf.Tensor4D): tf.Tensor4D {
  return run(centerImagesName, { x }, {}) as tf.Tensor4D;
}

/** [KH, KW, Ci, Co] → [KH, KW, Co, Ci], flipped in space (stride-1 input gradient) */
export function flipFilterKernel(filter: tf.Tensor4D): tf.Tensor4D {
  return run(flipFilterName, { filter }, {}) as tf.Tensor4D;
}

/** [KH, KW, Ci, Co] → [⌈KH/s⌉, ⌈KW/s⌉, Co, s·s·Ci] (polyphase input gradient) */
export function polyphaseFilterKernel(filter: tf.Tensor4D, stride: number): tf.Tensor4D {
  return run(polyphaseFilterName, { filter }, { stride }) as tf.Tensor4D;
}

/** x: [B, H, W, C] → [y [B, H, W, C], mean [C], variance [C], rstd [C]] */
export function batchNormForwardKernel(
  x: tf.Tensor4D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  epsilon: number,
  activation: KernelActivation,
  slope: number,
): [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D] {
  return run(
    batchNormForwardName,
    { x, gamma, beta },
    { epsilon, activation: activationCode[activation], slope },
  ) as unknown as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D];
}

/** → [dx [B, H, W, C], dGamma [C], dBeta [C]] */
export function batchNormBackwardKernel(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  mean: tf.Tensor1D,
  rstd: tf.Tensor1D,
  activation: KernelActivation,
  slope: number,
): [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D] {
  return run(
    batchNormBackwardName,
    { x, dy, gamma, beta, mean, rstd },
    { activation: activationCode[activation], slope },
  ) as unknown as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D];
}

/** One Adam step for all variables: → [new weights (one per variable)…, m', v'] */
export function adamKernel(
  gradients: tf.Tensor[],
  weights: tf.Tensor[],
  m: tf.Tensor,
  v: tf.Tensor,
  attrs: { beta1: number; beta2: number; stepSize: number; epsilonHat: number },
): tf.Tensor[] {
  const inputs: tf.NamedTensorMap = { m, v };
  gradients.forEach((g, i) => {
    inputs[`g${i}`] = g;
    inputs[`w${i}`] = weights[i];
  });
  return run(adamName, inputs, { ...attrs, count: weights.length }) as unknown as tf.Tensor[];
}

/** LeakyReLU(x·(1 + γ) + β): x [B, H, W, C], film [B, 2C] with rows [γ | β] */
export function filmLeakyKernel(x: tf.Tensor4D, film: tf.Tensor2D, slope: number): tf.Tensor4D {
  return run(filmLeakyName, { x, film }, { slope }) as tf.Tensor4D;
}

/** → [dx [B, H, W, C], dFilm [B, 2C]] from the forward's x and y */
export function filmLeakyBackwardKernel(
  x: tf.Tensor4D,
  y: tf.Tensor4D,
  dy: tf.Tensor4D,
  film: tf.Tensor2D,
  slope: number,
): [tf.Tensor4D, tf.Tensor2D] {
  return run(filmLeakyBackwardName, { x, y, dy, film }, { slope }) as unknown as [
    tf.Tensor4D,
    tf.Tensor2D,
  ];
}

/** m·key_i + (1 − m)·query_i for every pair: → one new tensor per key */
export function momentumKernel(keys: tf.Tensor[], queries: tf.Tensor[], m: number): tf.Tensor[] {
  const inputs: tf.NamedTensorMap = {};
  keys.forEach((k, i) => {
    inputs[`k${i}`] = k;
    inputs[`q${i}`] = queries[i];
  });
  // 1 − m rounded once, as tfjs rounds the scalar of k·m + q·(1 − m)
  return run(momentumName, inputs, {
    count: keys.length,
    m: Math.fround(m),
    c: Math.fround(1 - m),
  }) as unknown as tf.Tensor[];
}
