import * as tf from '@tensorflow/tfjs-core';
import {
  batchNormBackwardName,
  batchNormForwardName,
  centerImagesName,
  channelSumName,
  imageMeansName,
  spreadMeansName,
} from './simd-kernel-names';
import { registerConvKernels } from './simd-kernels-conv';
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
 * 'wasm' backend, on tfjs-wasm's own memory (simd-runtime.ts): batch norm and pooling here,
 * the convolutions in simd-kernels-conv.ts, the optimizer, FiLM, tensor sharing and the
 * matrix product in simd-kernels-training.ts. On
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

let registered = false;
export function registerSimdKernels(): void {
  if (registered) return;
  registered = true;
  registerTrainingKernels();
  registerConvKernels();
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
