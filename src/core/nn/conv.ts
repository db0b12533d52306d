import * as tf from '@tensorflow/tfjs-core';
import { simdKernelsActive, winogradEnabled, xnnpackThreads } from './simd-kernels';
import {
  channelSumKernel,
  convForwardFits,
  convForwardKernel,
  filterGradientKernel,
  flipFilterKernel,
  inputGradientKernel,
  winogradFits,
} from './simd-ops';
import { geometry, padOrCrop, type Padding } from './conv-geometry';
import { polyphaseInputGradient } from './conv-polyphase';
import type { KernelActivation } from './simd-kernel-names';

export type { Padding } from './conv-geometry';

/** A conv our Winograd kernels take (winogradFits), unless tests or benchmarks switched them off. */
function winogradFor(
  batch: number,
  outH: number,
  outW: number,
  filterShape: readonly number[],
  stride: number,
): boolean {
  return winogradEnabled() && winogradFits(batch, outH, outW, filterShape, stride);
}

/**
 * act(conv(x, filter) + bias), forward only. On tfjs-wasm with XNNPACK on one thread, our
 * kernels where the output channels come by fours: a 3×3 stride-1 conv over channels by fours
 * by Winograd's F(2×2, 3×3) (assembly/conv-winograd.ts: 16 multiply-adds per 2×2 output
 * block and channel pair instead of 36; 1.2–2.3× the direct kernel at the labs' shapes,
 * docs/PERFORMANCE.md round 14), any other directly (assembly/conv-forward.ts: fused
 * multiply-adds, 4 pixels × 8 channels a block; 1.27–1.5× XNNPACK's speed, round 11);
 * XNNPACK's convolution (tfjs' conv2d, fused.conv2d) otherwise — with more threads it splits
 * the work — and on every other backend.
 */
export function forwardConv(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  stride: number,
  pad: Padding,
  bias: tf.Tensor1D | null = null,
  activation: KernelActivation = 'none',
  slope = 0,
): tf.Tensor4D {
  const [kH, kW, , outC] = filter.shape;
  if (simdKernelsActive() && convForwardFits(outC, slope) && xnnpackThreads() === 1) {
    const shape = geometry(x.shape[1], x.shape[2], kH, kW, stride, pad);
    const winograd = winogradFor(x.shape[0], shape.outH, shape.outW, filter.shape, stride);
    return convForwardKernel(x, filter, bias, { ...shape, stride }, activation, slope, winograd);
  }
  if (!bias && activation === 'none') return tf.conv2d(x, filter, stride, pad) as tf.Tensor4D;
  return tf.fused.conv2d({
    x,
    filter,
    strides: stride,
    pad,
    bias: bias ?? undefined,
    activation: activation === 'none' ? 'linear' : activation === 'relu' ? 'relu' : 'leakyrelu',
    leakyreluAlpha: slope,
  });
}

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
/**
 * dL/dx for y = conv(x, W). dy: [B, OH, OW, Co], filter: [KH, KW, Ci, Co] → [B, H, W, Ci]
 * A forward conv again: tfjs-wasm's own Conv2DBackpropInput is a plain loop, measured
 * 40× slower than XNNPACK's forward conv on the same shapes. Stride 1: a 'full'
 * correlation with the flipped kernel; stride > 1: our direct kernel on wasm, the
 * polyphase form (conv-polyphase.ts) elsewhere.
 */
export function convInputGradient(
  dy: tf.Tensor4D,
  filter: tf.Tensor4D,
  inputShape: [number, number, number, number],
  stride: number,
  pad: Padding,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [, h, w] = inputShape;
    const [kH, kW] = filter.shape;
    const { padTop, padLeft } = geometry(h, w, kH, kW, stride, pad);
    // on wasm: our direct kernel, only the taps that exist (assembly/input-gradient.ts)
    if (stride > 1 && simdKernelsActive())
      return inputGradientKernel(dy, filter, inputShape, stride, padTop, padLeft);
    if (stride > 1) return polyphaseInputGradient(dy, filter, inputShape, stride, pad);
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
      return forwardConv(dy, flipped, 1, 'same');
    return forwardConv(padOrCrop(dy, top, bottom, left, right), flipped, 1, 'valid');
  });
}

/**
 * dL/dW for y = conv(x, W). x: [B, H, W, Ci], dy: [B, OH, OW, Co] → [KH, KW, Ci, Co]
 * On tfjs-wasm: our SIMD kernels, in place — Winograd's F(2×2, 3×3) where the forward conv
 * takes it (assembly/conv-winograd.ts), one direct pass otherwise (assembly/conv.ts);
 * elsewhere (and as their reference in the tests) the batch-as-channels conv below.
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
    const [batch, outH, outW] = dy.shape;
    const winograd = winogradFor(batch, outH, outW, filterShape, stride);
    return filterGradientKernel(x, dy, kH, kW, stride, padTop, padLeft, winograd);
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
 * `inputGradient`: false for a first layer, whose input is data (saves a whole conv). x is
 * then no input of the op at all: tfjs' customGrad computes every input's gradient, used or
 * not, and a zero gradient the size of the batch was a fresh array made and copied each step.
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
  // the op's inputs, in the order its gradients are returned
  const inputs: tf.Tensor[] = [filter, ...(bias ? [bias] : []), ...(inputGradient ? [x] : [])];
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const ws = args[0] as tf.Tensor4D;
    const shift = bias ? (args[1] as tf.Tensor1D) : null;
    const xs = inputGradient ? (args[bias ? 2 : 1] as tf.Tensor4D) : x;
    save([xs, ws]);
    return {
      // the bias inside the convolution (added as it writes the output)
      value: forwardConv(xs, ws, stride, pad, shift),
      gradFunc: (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
        const [savedX, savedW] = saved as [tf.Tensor4D, tf.Tensor4D];
        const gradients: tf.Tensor[] = [convFilterGradient(savedX, dy, savedW.shape, stride, pad)];
        if (shift) gradients.push(simdKernelsActive() ? channelSumKernel(dy) : dy.sum([0, 1, 2]));
        if (inputGradient) gradients.push(convInputGradient(dy, savedW, savedX.shape, stride, pad));
        return gradients;
      },
    };
  });
  return op(...inputs) as tf.Tensor4D;
}
