import * as tf from '@tensorflow/tfjs';
import { plain, shared } from 'virtual:simd-kernels';
import {
  batchNormBackwardName,
  batchNormForwardName,
  channelSumName,
  filterGradientName,
  flipFilterName,
  polyphaseFilterName,
} from './simd-kernel-names';

/**
 * Our own wasm SIMD kernels (assembly/kernels.ts) registered as tfjs kernels of the
 * 'wasm' backend. They are instantiated on tfjs-wasm's own WebAssembly.Memory (shared in
 * the threaded build), so they read and write tensors in place at
 * `backend.dataIdMap.get(dataId).memoryOffset`: no copies, no read-back. On any other
 * backend (cpu in the unit tests, webgl, webgpu) `simdKernelsActive()` is false and the
 * callers keep their tfjs-op formulas, which the tests compare these kernels against.
 */

/** The parts of tfjs-wasm's BackendWasm these kernels use (its typings are not exported). */
interface WasmBackend extends tf.KernelBackend {
  wasm: {
    wasmMemory?: WebAssembly.Memory;
    asm?: { memory?: WebAssembly.Memory };
    _malloc(bytes: number): number;
    _free(pointer: number): void;
  };
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
}

interface Exports {
  convFilterGradient(...args: number[]): void;
  batchNormForward(...args: number[]): void;
  batchNormBackward(...args: number[]): void;
  flipFilter(...args: number[]): void;
  polyphaseFilter(...args: number[]): void;
  channelSum(...args: number[]): void;
}

interface Instance {
  exports: Exports;
  scratch: number;
  scratchFloats: number;
}

const instances = new WeakMap<object, Instance>();
let disabled = false;
let enabled = true;

/** Switches our kernels off (true: on again) — for side-by-side benchmarks and tests. */
export function setSimdKernelsEnabled(on: boolean): void {
  enabled = on;
}

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Instantiated once per backend object, on its memory (sync: a few kB, in a worker). */
function instanceFor(backend: WasmBackend): Instance {
  let instance = instances.get(backend);
  if (instance) return instance;
  const memory = backend.wasm.wasmMemory ?? backend.wasm.asm?.memory;
  if (!memory) throw new Error('tfjs-wasm memory not found');
  const isShared =
    typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  const module = new WebAssembly.Module(decode(isShared ? shared : plain));
  const exports = new WebAssembly.Instance(module, { env: { memory } })
    .exports as unknown as Exports;
  instance = { exports, scratch: 0, scratchFloats: 0 };
  instances.set(backend, instance);
  return instance;
}

/** A per-channel scratch block from tfjs' heap, grown on demand and kept. */
function scratch(backend: WasmBackend, instance: Instance, floats: number): number {
  if (instance.scratchFloats < floats) {
    if (instance.scratch) backend.wasm._free(instance.scratch);
    instance.scratchFloats = Math.max(floats, 1024);
    instance.scratch = backend.wasm._malloc(instance.scratchFloats * 4);
  }
  return instance.scratch;
}

const offset = (backend: WasmBackend, t: tf.TensorInfo) => {
  const data = backend.dataIdMap.get(t.dataId);
  if (!data) throw new Error('tensor not on the wasm backend');
  return data.memoryOffset;
};

let registered = false;
export function registerSimdKernels(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({
    kernelName: filterGradientName,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const b = backend as WasmBackend;
      const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
      const { kH, kW, stride, padTop, padLeft } = attrs as Record<string, number>;
      const [batch, height, width, inC] = x.shape;
      const [, outH, outW, outC] = dy.shape;
      const out = b.makeOutput([kH, kW, inC, outC], 'float32');
      instanceFor(b).exports.convFilterGradient(
        offset(b, x),
        offset(b, dy),
        offset(b, out),
        batch,
        height,
        width,
        inC,
        outH,
        outW,
        outC,
        kH,
        kW,
        stride,
        padTop,
        padLeft,
      );
      return out;
    },
  });
  tf.registerKernel({
    kernelName: channelSumName,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const b = backend as WasmBackend;
      const { x } = inputs as { x: tf.TensorInfo };
      const channels = x.shape[x.shape.length - 1];
      const rows = x.shape.reduce((a, d) => a * d, 1) / channels;
      const out = b.makeOutput([channels], 'float32');
      instanceFor(b).exports.channelSum(offset(b, x), offset(b, out), rows, channels);
      return out;
    },
  });
  tf.registerKernel({
    kernelName: flipFilterName,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const b = backend as WasmBackend;
      const { filter } = inputs as { filter: tf.TensorInfo };
      const [kH, kW, inC, outC] = filter.shape;
      const out = b.makeOutput([kH, kW, outC, inC], 'float32');
      instanceFor(b).exports.flipFilter(offset(b, filter), offset(b, out), kH, kW, inC, outC);
      return out;
    },
  });
  tf.registerKernel({
    kernelName: polyphaseFilterName,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const b = backend as WasmBackend;
      const { filter } = inputs as { filter: tf.TensorInfo };
      const { stride } = attrs as Record<string, number>;
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
    },
  });
  tf.registerKernel({
    kernelName: batchNormForwardName,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const b = backend as WasmBackend;
      const { x, gamma, beta } = inputs as Record<string, tf.TensorInfo>;
      const { epsilon, activation, slope } = attrs as Record<string, number>;
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
    },
  });
  tf.registerKernel({
    kernelName: batchNormBackwardName,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const b = backend as WasmBackend;
      const { x, dy, gamma, beta, mean, rstd } = inputs as Record<string, tf.TensorInfo>;
      const { activation, slope } = attrs as Record<string, number>;
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
    },
  });
}

/**
 * True when the current backend is tfjs-wasm and our kernels run on it. The first call
 * on a backend instantiates them; a failure (no memory found, no wasm SIMD) switches them
 * off for good and the tfjs-op formulas carry on.
 */
export function simdKernelsActive(): boolean {
  if (!enabled || disabled || tf.getBackend() !== 'wasm') return false;
  try {
    registerSimdKernels();
    instanceFor(tf.backend() as WasmBackend);
    return true;
  } catch (error) {
    disabled = true;
    console.warn('simd kernels off:', error);
    return false;
  }
}
