import * as tf from '@tensorflow/tfjs-core';
import { plain, plainFma, shared, sharedFma } from 'virtual:simd-kernels';

/**
 * What our wasm SIMD kernels (assembly/kernels.ts) run on: one instance per tfjs-wasm
 * backend, on that backend's own WebAssembly.Memory (shared in the threaded build), so the
 * kernels read and write tensors in place at `backend.dataIdMap.get(dataId).memoryOffset`:
 * no copies, no read-back.
 */

/** The parts of tfjs-wasm's BackendWasm these kernels use (its typings are not exported). */
export interface WasmBackend extends tf.KernelBackend {
  wasm: {
    /** tfjs-wasm's own C API (XNNPACK's pool) */
    tfjs?: { getThreadsCount?(): number };
    wasmMemory?: WebAssembly.Memory;
    asm?: { memory?: WebAssembly.Memory };
    _malloc(bytes: number): number;
    _free(pointer: number): void;
  };
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  incRef(dataId: object): void;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
}

interface Exports {
  convForward(...args: number[]): void;
  convWinograd(...args: number[]): void;
  convWinogradFilterGradient(...args: number[]): void;
  matMul(...args: number[]): void;
  convFilterGradient(...args: number[]): void;
  convInputGradient(...args: number[]): void;
  batchNormForward(...args: number[]): void;
  batchNormBackward(...args: number[]): void;
  flipFilter(...args: number[]): void;
  polyphaseFilter(...args: number[]): void;
  channelSum(...args: number[]): void;
  imageMeans(...args: number[]): void;
  spreadMeans(...args: number[]): void;
  adamStep(...args: number[]): void;
  momentumStep(...args: number[]): void;
  filmLeakyForward(...args: number[]): void;
  filmLeakyBackward(...args: number[]): void;
}

export interface Instance {
  /** the build with relaxed SIMD's fused multiply-add */
  fma: boolean;
  /** XNNPACK's pool on this backend, fixed when tfjs-wasm started (1 where it does not say) */
  xnnpackThreads: number;
  exports: Exports;
  scratch: number;
  scratchFloats: number;
}

let instances = new WeakMap<object, Instance>();
/**
 * enabled: setSimdKernelsEnabled (side-by-side benchmarks, tests); disabled: off for good
 * after a failure; fma: may use the relaxed-SIMD build (tests switch it off, then on);
 * winograd: 3×3 stride-1 convs may take the Winograd kernels (setWinogradEnabled)
 */
export const switches = { enabled: true, disabled: false, fma: true, winograd: true };

/** Forgets the instances: the next kernel call instantiates again (tests of either build). */
export function resetInstances(): void {
  instances = new WeakMap<object, Instance>();
}

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Instantiated once per backend object, on its memory (sync: a few kB, in a worker). */
export function instanceFor(backend: WasmBackend): Instance {
  let instance = instances.get(backend);
  if (instance) return instance;
  const memory = backend.wasm.wasmMemory ?? backend.wasm.asm?.memory;
  if (!memory) throw new Error('tfjs-wasm memory not found');
  const isShared =
    typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  // relaxed SIMD (a fused multiply-add) where the engine validates it, else the plain build
  const withFma = decode(isShared ? sharedFma : plainFma);
  const fma = switches.fma && WebAssembly.validate(withFma);
  const bytes = fma ? withFma : decode(isShared ? shared : plain);
  const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } })
    .exports as unknown as Exports;
  const xnnpackThreads = backend.wasm.tfjs?.getThreadsCount?.() ?? 1;
  instance = { exports, scratch: 0, scratchFloats: 0, fma, xnnpackThreads };
  instances.set(backend, instance);
  return instance;
}

/** A per-channel scratch block from tfjs' heap, grown on demand and kept. */
export function scratch(backend: WasmBackend, instance: Instance, floats: number): number {
  if (instance.scratchFloats < floats) {
    if (instance.scratch) backend.wasm._free(instance.scratch);
    instance.scratchFloats = Math.max(floats, 1024);
    instance.scratch = backend.wasm._malloc(instance.scratchFloats * 4);
  }
  return instance.scratch;
}

export const offset = (backend: WasmBackend, t: tf.TensorInfo) => {
  const data = backend.dataIdMap.get(t.dataId);
  if (!data) throw new Error('tensor not on the wasm backend');
  return data.memoryOffset;
};

/** Registers one of our kernels on tfjs' wasm backend: the backend, inputs and attributes typed. */
export function registerWasmKernel(
  kernelName: string,
  run: (
    backend: WasmBackend,
    inputs: Record<string, tf.TensorInfo>,
    attrs: Record<string, number>,
  ) => tf.TensorInfo | tf.TensorInfo[],
): void {
  tf.registerKernel({
    kernelName,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) =>
      run(
        backend as WasmBackend,
        inputs as Record<string, tf.TensorInfo>,
        attrs as unknown as Record<string, number>,
      ),
  });
}
