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
 * DA-conv blocks: each residual block's features are modulated per channel by the
 * degradation representation (FiLM: y·(1 + γ(h)) + β(h)), then a pixel-shuffle tail,
 * added to the bicubic up-sampling of the LR input (residual learning).
 */
export interface SrNet {
  head: ConvParams;
  blocks: { first: ConvParams; second: ConvParams; modulation: DenseParams }[];
  tail: ConvParams;
  channels: number;
  scale: number;
}

export function makeSrNet(
  representationDim: number,
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
      // zero start: every block begins unmodulated, the representation's influence is learned
      modulation: makeDense(representationDim, 2 * channels, random, 0),
    })),
    // zero tail: the untrained network outputs exactly the bicubic up-sampling
    tail: makeConv(channels, 3 * scale * scale, 3, 1, random, 'same', true, 0),
    channels,
    scale,
  };
}

export function srNetVariables(net: SrNet): tf.Variable[] {
  return [
    ...trainableOf(net.head),
    ...net.blocks.flatMap((b) => [
      ...trainableOf(b.first),
      ...trainableOf(b.second),
      ...trainableOf(b.modulation),
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
 * low: [B, h, w, 3] LR images; representation: [B, D] or null (no conditioning: the
 * modulation sees zeros). → [B, h·s, w·s, 3]
 */
export function superResolve(
  net: SrNet,
  low: tf.Tensor4D,
  representation: tf.Tensor2D | null,
): tf.Tensor4D {
  const [b, h] = low.shape;
  let x = applyConv(net.head, low, false);
  for (const block of net.blocks) {
    const dim = block.modulation.kernel.shape[0];
    const r = representation ?? (tf.zeros([b, dim]) as tf.Tensor2D);
    const film = applyDense(block.modulation, r); // [B, 2C]
    const gamma = film.slice([0, 0], [b, net.channels]).reshape([b, 1, 1, net.channels]);
    const beta = film.slice([0, net.channels], [b, net.channels]).reshape([b, 1, 1, net.channels]);
    const y = applyConv(block.first, x).mul(gamma.add(1)).add(beta).leakyRelu(0.1) as tf.Tensor4D;
    x = x.add(applyConv(block.second, y)) as tf.Tensor4D;
  }
  const residual = pixelShuffle(applyConv(net.tail, x), net.scale);
  return bicubicResize(low, h * net.scale).add(residual) as tf.Tensor4D;
}
