import * as tf from '@tensorflow/tfjs-core';
import { adamName, filmLeakyBackwardName, filmLeakyName, momentumName } from './simd-kernel-names';
import {
  instanceFor,
  offset,
  registerWasmKernel,
  scratch,
  switches,
  type Instance,
  type WasmBackend,
} from './simd-runtime';

/**
 * The kernels that cut the number of small kernels a step runs: one Adam call for
 * all variables, FiLM + LeakyReLU in one pass each way, and an Identity that shares memory.
 */

/**
 * tfjs keeps every tensor a gradient needs through `clone` (the Identity kernel), and
 * tfjs-wasm's Identity copies the data — ~100 to ~240 copies a step here. Tensors are
 * immutable and tfjs-wasm counts references per buffer (its Reshape shares the same way),
 * so the clone can share the buffer, as tfjs' cpu and webgl backends do.
 */
function registerSharingIdentity(): void {
  const copying = tf.getKernel('Identity', 'wasm');
  if (!copying) return;
  tf.unregisterKernel('Identity', 'wasm');
  tf.registerKernel({
    kernelName: 'Identity',
    backendName: 'wasm',
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: tf.TensorInfo };
      if (!switches.enabled || x.dtype === 'string') return copying.kernelFunc(args);
      (args.backend as WasmBackend).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  });
}

/**
 * tfjs' BatchMatMul on wasm, replaced by ours (assembly/matmul.ts) for float32: tfjs-wasm
 * took 0.2–0.66 ms for the labs' small products (~1 MFLOP: the heads, the queue's logits,
 * their gradients; 39 a step in Blind-SR's stage 2). Shapes it does not take (other dtypes,
 * empty, batches that broadcast other than from one) go to tfjs' own kernel, as does
 * everything while our kernels are switched off.
 */
function registerMatMul(): void {
  const original = tf.getKernel('BatchMatMul', 'wasm');
  if (!original) return;
  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel({
    kernelName: 'BatchMatMul',
    backendName: 'wasm',
    kernelFunc: (args) => {
      const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
      const { transposeA, transposeB } = args.attrs as unknown as {
        transposeA: boolean;
        transposeB: boolean;
      };
      const product = matMulShape(a.shape, b.shape, transposeA, transposeB);
      if (!switches.enabled || switches.disabled || !product) return original.kernelFunc(args);
      if (a.dtype !== 'float32' || b.dtype !== 'float32') return original.kernelFunc(args);
      const backend = args.backend as WasmBackend;
      const { m, k, n, batchA, batchB, outer } = product;
      const instance = instanceFor(backend);
      const out = backend.makeOutput([...outer, m, n], 'float32');
      const floats = (transposeA ? m * k : 0) + (transposeB ? k * n : 0);
      instance.exports.matMul(
        offset(backend, a),
        offset(backend, b),
        offset(backend, out),
        floats > 0 ? scratch(backend, instance, floats) : 0,
        ...[Math.max(batchA, batchB), batchA, batchB, m, k, n],
        transposeA ? 1 : 0,
        transposeB ? 1 : 0,
      );
      return out;
    },
  });
}

/** The product's sizes where our kernel takes it: no empty side, batches equal or one of one. */
export function matMulShape(
  aShape: readonly number[],
  bShape: readonly number[],
  transposeA: boolean,
  transposeB: boolean,
): { m: number; k: number; n: number; batchA: number; batchB: number; outer: number[] } | null {
  const [ra, rb] = [aShape.length, bShape.length];
  if (ra < 2 || rb < 2) return null;
  const m = transposeA ? aShape[ra - 1] : aShape[ra - 2];
  const k = transposeA ? aShape[ra - 2] : aShape[ra - 1];
  const n = transposeB ? bShape[rb - 2] : bShape[rb - 1];
  if ((transposeB ? bShape[rb - 1] : bShape[rb - 2]) !== k || m * k * n === 0) return null;
  const [outerA, outerB] = [aShape.slice(0, -2), bShape.slice(0, -2)];
  const size = (dims: number[]) => dims.reduce((p, d) => p * d, 1);
  const [batchA, batchB] = [size(outerA), size(outerB)];
  const same = outerA.length === outerB.length && outerA.every((d, i) => d === outerB[i]);
  if (!same && batchA !== 1 && batchB !== 1) return null;
  // the outer shape as tfjs broadcasts it (a batch of one takes the other's)
  const outer =
    batchA === 1 && !same ? broadcastOuter(outerA, outerB) : broadcastOuter(outerB, outerA);
  return { m, k, n, batchA, batchB, outer };
}

/** The broadcast of `ones` (every dimension 1, or equal) against `dims`, right-aligned. */
function broadcastOuter(ones: number[], dims: number[]): number[] {
  const rank = Math.max(ones.length, dims.length);
  return Array.from({ length: rank }, (_, i) => {
    const d = dims[dims.length - rank + i] ?? 1;
    const o = ones[ones.length - rank + i] ?? 1;
    return Math.max(d, o);
  });
}

/**
 * One new tensor per `a{i}` input (its shape), and the kernel's table of i32
 * [a_i, b_i, out_i, size_i] in scratch memory (the kernels of assembly/optim.ts).
 */
function pairTable(
  b: WasmBackend,
  instance: Instance,
  inputs: Record<string, tf.TensorInfo | undefined>,
  first: string,
  second: string,
  count: number,
): { table: number; outputs: tf.TensorInfo[] } {
  const table = scratch(b, instance, 4 * count);
  const pairs = Array.from({ length: count }, (_, i) => ({
    x: inputs[`${first}${i}`] as tf.TensorInfo,
    y: inputs[`${second}${i}`] as tf.TensorInfo,
  }));
  const outputs = pairs.map(({ y }) => b.makeOutput(y.shape, 'float32'));
  // one view, taken after every malloc (one may have grown, and replaced, the buffer)
  const memory = (b.wasm.wasmMemory ?? b.wasm.asm?.memory) as WebAssembly.Memory;
  new Int32Array(memory.buffer, table, 4 * count).set(
    pairs.flatMap(({ x, y }, i) => [
      offset(b, x),
      offset(b, y),
      offset(b, outputs[i]),
      y.shape.reduce((a, d) => a * d, 1),
    ]),
  );
  return { table, outputs };
}

export function registerTrainingKernels(): void {
  registerSharingIdentity();
  registerMatMul();
  // inputs k0…, q0… → outputs m·k_i + c·q_i
  registerWasmKernel(momentumName, (b, inputs, attrs) => {
    const { count, m, c } = attrs;
    const instance = instanceFor(b);
    const { table, outputs } = pairTable(b, instance, inputs, 'k', 'q', count);
    instance.exports.momentumStep(table, count, m, c);
    return outputs;
  });
  // inputs g0…, w0…, m, v → outputs w0'…, m', v'
  registerWasmKernel(adamName, (b, inputs, attrs) => {
    const { count, beta1, beta2, stepSize, epsilonHat } = attrs;
    const { m, v } = inputs;
    const instance = instanceFor(b);
    const { table, outputs } = pairTable(b, instance, inputs, 'g', 'w', count);
    const mOut = b.makeOutput(m.shape, 'float32');
    const vOut = b.makeOutput(v.shape, 'float32');
    instance.exports.adamStep(
      table,
      count,
      offset(b, m),
      offset(b, v),
      offset(b, mOut),
      offset(b, vOut),
      beta1,
      beta2,
      stepSize,
      epsilonHat,
    );
    return [...outputs, mOut, vOut];
  });
  registerWasmKernel(filmLeakyName, (b, inputs, attrs) => {
    const { x, film } = inputs;
    const { slope } = attrs;
    const [batch, height, width, channels] = x.shape;
    const y = b.makeOutput(x.shape, 'float32');
    instanceFor(b).exports.filmLeakyForward(
      offset(b, x),
      offset(b, film),
      offset(b, y),
      batch,
      height * width,
      channels,
      slope,
    );
    return y;
  });
  registerWasmKernel(filmLeakyBackwardName, (b, inputs, attrs) => {
    const { x, y, dy, film } = inputs;
    const { slope } = attrs;
    const [batch, height, width, channels] = x.shape;
    const dx = b.makeOutput(x.shape, 'float32');
    const dFilm = b.makeOutput(film.shape, 'float32');
    instanceFor(b).exports.filmLeakyBackward(
      offset(b, x),
      offset(b, y),
      offset(b, dy),
      offset(b, film),
      offset(b, dx),
      offset(b, dFilm),
      batch,
      height * width,
      channels,
      slope,
    );
    return [dx, dFilm];
  });
}
