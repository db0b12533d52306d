import * as tf from '@tensorflow/tfjs-core';
import { adamName, filmLeakyBackwardName, filmLeakyName } from './simd-kernel-names';
import { instanceFor, offset, scratch, switches, type WasmBackend } from './simd-runtime';

/**
 * The kernels that cut the per-step count of small kernels (issue #12): one Adam call for
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

export function registerTrainingKernels(): void {
  registerSharingIdentity();
  tf.registerKernel({
    kernelName: adamName,
    backendName: 'wasm',
    // inputs g0…, w0…, m, v → outputs w0'…, m', v'
    kernelFunc: ({ inputs, backend, attrs }) => {
      const b = backend as WasmBackend;
      const { count, beta1, beta2, stepSize, epsilonHat } = attrs as Record<string, number>;
      const { m, v } = inputs as Record<string, tf.TensorInfo>;
      const instance = instanceFor(b);
      const table = scratch(b, instance, 4 * count);
      const memory = (b.wasm.wasmMemory ?? b.wasm.asm?.memory) as WebAssembly.Memory;
      const outputs: tf.TensorInfo[] = [];
      for (let i = 0; i < count; i++) {
        const g = inputs[`g${i}`] as tf.TensorInfo;
        const w = inputs[`w${i}`] as tf.TensorInfo;
        const out = b.makeOutput(w.shape, 'float32');
        outputs.push(out);
        // after makeOutput: a malloc may have grown (replaced) the memory's buffer
        new Int32Array(memory.buffer, table + 16 * i, 4).set([
          offset(b, g),
          offset(b, w),
          offset(b, out),
          w.shape.reduce((a, d) => a * d, 1),
        ]);
      }
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
    },
  });
  tf.registerKernel({
    kernelName: filmLeakyName,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const b = backend as WasmBackend;
      const { x, film } = inputs as Record<string, tf.TensorInfo>;
      const { slope } = attrs as Record<string, number>;
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
    },
  });
  tf.registerKernel({
    kernelName: filmLeakyBackwardName,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const b = backend as WasmBackend;
      const { x, y, dy, film } = inputs as Record<string, tf.TensorInfo>;
      const { slope } = attrs as Record<string, number>;
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
    },
  });
}
