import * as tf from '@tensorflow/tfjs-core';
import { simdKernelsActive } from './simd-kernels';
import {
  channelSumKernel,
  filterGradientKernel,
  flipFilterKernel,
  inputGradientKernel,
  polyphaseFilterKernel,
} from './simd-ops';

/**
 * A 2-D convolution whose gradients are built from *forward* kernels only
 * (conv2d, pad, reshape, transpose). tfjs 4.22's wasm backend registers no
 * Conv2DBackpropFilter (tfjs #8474), so stock tf.conv2d cannot train there;
 * this one trains on every backend with the same numbers.
 *
 *   filter gradient: dW = conv(xᵀ, dyᵀ as a filter dilated by the stride)
 *   input gradient:  stride 1: dx = conv(padded dy, kernel flipped in space, in/out swapped);
 *                    stride s: one polyphase conv of dy with s²·Ci outputs, interleaved
 */
export type Padding = 'same' | 'valid';

interface ConvGeometry {
  padTop: number;
  padLeft: number;
}

/** tfjs' own 'same' rule: total = max((out−1)·s + k − in, 0), top = ⌊total/2⌋. */
function geometry(
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
function padOrCrop(
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

/**
 * Gather indices that turn a flat filter [KH·KW·Ci·Co] followed by one zero into the
 * polyphase input-gradient filter [JH, JW, Co, s·s·Ci] (see `polyphaseInputGradient`).
 * Cached per shape: built once in JS, a few thousand int32s.
 */
const polyphaseIndexCache = new Map<string, Int32Array>();
function polyphaseIndices(kH: number, kW: number, ci: number, co: number, s: number): Int32Array {
  const key = `${kH},${kW},${ci},${co},${s}`;
  const cached = polyphaseIndexCache.get(key);
  if (cached) return cached;
  const jH = Math.ceil(kH / s);
  const jW = Math.ceil(kW / s);
  const zero = kH * kW * ci * co;
  const indices = new Int32Array(jH * jW * co * s * s * ci);
  let n = 0;
  for (let th = 0; th < jH; th++)
    for (let tw = 0; tw < jW; tw++)
      for (let o = 0; o < co; o++)
        for (let rh = 0; rh < s; rh++)
          for (let rw = 0; rw < s; rw++)
            for (let i = 0; i < ci; i++) {
              // tap (th, tw) of phase (rh, rw) reads kernel row rh + s·(JH−1−th)
              const kh = rh + s * (jH - 1 - th);
              const kw = rw + s * (jW - 1 - tw);
              indices[n++] = kh < kH && kw < kW ? ((kh * kW + kw) * ci + i) * co + o : zero;
            }
  polyphaseIndexCache.set(key, indices);
  return indices;
}

/**
 * Strided input gradient as ONE stride-1 conv over dy (sub-pixel / polyphase form):
 * the padded-input row i' = q·s + r receives Σ_j dy[q − j]·W[r + s·j], so each of the s²
 * phases (r_h, r_w) is a small ⌈K/s⌉² correlation of dy, and all phases share that input:
 * one conv with s²·Ci output channels, then a depth-to-space interleave from a rank-4
 * reshape/transpose. s² fewer multiply-adds than a conv over zero-stuffed dy, and no
 * stuffing.  dy: [B, OH, OW, Co] → [B, H, W, Ci]
 */
function polyphaseInputGradient(
  dy: tf.Tensor4D,
  filter: tf.Tensor4D,
  inputShape: [number, number, number, number],
  stride: number,
  pad: Padding,
): tf.Tensor4D {
  const [b, h, w, ci] = inputShape;
  const [kH, kW, , co] = filter.shape;
  const [, outH, outW] = dy.shape;
  const s = stride;
  const { padTop, padLeft } = geometry(h, w, kH, kW, s, pad);
  const jH = Math.ceil(kH / s);
  const jW = Math.ceil(kW / s);
  const phasesH = Math.ceil((h + padTop) / s);
  const phasesW = Math.ceil((w + padLeft) / s);
  const polyphase = simdKernelsActive()
    ? polyphaseFilterKernel(filter, s)
    : (tf
        .gather(
          tf.concat([filter.reshape([-1]), tf.zeros([1])]),
          tf.tensor1d(polyphaseIndices(kH, kW, ci, co, s), 'int32'),
        )
        .reshape([jH, jW, co, s * s * ci]) as tf.Tensor4D);
  const padded = padOrCrop(dy, jH - 1, phasesH - outH, jW - 1, phasesW - outW);
  const phases = tf.conv2d(padded, polyphase, 1, 'valid'); // [B, QH, QW, s·s·Ci]
  // rank 4 throughout (WebGL): [B·QH, QW, rh, (rw, Ci)] → [B·QH, rh, QW, (rw, Ci)]
  const interleaved = phases
    .reshape([b * phasesH, phasesW, s, s * ci])
    .transpose([0, 2, 1, 3])
    .reshape([b, phasesH * s, phasesW * s, ci]) as tf.Tensor4D;
  return padOrCrop(
    interleaved,
    -padTop,
    h + padTop - phasesH * s,
    -padLeft,
    w + padLeft - phasesW * s,
  );
}

/**
 * dL/dx for y = conv(x, W). dy: [B, OH, OW, Co], filter: [KH, KW, Ci, Co] → [B, H, W, Ci]
 * A forward conv again: tfjs-wasm's own Conv2DBackpropInput is a plain loop, measured
 * 40× slower than XNNPACK's forward conv on the same shapes. Stride 1: a 'full'
 * correlation with the flipped kernel; stride > 1: the polyphase form.
 */
export function convInputGradient(
  dy: tf.Tensor4D,
  filter: tf.Tensor4D,
  inputShape: [number, number, number, number],
  stride: number,
  pad: Padding,
): tf.Tensor4D {
  return tf.tidy(() => {
    if (stride > 1 && simdKernelsActive()) {
      // on wasm: our direct kernel, only the taps that exist (assembly/input-gradient.ts)
      const { padTop, padLeft } = geometry(
        inputShape[1],
        inputShape[2],
        filter.shape[0],
        filter.shape[1],
        stride,
        pad,
      );
      return inputGradientKernel(dy, filter, inputShape, stride, padTop, padLeft);
    }
    if (stride > 1) return polyphaseInputGradient(dy, filter, inputShape, stride, pad);
    const [, h, w] = inputShape;
    const [kH, kW] = filter.shape;
    const { padTop, padLeft } = geometry(h, w, kH, kW, stride, pad);
    const [, sh, sw] = dy.shape;
    // output of a 'valid' conv must be H: (sh + top + bottom) − kH + 1 = H
    const top = kH - 1 - padTop;
    const left = kW - 1 - padLeft;
    const bottom = h + kH - 1 - sh - top;
    const right = w + kW - 1 - sw - left;
    const flipped = simdKernelsActive()
      ? flipFilterKernel(filter)
      : (filter.reverse([0, 1]).transpose([0, 1, 3, 2]) as tf.Tensor4D);
    // an odd kernel over 'same' padding pads dy as tfjs' own 'same' would: no pad kernel
    if (
      sh === h &&
      sw === w &&
      top === padTop &&
      bottom === top &&
      left === padLeft &&
      right === left
    )
      return tf.conv2d(dy, flipped, 1, 'same') as tf.Tensor4D;
    return tf.conv2d(padOrCrop(dy, top, bottom, left, right), flipped, 1, 'valid') as tf.Tensor4D;
  });
}

/**
 * dL/dW for y = conv(x, W). x: [B, H, W, Ci], dy: [B, OH, OW, Co] → [KH, KW, Ci, Co]
 * On tfjs-wasm: our SIMD kernel (assembly/kernels.ts), one pass, in place; elsewhere (and
 * as its reference in the tests) the batch-as-channels conv below.
 */
export function convFilterGradient(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: [number, number, number, number],
  stride: number,
  pad: Padding,
): tf.Tensor4D {
  if (simdKernelsActive()) {
    const [kH, kW] = filterShape;
    const { padTop, padLeft } = geometry(x.shape[1], x.shape[2], kH, kW, stride, pad);
    return filterGradientKernel(x, dy, kH, kW, stride, padTop, padLeft);
  }
  return convFilterGradientByConv(x, dy, filterShape, stride, pad);
}

/** The filter gradient from forward kernels only: the conv of xᵀ with dyᵀ as a filter. */
export function convFilterGradientByConv(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: [number, number, number, number],
  stride: number,
  pad: Padding,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [, h, w] = x.shape;
    const [kH, kW] = filterShape;
    const [, outH, outW] = dy.shape;
    const { padTop, padLeft } = geometry(h, w, kH, kW, stride, pad);
    // channels become the batch, the batch becomes the channels being reduced over
    const xT = x.transpose([3, 1, 2, 0]) as tf.Tensor4D; // [Ci, H, W, B]
    const dyT = dy.transpose([1, 2, 0, 3]) as tf.Tensor4D; // [OH, OW, B, Co]
    const bottom = kH + (outH - 1) * stride - h - padTop;
    const right = kW + (outW - 1) * stride - w - padLeft;
    const padded = padOrCrop(xT, padTop, bottom, padLeft, right);
    const grad = tf.conv2d(padded, dyT, 1, 'valid', 'NHWC', stride) as tf.Tensor4D; // [Ci, KH, KW, Co]
    return grad.transpose([1, 2, 0, 3]) as tf.Tensor4D;
  });
}

/**
 * y = conv(x, filter) (+ bias). x: [B, H, W, Ci], filter: [KH, KW, Ci, Co], bias: [Co]
 * → [B, OH, OW, Co]
 * `inputGradient`: false for a first layer, whose input is data (saves a whole conv).
 * The bias is added inside the op so that its gradient is one channel sum of dy (our
 * kernel on wasm) rather than tfjs' broadcast-add gradient.
 */
export function conv2d(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  stride: number,
  pad: Padding,
  inputGradient = true,
  bias: tf.Tensor1D | null = null,
): tf.Tensor4D {
  const gradients = (dy: tf.Tensor4D, savedX: tf.Tensor4D, savedW: tf.Tensor4D) => [
    inputGradient
      ? convInputGradient(dy, savedW, savedX.shape, stride, pad)
      : tf.zeros(savedX.shape),
    convFilterGradient(savedX, dy, savedW.shape, stride, pad),
  ];
  if (bias) {
    const withBias = tf.customGrad((input, kernel, shift, save) => {
      const xs = input as tf.Tensor4D;
      const ws = kernel as tf.Tensor4D;
      (save as tf.GradSaveFunc)([xs, ws]);
      return {
        // the bias inside the convolution (XNNPACK adds it as it writes the output)
        value: tf.fused.conv2d({
          x: xs,
          filter: ws,
          strides: stride,
          pad,
          bias: shift as tf.Tensor1D,
        }),
        gradFunc: (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
          const [savedX, savedW] = saved as [tf.Tensor4D, tf.Tensor4D];
          const dBias = simdKernelsActive() ? channelSumKernel(dy) : dy.sum([0, 1, 2]);
          return [...gradients(dy, savedX, savedW), dBias];
        },
      };
    }) as (x: tf.Tensor, filter: tf.Tensor, bias: tf.Tensor) => tf.Tensor;
    return withBias(x, filter, bias) as tf.Tensor4D;
  }
  const op = tf.customGrad((input, kernel, save) => {
    const xs = input as tf.Tensor4D;
    const ws = kernel as tf.Tensor4D;
    (save as tf.GradSaveFunc)([xs, ws]);
    return {
      value: tf.conv2d(xs, ws, stride, pad) as tf.Tensor4D,
      gradFunc: (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
        const [savedX, savedW] = saved as [tf.Tensor4D, tf.Tensor4D];
        return gradients(dy, savedX, savedW);
      },
    };
  });
  return op(x, filter) as tf.Tensor4D;
}
