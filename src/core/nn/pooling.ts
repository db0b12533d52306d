import * as tf from '@tensorflow/tfjs-core';
import { simdKernelsActive } from './simd-kernels';
import { centerImagesKernel, imageMeansKernel, spreadMeansKernel } from './simd-ops';

/**
 * Global average pooling, [B, H, W, C] → [B, C]. On tfjs-wasm our kernels both ways
 * (assembly/filters.ts: one pass each, where tfjs-wasm's Mean and the broadcast ops of its
 * gradient took 0.1–0.2 ms each); tfjs' mean elsewhere.
 */
export function globalAveragePool(x: tf.Tensor4D): tf.Tensor2D {
  if (!simdKernelsActive()) return x.mean([1, 2]) as tf.Tensor2D;
  const [, height, width] = x.shape;
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    (args[1] as tf.GradSaveFunc)([]);
    return {
      value: imageMeansKernel(args[0] as tf.Tensor4D),
      gradFunc: (dy: tf.Tensor) =>
        spreadMeansKernel(dy as tf.Tensor2D, height, width, 1 / (height * width)),
    };
  });
  return op(x) as tf.Tensor2D;
}

/**
 * Each image minus its own channel means, [B, H, W, C] → the same. For data only (the
 * encoders' input): on tfjs-wasm it is one kernel of ours, with no gradient.
 */
export function centerImages(x: tf.Tensor4D): tf.Tensor4D {
  if (!simdKernelsActive()) return x.sub(x.mean([1, 2], true)) as tf.Tensor4D;
  return centerImagesKernel(x);
}
