import * as tf from '@tensorflow/tfjs-core';
import { simdKernelsActive } from './simd-kernels';
import { batchNormBackwardKernel, batchNormForwardKernel } from './simd-ops';

export type Activation = 'relu' | 'leakyRelu' | 'none';

const epsilon = 1e-5;
const leakySlope = 0.1; // DASR's LeakyReLU(0.1)

/**
 * Training-mode batch norm over [B, H, W, C] (axes 0–2) fused with its activation, with
 * the analytic gradient (Ioffe & Szegedy 2015, §3):
 *   dx = γ·rstd/m · (m·dŷ − Σdŷ − x̂·Σ(dŷ·x̂)),  dγ = Σ dŷ·x̂,  dβ = Σ dŷ
 * About a third of the kernels tfjs' autodiff of moments() + arithmetic launches, which on
 * the CPU backends costs more than the convolutions. `onMoments` receives the batch mean
 * and variance (already kept) for the running averages.
 */
export function batchNormActivation(
  x: tf.Tensor4D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  activation: Activation,
  onMoments?: (mean: tf.Tensor1D, variance: tf.Tensor1D) => void,
): tf.Tensor4D {
  if (simdKernelsActive()) return batchNormActivationKernel(x, gamma, beta, activation, onMoments);
  return batchNormActivationOps(x, gamma, beta, activation, onMoments);
}

/**
 * The same on tfjs-wasm as two SIMD kernels of ours (assembly/kernels.ts): the forward
 * (moments, normalise, affine, activation) in three passes over x, the backward in two,
 * where tfjs ops take ~15 kernels each way. Saves x, μ, rstd; x̂ and the activation's mask
 * are recomputed in the backward pass rather than kept.
 */
function batchNormActivationKernel(
  x: tf.Tensor4D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  activation: Activation,
  onMoments?: (mean: tf.Tensor1D, variance: tf.Tensor1D) => void,
): tf.Tensor4D {
  const op = tf.customGrad((input, scale, shift, save) => {
    const xs = input as tf.Tensor4D;
    const [y, mean, variance, rstd] = batchNormForwardKernel(
      xs,
      scale as tf.Tensor1D,
      shift as tf.Tensor1D,
      epsilon,
      activation,
      leakySlope,
    );
    if (onMoments) onMoments(tf.keep(mean.clone()), tf.keep(variance.clone()));
    variance.dispose();
    (save as tf.GradSaveFunc)([xs, scale as tf.Tensor, shift as tf.Tensor, mean, rstd]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
        const [savedX, savedScale, savedShift, savedMean, savedRstd] = saved as [
          tf.Tensor4D,
          tf.Tensor1D,
          tf.Tensor1D,
          tf.Tensor1D,
          tf.Tensor1D,
        ];
        return batchNormBackwardKernel(
          savedX,
          dy,
          savedScale,
          savedShift,
          savedMean,
          savedRstd,
          activation,
          leakySlope,
        );
      },
    };
  }) as (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => tf.Tensor;
  return op(x, gamma, beta) as tf.Tensor4D;
}

/** The tfjs-op form (every backend; the reference the kernel form is tested against). */
export function batchNormActivationOps(
  x: tf.Tensor4D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  activation: Activation,
  onMoments?: (mean: tf.Tensor1D, variance: tf.Tensor1D) => void,
): tf.Tensor4D {
  const [b, h, w] = x.shape;
  const count = b * h * w;
  const op = tf.customGrad((input, scale, shift, save) => {
    const xs = input as tf.Tensor4D;
    const mean = xs.mean([0, 1, 2]) as tf.Tensor1D;
    const centred = xs.sub(mean);
    const variance = centred.square().mean([0, 1, 2]) as tf.Tensor1D;
    const rstd = variance.add(epsilon).rsqrt();
    const normalised = centred.mul(rstd);
    const affine: tf.Tensor4D = normalised.mul(scale as tf.Tensor).add(shift as tf.Tensor);
    const y: tf.Tensor4D =
      activation === 'relu'
        ? affine.relu()
        : activation === 'leakyRelu'
          ? affine.leakyRelu(leakySlope)
          : affine;
    onMoments?.(tf.keep(mean.clone()), tf.keep(variance.clone()));
    (save as tf.GradSaveFunc)([normalised, rstd, scale as tf.Tensor, affine]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
        const [xHat, savedRstd, savedScale, savedAffine] = saved;
        const sum = (t: tf.Tensor) => t.sum([0, 1, 2]);
        let dAffine: tf.Tensor = dy;
        if (activation === 'relu') dAffine = dy.mul(savedAffine.step(0));
        else if (activation === 'leakyRelu') dAffine = dy.mul(savedAffine.step(leakySlope));
        const dBeta = sum(dAffine);
        const dGamma = sum(dAffine.mul(xHat));
        const dx = dAffine
          .sub(dBeta.div(count))
          .sub(xHat.mul(dGamma.div(count)))
          .mul(savedScale.mul(savedRstd));
        return [dx, dGamma, dBeta];
      },
    };
  }) as (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => tf.Tensor;
  return op(x, gamma, beta) as tf.Tensor4D;
}
