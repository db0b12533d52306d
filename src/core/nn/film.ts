import * as tf from '@tensorflow/tfjs-core';
import { simdKernelsActive } from './simd-kernels';
import { filmLeakyBackwardKernel, filmLeakyKernel } from './simd-ops';

/**
 * FiLM (Perez et al. 2018) then LeakyReLU: y = LeakyReLU(x·(1 + γ_b) + β_b), with
 * x: [B, H, W, C] and film: [B, 2C] holding [γ_b | β_b] per sample (the FiLM generator's
 * output as it comes). On tfjs-wasm one kernel each way (assembly/film.ts); elsewhere, and
 * as its reference in the tests, the tfjs ops and their own gradients.
 */
export function filmLeakyRelu(x: tf.Tensor4D, film: tf.Tensor2D, slope: number): tf.Tensor4D {
  const [b, , , c] = x.shape;
  if (!simdKernelsActive()) {
    const gamma = film.slice([0, 0], [b, c]).reshape([b, 1, 1, c]);
    const beta = film.slice([0, c], [b, c]).reshape([b, 1, 1, c]);
    return x.mul(gamma.add(1)).add(beta).leakyRelu(slope) as tf.Tensor4D;
  }
  const op = tf.customGrad((input, generator, save) => {
    const xs = input as tf.Tensor4D;
    const fs = generator as tf.Tensor2D;
    const y = filmLeakyKernel(xs, fs, slope);
    (save as tf.GradSaveFunc)([xs, y, fs]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
        const [sx, sy, sf] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor2D];
        return filmLeakyBackwardKernel(sx, sy, dy, sf, slope);
      },
    };
  });
  return op(x, film) as tf.Tensor4D;
}
