import * as tf from '@tensorflow/tfjs-core';
import {
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
} from './simd-kernel-names';
import { registerTrainingKernels } from './simd-kernels-training';
import {
  instanceFor,
  offset,
  registerWasmKernel,
  resetInstances,
  scratch,
  switches,
  type WasmBackend,
} from './simd-runtime';

/**
 * Our own wasm SIMD kernels (assembly/kernels.ts) registered as tfjs kernels of the
 * 'wasm' backend, on tfjs-wasm's own memory (simd-runtime.ts): convolution gradients and
 * batch norm here, the optimizer, FiLM and tensor sharing in simd-kernels-training.ts. On
 * any other backend (cpu in the unit tests, webgl, webgpu) `simdKernelsActive()` is false
 * and the callers keep their tfjs-op formulas, which the tests compare these kernels against.
 */

/** Switches our kernels off (true: on again) — for side-by-side benchmarks and tests. */
export function setSimdKernelsEnabled(on: boolean): void {
  switches.enabled = on;
}

/** Tests and benchmarks: 3×3 stride-1 convs (forward, filter gradient) by Winograd or directly. */
export function setWinogradEnabled(on: boolean): void {
  switches.winograd = on;
}

/** Whether the convolutions may take the Winograd kernels (simd-ops.ts winogradFits: where). */
export function winogradEnabled(): boolean {
  return switches.winograd;
}

/** Tests: allow (true) or refuse (false) the relaxed-SIMD build from the next kernel on. */
export function setFmaAllowed(on: boolean): void {
  switches.fma = on;
  resetInstances();
}

/** The build that runs on the current wasm backend: 'fma' (relaxed SIMD), 'plain'; null off wasm. */
export function simdKernelBuild(): 'fma' | 'plain' | null {
  if (!simdKernelsActive()) return null;
  return instanceFor(tf.backend() as WasmBackend).fma ? 'fma' : 'plain';
}

/** A convolution's shape in the argument order of assembly/conv.ts and input-gradient.ts. */
function convShape(
  input: readonly number[],
  dy: readonly number[],
  ...filterAndGeometry: [kH: number, kW: number, stride: number, padTop: number, padLeft: number]
): number[] {
  const [batch, height, width, inC] = input;
  const [, outH, outW, outC] = dy;
  return [batch, height, width, inC, outH, outW, outC, ...filterAndGeometry];
}

/** Floats of the zero-bordered input the Winograd kernels read (assembly/conv-winograd.ts). */
function winogradPadded(
  input: readonly number[],
  outH: number,
  outW: number,
  padTop: number,
  padLeft: number,
): number {
  const [batch, height, width, inC] = input;
  const paddedH = Math.max(height + padTop, Math.ceil(outH / 2) * 2 + 2);
  const paddedW = Math.max(width + padLeft, Math.ceil(outW / 2) * 2 + 2);
  return batch * paddedH * paddedW * inC;
}

let registered = false;
export function registerSimdKernels(): void {
  if (registered) return;
  registered = true;
  registerTrainingKernels();
  registerWasmKernel(convForwardName, (b, inputs, attrs) => {
    const { x, filter, bias } = inputs;
    const { outH, outW, stride, padTop, padLeft, activation, slope, winograd } = attrs;
    const [kH, kW, inC, outC] = filter.shape;
    const [batch, height, width] = x.shape;
    const out = b.makeOutput([batch, outH, outW, outC], 'float32');
    const instance = instanceFor(b);
    if (winograd) {
      // transformed filter, padded input, four tiles' transformed input, their products
      const floats =
        Math.ceil(outC / 8) * 16 * inC * 8 +
        winogradPadded(x.shape, outH, outW, padTop, padLeft) +
        64 * inC +
        512;
      instance.exports.convWinograd(
        offset(b, x),
        offset(b, filter),
        bias ? offset(b, bias) : 0,
        offset(b, out),
        scratch(b, instance, floats),
        ...[batch, height, width, inC, outH, outW, outC, padTop, padLeft, activation, slope],
      );
      return out;
    }
    // the filter packed by 8 output channels, then the input inside its zero border
    const paddedH = Math.max(height + padTop, (outH - 1) * stride + kH);
    const paddedW = Math.max(width + padLeft, (outW - 1) * stride + kW);
    const block = scratch(
      b,
      instance,
      Math.ceil(outC / 8) * kH * kW * inC * 8 + batch * paddedH * paddedW * inC,
    );
    instance.exports.convForward(
      offset(b, x),
      offset(b, filter),
      bias ? offset(b, bias) : 0,
      offset(b, out),
      block,
      ...convShape(x.shape, [batch, outH, outW, outC], kH, kW, stride, padTop, padLeft),
      activation,
      slope,
    );
    return out;
  });
  registerWasmKernel(filterGradientName, (b, inputs, attrs) => {
    const { x, dy } = inputs;
    const { kH, kW, stride, padTop, padLeft, winograd } = attrs;
    const inC = x.shape[3];
    const [batch, outH, outW, outC] = dy.shape;
    const out = b.makeOutput([kH, kW, inC, outC], 'float32');
    const instance = instanceFor(b);
    if (winograd) {
      // padded input, a chunk of tiles' transformed input and dy, the transformed gradient
      const outC8 = Math.ceil(outC / 8) * 8;
      const chunk = 32; // tiles whose transforms are held at once
      const floats =
        winogradPadded(x.shape, outH, outW, padTop, padLeft) +
        16 * chunk * (inC + outC8) +
        16 * inC * outC8;
      instance.exports.convWinogradFilterGradient(
        offset(b, x),
        offset(b, dy),
        offset(b, out),
        scratch(b, instance, floats),
        ...[batch, x.shape[1], x.shape[2], inC, outH, outW, outC, padTop, padLeft, chunk],
      );
      return out;
    }
    instance.exports.convFilterGradient(
      offset(b, x),
      offset(b, dy),
      offset(b, out),
      scratch(b, instance, 2 * batch * outH * outW), // a tap's (x, dy) offsets
      ...convShape(x.shape, dy.shape, kH, kW, stride, padTop, padLeft),
    );
    return out;
  });
  registerWasmKernel(inputGradientName, (b, inputs, attrs) => {
    const { dy, filter } = inputs;
    const { batch, height, width, stride, padTop, padLeft } = attrs;
    const outC = dy.shape[3];
    const [kH, kW, inC] = filter.shape;
    const out = b.makeOutput([batch, height, width, inC], 'float32');
    const instance = instanceFor(b);
    // the filter laid out [KH, KW, Co, Ci], a pixel's tap list, the pixels waiting for a block
    const block = scratch(b, instance, kH * kW * (inC * outC + 2) + 16 * 14);
    instance.exports.convInputGradient(
      offset(b, dy),
      offset(b, filter),
      offset(b, out),
      block,
      ...convShape([batch, height, width, inC], dy.shape, kH, kW, stride, padTop, padLeft),
    );
    return out;
  });
  registerWasmKernel(channelSumName, (b, inputs) => {
    const { x } = inputs;
    const channels = x.shape[x.shape.length - 1];
    const rows = x.shape.reduce((a, d) => a * d, 1) / channels;
    const out = b.makeOutput([channels], 'float32');
    instanceFor(b).exports.channelSum(offset(b, x), offset(b, out), rows, channels);
    return out;
  });
  // [B, H, W, C] → [B, C]: each image's channel means
  registerWasmKernel(imageMeansName, (b, inputs) => {
    const { x } = inputs;
    const [batch, h, w, channels] = x.shape;
    const out = b.makeOutput([batch, channels], 'float32');
    instanceFor(b).exports.imageMeans(offset(b, x), offset(b, out), batch, h * w, channels);
    return out;
  });
  // [B, C] → [B, H, W, C]: the means' gradient, scale · v[b, c] at every pixel
  registerWasmKernel(spreadMeansName, (b, inputs, attrs) => {
    const { v } = inputs;
    const { height, width, scale } = attrs;
    const [batch, channels] = v.shape;
    const out = b.makeOutput([batch, height, width, channels], 'float32');
    instanceFor(b).exports.spreadMeans(
      offset(b, v),
      0,
      offset(b, out),
      ...[batch, height * width, channels, scale],
    );
    return out;
  });
  // [B, H, W, C] → the same, each image's channel means subtracted
  registerWasmKernel(centerImagesName, (b, inputs) => {
    const { x } = inputs;
    const [batch, h, w, channels] = x.shape;
    const out = b.makeOutput(x.shape, 'float32');
    const instance = instanceFor(b);
    const means = scratch(b, instance, batch * channels);
    instance.exports.imageMeans(offset(b, x), means, batch, h * w, channels);
    instance.exports.spreadMeans(means, offset(b, x), offset(b, out), batch, h * w, channels, -1);
    return out;
  });
  registerWasmKernel(flipFilterName, (b, inputs) => {
    const { filter } = inputs;
    const [kH, kW, inC, outC] = filter.shape;
    const out = b.makeOutput([kH, kW, outC, inC], 'float32');
    instanceFor(b).exports.flipFilter(offset(b, filter), offset(b, out), kH, kW, inC, outC);
    return out;
  });
  registerWasmKernel(polyphaseFilterName, (b, inputs, attrs) => {
    const { filter } = inputs;
    const { stride } = attrs;
    const [kH, kW, inC, outC] = filter.shape;
    const out = b.makeOutput(
      [Math.ceil(kH / stride), Math.ceil(kW / stride), outC, stride * stride * inC],
      'float32',
    );
    instanceFor(b).exports.polyphaseFilter(
      offset(b, filter),
      offset(b, out),
      kH,
      kW,
      inC,
      outC,
      stride,
    );
    return out;
  });
  registerWasmKernel(batchNormForwardName, (b, inputs, attrs) => {
    const { x, gamma, beta } = inputs;
    const { epsilon, activation, slope } = attrs;
    const channels = x.shape[x.shape.length - 1];
    const rows = x.shape.reduce((a, d) => a * d, 1) / channels;
    const y = b.makeOutput(x.shape, 'float32');
    const mean = b.makeOutput([channels], 'float32');
    const variance = b.makeOutput([channels], 'float32');
    const rstd = b.makeOutput([channels], 'float32');
    const instance = instanceFor(b);
    const block = scratch(b, instance, 4 * channels);
    instance.exports.batchNormForward(
      offset(b, x),
      offset(b, gamma),
      offset(b, beta),
      offset(b, y),
      offset(b, mean),
      offset(b, variance),
      offset(b, rstd),
      block,
      rows,
      channels,
      epsilon,
      activation,
      slope,
    );
    return [y, mean, variance, rstd];
  });
  registerWasmKernel(batchNormBackwardName, (b, inputs, attrs) => {
    const { x, dy, gamma, beta, mean, rstd } = inputs;
    const { activation, slope } = attrs;
    const channels = x.shape[x.shape.length - 1];
    const rows = x.shape.reduce((a, d) => a * d, 1) / channels;
    const dx = b.makeOutput(x.shape, 'float32');
    const dGamma = b.makeOutput([channels], 'float32');
    const dBeta = b.makeOutput([channels], 'float32');
    const instance = instanceFor(b);
    const block = scratch(b, instance, 4 * channels);
    instance.exports.batchNormBackward(
      offset(b, x),
      offset(b, dy),
      offset(b, gamma),
      offset(b, beta),
      offset(b, mean),
      offset(b, rstd),
      offset(b, dx),
      offset(b, dGamma),
      offset(b, dBeta),
      block,
      rows,
      channels,
      activation,
      slope,
    );
    return [dx, dGamma, dBeta];
  });
}

/**
 * XNNPACK's pool on the current wasm backend (call `simdKernelsActive()` first). Our kernels
 * run on one thread: where XNNPACK has more, its convolution is the one to use.
 */
export function xnnpackThreads(): number {
  return instanceFor(tf.backend() as WasmBackend).xnnpackThreads;
}

/**
 * True when the current backend is tfjs-wasm and our kernels run on it. The first call
 * on a backend instantiates them; a failure (no memory found, no wasm SIMD) switches them
 * off for good and the tfjs-op formulas carry on.
 */
export function simdKernelsActive(): boolean {
  if (!switches.enabled || switches.disabled || tf.getBackend() !== 'wasm') return false;
  try {
    registerSimdKernels();
    instanceFor(tf.backend() as WasmBackend);
    return true;
  } catch (error) {
    switches.disabled = true;
    console.warn('simd kernels off:', error);
    return false;
  }
}
