import * as tf from '@tensorflow/tfjs-core';

/** A convolution's padding and output size, and the pad/crop its gradients need. */
export type Padding = 'same' | 'valid';

interface ConvGeometry {
  padTop: number;
  padLeft: number;
}

/** tfjs' own 'same' rule: total = max((out−1)·s + k − in, 0), top = ⌊total/2⌋. */
export function geometry(
  inH: number,
  inW: number,
  kH: number,
  kW: number,
  stride: number,
  pad: Padding,
): ConvGeometry & { outH: number; outW: number } {
  if (pad === 'valid') {
    return {
      padTop: 0,
      padLeft: 0,
      outH: Math.floor((inH - kH) / stride) + 1,
      outW: Math.floor((inW - kW) / stride) + 1,
    };
  }
  const outH = Math.ceil(inH / stride);
  const outW = Math.ceil(inW / stride);
  const totalH = Math.max((outH - 1) * stride + kH - inH, 0);
  const totalW = Math.max((outW - 1) * stride + kW - inW, 0);
  return { padTop: Math.floor(totalH / 2), padLeft: Math.floor(totalW / 2), outH, outW };
}

/** Pads (positive) or crops (negative) the two spatial axes of an NHWC tensor. */
export function padOrCrop(
  x: tf.Tensor4D,
  top: number,
  bottom: number,
  left: number,
  right: number,
): tf.Tensor4D {
  let y = x;
  if (top < 0 || bottom < 0 || left < 0 || right < 0) {
    const [, h, w] = y.shape;
    const t = Math.max(-top, 0);
    const l = Math.max(-left, 0);
    y = y.slice([0, t, l, 0], [-1, h - t - Math.max(-bottom, 0), w - l - Math.max(-right, 0), -1]);
  }
  const pads: [number, number][] = [
    [0, 0],
    [Math.max(top, 0), Math.max(bottom, 0)],
    [Math.max(left, 0), Math.max(right, 0)],
    [0, 0],
  ];
  return pads.some(([a, b]) => a > 0 || b > 0) ? (y.pad(pads) as tf.Tensor4D) : y;
}
