import * as tf from '@tensorflow/tfjs';
import { bicubicResize } from './degrade';
import {
  applyConv,
  applyDense,
  makeConv,
  makeDense,
  trainableOf,
  type ConvParams,
  type DenseParams,
} from './layers';
import type { Random } from './random';

/**
 * A small degradation-conditioned upsampler, the browser-sized stand-in for DASR's
 * DA-conv blocks: each residual block's features are modulated per channel by a
 * condition vector (FiLM: y·(1 + γ(c)) + β(c)), then a pixel-shuffle tail, added to the
 * bicubic up-sampling of the LR input (residual learning). With `conditionDim` 0 the same
 * network has no modulation at all: the honest "without the representation" baseline.
 */
export interface SrNet {
  head: ConvParams;
  blocks: { first: ConvParams; second: ConvParams; modulation: DenseParams | null }[];
  tail: ConvParams;
  channels: number;
  scale: number;
  conditionDim: number;
}

export function makeSrNet(
  conditionDim: number,
  channels: number,
  blocks: number,
  scale: number,
  random: Random,
): SrNet {
  return {
    head: makeConv(3, channels, 3, 1, random),
    blocks: Array.from({ length: blocks }, () => ({
      first: makeConv(channels, channels, 3, 1, random),
      second: makeConv(channels, channels, 3, 1, random),
      // zero start: every block begins unmodulated, the condition's influence is learned
      modulation: conditionDim > 0 ? makeDense(conditionDim, 2 * channels, random, 0) : null,
    })),
    // zero tail: the untrained network outputs exactly the bicubic up-sampling
    tail: makeConv(channels, 3 * scale * scale, 3, 1, random, 'same', true, 0),
    channels,
    scale,
    conditionDim,
  };
}

export function srNetVariables(net: SrNet): tf.Variable[] {
  return [
    ...trainableOf(net.head),
    ...net.blocks.flatMap((b) => [
      ...trainableOf(b.first),
      ...trainableOf(b.second),
      ...(b.modulation ? trainableOf(b.modulation) : []),
    ]),
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

/**
 * low: [B, h, w, 3] LR images; condition: [B, conditionDim], or null for a network built
 * without conditioning. → [B, h·s, w·s, 3]
 */
export function superResolve(
  net: SrNet,
  low: tf.Tensor4D,
  condition: tf.Tensor2D | null,
): tf.Tensor4D {
  const [b, h] = low.shape;
  if (net.conditionDim > 0 !== (condition !== null))
    throw new Error('superResolve: the condition must match how the network was built');
  let x = applyConv(net.head, low, false);
  for (const block of net.blocks) {
    let y = applyConv(block.first, x);
    if (block.modulation && condition) {
      const film = applyDense(block.modulation, condition); // [B, 2C]
      const gamma = film.slice([0, 0], [b, net.channels]).reshape([b, 1, 1, net.channels]);
      const beta = film
        .slice([0, net.channels], [b, net.channels])
        .reshape([b, 1, 1, net.channels]);
      y = y.mul(gamma.add(1)).add(beta) as tf.Tensor4D;
    }
    x = x.add(applyConv(block.second, y.leakyRelu(0.1) as tf.Tensor4D)) as tf.Tensor4D;
  }
  const residual = pixelShuffle(applyConv(net.tail, x), net.scale);
  return bicubicResize(low, h * net.scale).add(residual) as tf.Tensor4D;
}
