import * as tf from '@tensorflow/tfjs-core';
import { filmLeakyRelu } from '../nn/film';
import {
  applyConv,
  applyDense,
  makeConv,
  makeDense,
  trainableOf,
  type ConvParams,
  type DenseParams,
} from '../nn/layers';
import type { Random } from '../random';
import { sharpenSigmas, type SrInputs } from './sr-inputs';

/**
 * A small degradation-conditioned upsampler, the browser-sized stand-in for DASR's
 * DA-conv blocks. A condition vector c (the learned representation, the true degradation,
 * or zeros) goes through a shared MLP z = LeakyReLU(W c); z then
 *  - modulates every residual block's features per channel (FiLM: y·(1 + γ(z)) + β(z)), and
 *  - sets per-image amounts a(z) of three fixed unsharp-mask bands of the LR input
 *    (δ − G_s, s = 0.5, 1, 2 LR pixels), up-sampled and added: a blur-dependent sharpening.
 * A pixel-shuffle tail adds a learned residual to the bicubic up-sampling of the LR input.
 * Without the sharpening path a FiLM on the raw representation gained nothing in a few
 * hundred steps, not even with the true σ (bench/reference/blindsr_mirror.py, --cond film);
 * with it the learned representation is worth +0.4–0.6 dB after 200–300 steps (--cond usm).
 */
export interface SrNet {
  /** c → z, He-initialised */
  condition: DenseParams;
  head: ConvParams;
  blocks: { first: ConvParams; second: ConvParams; film: DenseParams }[];
  /** z → amount of each unsharp-mask band, zero start */
  sharpen: DenseParams;
  tail: ConvParams;
  channels: number;
  scale: number;
  conditionDim: number;
}

const hiddenDim = 32;

/**
 * Built in a fixed order with the condition layer last: networks made from the same seed
 * share every weight but that first layer (whose input size may differ).
 */
export function makeSrNet(
  conditionDim: number,
  channels: number,
  blocks: number,
  scale: number,
  random: Random,
): SrNet {
  const head = makeConv(3, channels, 3, 1, random);
  const blockList = Array.from({ length: blocks }, () => ({
    first: makeConv(channels, channels, 3, 1, random),
    second: makeConv(channels, channels, 3, 1, random),
    // zero start: every block begins unmodulated, the condition's influence is learned
    film: makeDense(hiddenDim, 2 * channels, random, 0),
  }));
  // zero tail and zero sharpening: the untrained network outputs the bicubic up-sampling
  const tail = makeConv(channels, 3 * scale * scale, 3, 1, random, 'same', true, 0);
  const sharpen = makeDense(hiddenDim, sharpenSigmas.length, random, 0);
  const condition = makeDense(conditionDim, hiddenDim, random);
  return { condition, head, blocks: blockList, sharpen, tail, channels, scale, conditionDim };
}

export function srNetVariables(net: SrNet): tf.Variable[] {
  return [
    ...trainableOf(net.condition),
    ...trainableOf(net.head),
    ...net.blocks.flatMap((b) => [
      ...trainableOf(b.first),
      ...trainableOf(b.second),
      ...trainableOf(b.film),
    ]),
    ...trainableOf(net.sharpen),
    ...trainableOf(net.tail),
  ];
}

/**
 * Depth-to-space from reshape + transpose (tfjs' depthToSpace has no gradient).
 * [B, H, W, C·s²] → [B, H·s, W·s, C]
 */
export function pixelShuffle(x: tf.Tensor4D, scale: number): tf.Tensor4D {
  const [b, h, w, cs] = x.shape;
  const c = cs / (scale * scale);
  // rank 4 throughout (channels laid out as row offset, column offset, colour)
  return x
    .reshape([b * h, w, scale, scale * c])
    .transpose([0, 2, 1, 3])
    .reshape([b, h * scale, w * scale, c]) as tf.Tensor4D;
}

/** condition: [B, conditionDim] (zeros for the unconditioned baseline). → [B, h·s, w·s, 3] */
export function superResolve(net: SrNet, inputs: SrInputs, condition: tf.Tensor2D): tf.Tensor4D {
  const { low, upsampled, bands } = inputs;
  const [b, h, w] = upsampled.shape;
  const z = applyDense(net.condition, condition).leakyRelu(0.1) as tf.Tensor2D; // [B, 32]
  let x = applyConv(net.head, low, false);
  for (const block of net.blocks) {
    const film = applyDense(block.film, z); // [B, 2C]: [γ | β]
    const y = filmLeakyRelu(applyConv(block.first, x), film, 0.1);
    x = x.add(applyConv(block.second, y)) as tf.Tensor4D;
  }
  const residual = pixelShuffle(applyConv(net.tail, x), net.scale);
  // Σ_j a_j · up(band_j * low): one batched product [B, 1, bands] × [B, bands, H·W·3]
  const amounts = applyDense(net.sharpen, z).reshape([b, 1, sharpenSigmas.length]) as tf.Tensor3D;
  const sharpening = tf.matMul(amounts, bands).reshape([b, h, w, 3]);
  return upsampled.add(residual).add(sharpening) as tf.Tensor4D;
}
